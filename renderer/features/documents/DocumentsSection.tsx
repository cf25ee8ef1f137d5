import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { MAX_ATTACHMENT_MEGABYTES } from '../../../common/vocabulary';
import { IconFileText, IconPaperclip } from '@tabler/icons-react';
import { call, send, useApiData } from '../../api';
import { useFormSaver } from '../../shared/autosave/FormSaver';
import { RemoveButton } from '../../shared/RemoveButton';
import { formatBytes, formatDate } from '../../shared/format';

/**
 * The documents attached to an action or a meeting (a signed convention, a note de cadrage):
 * kept in the project, synced to the other postes, opened with the system's application
 * after the same confirmation as a file link.
 */
export function DocumentsSection({ ownerId }: { ownerId: string }) {
  const { data: documents } = useApiData('listAttachments', ownerId);
  const { perform } = useFormSaver();
  if (!documents) return null;

  return (
    <Stack gap="xs">
      {documents.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucun document joint pour le moment.
        </Text>
      )}
      {documents.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {documents.map((document) => (
            <Group component="li" key={document.id} justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                {document.available ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => void call('openAttachment', document.id)}
                    style={{ wordBreak: 'break-word', textAlign: 'left' }}
                  >
                    <IconFileText size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                    {document.name}
                  </Anchor>
                ) : (
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{document.name}</Text>
                    <Badge size="sm" variant="light" color="gray">
                      en attente de réception
                    </Badge>
                  </Group>
                )}
                <Text size="xs" c="dimmed">
                  {formatBytes(document.size)} · joint le {formatDate(document.added_on)}
                  {document.added_by_name ? ` par ${document.added_by_name}` : ''}
                </Text>
              </div>
              <RemoveButton
                label={`Retirer le document «\u202f${document.name}\u202f»`}
                remove={() => send('detachDocument', document.id)}
                undo={{ label: 'Document retiré', revert: () => send('restoreDeleted', 'attachment', document.id) }}
              />
            </Group>
          ))}
        </Stack>
      )}
      <Group justify="space-between" align="center">
        <Text size="xs" c="dimmed">
          {MAX_ATTACHMENT_MEGABYTES} Mo au plus par document&#x202f;; au-delà, ajoutez plutôt un lien vers le fichier.
        </Text>
        <Button
          variant="light"
          leftSection={<IconPaperclip size={16} aria-hidden />}
          onClick={() =>
            void perform(
              () => send('attachDocument', ownerId),
              (attached) => (attached ? { label: `Document «\u202f${attached.name}\u202f» joint`, revert: () => send('detachDocument', attached.id) } : null),
            )
          }
        >
          Joindre un document…
        </Button>
      </Group>
    </Stack>
  );
}
