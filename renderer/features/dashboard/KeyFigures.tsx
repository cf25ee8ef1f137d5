import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { frenchDate } from '../../../common/french';
import type { CooperationDashboard } from '../../../preload/contract';
import { numberFormat } from '../../shared/format';
import { figureSections } from './periods';

/** Every key figure as a card: its number, its name, and in one line what it counts. */
export function KeyFigures({ figures }: { figures: CooperationDashboard['figures'] }) {
  return (
    <section aria-labelledby="chiffres-cles">
      <Title order={2} size="h4" id="chiffres-cles" mb={4}>
        Chiffres clés
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Réunions et personnes {figures.period}, au {frenchDate(figures.today)}.
      </Text>
      <Stack gap="md">
        {figureSections(figures.figures).map((section, index) => (
          <section key={section.title} aria-labelledby={`chiffres-${index}`}>
            <Title order={3} size="h6" id={`chiffres-${index}`} mb={6}>
              {section.title}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
              {section.figures.map((figure) => (
                <Paper key={figure.key} withBorder p="sm" radius="md" role="group" aria-label={figure.label}>
                  <Text fz={26} fw={700} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {numberFormat.format(figure.value)}
                  </Text>
                  <Text size="sm" fw={600}>
                    {figure.value <= 1 ? figure.singular : figure.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {figure.counts}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          </section>
        ))}
      </Stack>
    </section>
  );
}
