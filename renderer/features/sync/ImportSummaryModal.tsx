import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { ImportSummary } from '../../../preload/contract';
import { href } from '../../app/navigation';
import { numberFormat } from '../../shared/format';
import { importDetails, importHeadline } from './describe';
import { GapsAlert } from './GapsAlert';

/** What an import brought: from whom, what is new, conflicts, and gaps still missing. */
export function ImportSummaryModal({ summary, onClose }: { summary: ImportSummary | null; onClose: () => void }) {
  return (
    <Modal opened={summary !== null} onClose={onClose} title="Import terminé" size="lg">
      {summary && (
        <Stack gap="sm">
          <Text>{importHeadline(summary)}</Text>
          {summary.by_origin.length > 0 && (
            <div>
              <Text fw={600} size="sm">
                Modifications nouvelles, par poste
              </Text>
              <List size="sm">
                {summary.by_origin.map((origin) => (
                  <List.Item key={origin.origin}>
                    {origin.replica} : {numberFormat.format(origin.count)}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {importDetails(summary).length > 0 && (
            <List size="sm">
              {importDetails(summary).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          )}
          {summary.new_conflicts > 0 && (
            <Alert color="orange" title="Valeurs concurrentes">
              Deux personnes ont modifié les mêmes champs sans le savoir. Les deux versions sont gardées :{' '}
              <Anchor href={href({ page: 'conflicts' })} onClick={onClose} underline="always" fw={600} c="var(--mantine-color-text)">
                choisir dans l'écran Conflits
              </Anchor>
              .
            </Alert>
          )}
          <GapsAlert title="Modifications encore manquantes" gaps={summary.gaps.map((gap) => gap.description)}>
            Elles arriveront avec un prochain fichier de ce poste, ou demandez-lui un export complet.
          </GapsAlert>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              Fermer
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
