import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { ImportSummary } from '../../../preload/contract';
import { href } from '../../app/navigation';
import { numberFormat } from '../../shared/format';
import { capitalized, importDetails, importHeadline } from './describe';
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
          <ActionChanges summary={summary} onClose={onClose} />
          {summary.by_origin.length > 1 && (
            <div>
              <Text fw={600} size="sm">
                Mises à jour nouvelles, par ordinateur d'origine
              </Text>
              <List size="sm">
                {summary.by_origin.map((origin) => (
                  <List.Item key={origin.origin}>
                    {capitalized(origin.replica)} : {numberFormat.format(origin.count)}
                  </List.Item>
                ))}
              </List>
            </div>
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

/** « Bourse commune de l'emploi » : Statut : En cours → Bloqué, par Marc Petit — each action a link to its fiche. */
function ActionChanges({ summary, onClose }: { summary: ImportSummary; onClose: () => void }) {
  // Files of Entente 0.4 and older journalled their summary without it.
  const changes = summary.action_changes;
  if (!changes || changes.actions.length === 0) return null;
  return (
    <section aria-label="Ce qui a changé, action par action">
      <Text fw={600} size="sm" mb={4}>
        Ce qui a changé, action par action
      </Text>
      <Stack gap="xs">
        {changes.actions.map((action) => (
          <div key={action.action_id}>
            <Anchor href={href({ page: 'action', id: action.action_id })} onClick={onClose} size="sm" fw={600}>
              « {action.title} »
            </Anchor>
            <List size="sm" withPadding>
              {action.lines.map((line, index) => (
                <List.Item key={index}>{line}</List.Item>
              ))}
            </List>
          </div>
        ))}
      </Stack>
      {changes.more > 0 && (
        <Text size="sm" c="dimmed" mt={4}>
          … et {numberFormat.format(changes.more)} {changes.more > 1 ? 'autres mises à jour' : 'autre mise à jour'}, à voir dans les fiches.
        </Text>
      )}
    </section>
  );
}
