import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { frenchDate } from '../../../common/french';
import type { CooperationDashboard } from '../../../preload/contract';
import { numberFormat } from '../../shared/format';
import { figureSections, type KeyFigure } from './periods';

/** A section's cards and what they count, each explanation written once on the page. */
interface ExplainedSection {
  title: string;
  /** Under the title: what all its cards count (with its id), or that they count as above. */
  note: { text: string; id?: string } | null;
  cards: { figure: KeyFigure; text: string | null; explainedBy: string }[];
}

const AS_ABOVE = { text: 'Mêmes définitions que ci-dessus.' };

/**
 * Each explanation once: under a section's title when all its cards share it (the four kinds
 * of réunion), else on the first card that has it (the second Département's people count as
 * the first's); a card points to its explanation wherever it is, for screen readers.
 */
function explainOnce(sections: { title: string; figures: KeyFigure[] }[]): ExplainedSection[] {
  const ids = new Map<string, string>();
  const place = (text: string) => {
    const known = ids.get(text);
    if (known) return { id: known, first: false };
    const id = `explication-${ids.size}`;
    ids.set(text, id);
    return { id, first: true };
  };
  return sections.map((section) => {
    const shared = section.figures.length > 1 && section.figures.every((figure) => figure.counts === section.figures[0].counts);
    if (shared) {
      const { id, first } = place(section.figures[0].counts);
      const note = first ? { text: section.figures[0].counts, id } : AS_ABOVE;
      return { title: section.title, note, cards: section.figures.map((figure) => ({ figure, text: null, explainedBy: id })) };
    }
    const cards = section.figures.map((figure) => {
      const { id, first } = place(figure.counts);
      return { figure, text: first ? figure.counts : null, explainedBy: id };
    });
    return { title: section.title, note: cards.every((card) => card.text === null) ? AS_ABOVE : null, cards };
  });
}

/** Every key figure as a card: its number, its name, and what it counts, said once. */
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
        {explainOnce(figureSections(figures.figures)).map((section, index) => (
          <section key={section.title} aria-labelledby={`chiffres-${index}`}>
            <Title order={3} size="h6" id={`chiffres-${index}`} mb={section.note ? 0 : 6}>
              {section.title}
            </Title>
            {section.note && (
              <Text size="xs" c="dimmed" mb={6} id={section.note.id}>
                {section.note.text}
              </Text>
            )}
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
              {section.cards.map(({ figure, text, explainedBy }) => (
                <Paper key={figure.key} withBorder p="sm" radius="md" role="group" aria-label={figure.label} aria-describedby={explainedBy}>
                  <Text fz={26} fw={700} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {numberFormat.format(figure.value)}
                  </Text>
                  <Text size="sm" fw={600}>
                    {figure.value <= 1 ? figure.singular : figure.label}
                  </Text>
                  {text && (
                    <Text size="xs" c="dimmed" id={explainedBy}>
                      {text}
                    </Text>
                  )}
                </Paper>
              ))}
            </SimpleGrid>
          </section>
        ))}
      </Stack>
    </section>
  );
}
