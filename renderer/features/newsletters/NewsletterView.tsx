// The lettre as it reads: the editorial, then each article under its kind. Shown by the
// published lettre's page; the printed sheet lays the same parts out on A4.
import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import type { NewsletterDocument } from '../../../preload/contract';
import { MarkdownBlocks } from './MarkdownBlocks';
import classes from './Newsletter.module.css';

export function NewsletterView({ document }: { document: NewsletterDocument }) {
  return (
    <Stack gap="md">
      {document.editorial.length > 0 && (
        <Paper withBorder p="md" radius="md" component="section" aria-label="Éditorial">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={4}>
            Éditorial
          </Text>
          <MarkdownBlocks blocks={document.editorial} className={classes.text} />
        </Paper>
      )}
      {document.items.map((item) => (
        <Paper key={item.id} withBorder p="md" radius="md" component="article" aria-label={item.title}>
          {item.kind_label && (
            <Badge variant="light" mb={6}>
              {item.kind_label}
            </Badge>
          )}
          <Title order={2} size="h4" mb={4}>
            {item.title}
          </Title>
          <MarkdownBlocks blocks={item.blocks} className={classes.text} />
        </Paper>
      ))}
    </Stack>
  );
}
