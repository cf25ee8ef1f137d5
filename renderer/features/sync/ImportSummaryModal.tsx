import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { ImportSummary } from '../../../preload/contract';
import { href } from '../../app/navigation';
import { numberFormat } from '../../shared/format';
import { ActionChangesList } from './ActionChangesList';
import { capitalized } from '../../../common/french';
import { importDetails, importHeadline } from './describe';
import { GapsAlert } from './GapsAlert';

/** What an import brought: from whom, what changed action by action, conflicts, and gaps still missing. */
export function ImportSummaryModal({ summary, onClose }: { summary: ImportSummary | null; onClose: () => void }) {
  return (
    <Modal opened={summary !== null} onClose={onClose} title="Import terminé" size="xl">
      {summary && (
        <Stack gap="sm">
          <Text>{importHeadline(summary)}</Text>
          {importDetails(summary).length > 0 && (
            <List size="sm">
              {importDetails(summary).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          )}
          {/* Summaries journalled by Entente 0.4 and older have no action_changes. */}
          {summary.action_changes && <ActionChangesList changes={summary.action_changes} onOpen={onClose} />}
          {summary.by_origin.length > 1 && (
            <div>
              <Text fw={600} size="sm">
                Mises à jour nouvelles, par ordinateur d'origine
              </Text>
              <List size="sm">
                {summary.by_origin.map((origin) => (
                  <List.Item key={origin.origin}>
                    {capitalized(origin.replica)}&#x202f;: {numberFormat.format(origin.count)}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {summary.new_conflicts > 0 && (
            <Alert color="orange" title="Valeurs concurrentes">
              Deux personnes ont modifié les mêmes champs sans le savoir. Les deux versions sont gardées&#x202f;:{' '}
              <Anchor href={href({ page: 'conflicts' })} onClick={onClose} underline="always" fw={600} c="var(--mantine-color-text)">
                choisir dans l'écran Conflits
              </Anchor>
              .
            </Alert>
          )}
          <GapsAlert title="Mises à jour encore manquantes" gaps={summary.gaps.map((gap) => gap.description)}>
            Elles arriveront avec un prochain fichier de cet ordinateur, ou demandez à son utilisateur un export complet.
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
