import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import type { ActionDetail } from '../../../preload/contract';
import { call, send } from '../../api';
import { useFormSaver } from '../../shared/autosave/FormSaver';
import { RemoveButton } from '../../shared/RemoveButton';

/** Documents and pages about the action: an optional label and a url. */
export function LinksEditor({ action }: { action: ActionDetail }) {
  return (
    <Stack gap="xs">
      {action.links.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucun lien pour le moment.
        </Text>
      )}
      {action.links.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {action.links.map((link) => (
            <Group component="li" key={link.id} justify="space-between" wrap="nowrap" gap="xs">
              {/* Opened by main (its rules for files): a page of the app may not open file: links itself. */}
              <Anchor
                href={link.url}
                onClick={(event) => {
                  event.preventDefault();
                  void call('openLink', link.url);
                }}
                size="sm"
                style={{ wordBreak: 'break-all' }}
              >
                <IconExternalLink size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                {link.label || link.url}
              </Anchor>
              <RemoveButton
                label={`Supprimer le lien «\u202f${link.label || link.url}\u202f»`}
                remove={() => send('deleteLink', link.id)}
                undo={{ label: 'Lien supprimé', revert: () => send('restoreDeleted', 'link', link.id) }}
              />
            </Group>
          ))}
        </Stack>
      )}
      <NewLinkForm actionId={action.id} />
    </Stack>
  );
}

function NewLinkForm({ actionId }: { actionId: string }) {
  const { run } = useFormSaver();
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<{ label?: string; url?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await run(
      () => send('addLink', actionId, { label: label.trim() || null, url: url.trim() }),
      (id) => ({ label: 'Lien ajouté', revert: () => send('deleteLink', id) }),
    );
    if (!result.ok) return setError(result.error.field === 'label' ? { label: result.error.message } : { url: result.error.message });
    setError({});
    setLabel('');
    setUrl('');
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput label={fieldLabel('link', 'label')} value={label} error={error.label} onChange={(e) => setLabel(e.currentTarget.value)} />
          <TextInput label={fieldLabel('link', 'url')} placeholder="https://…" value={url} error={error.url} onChange={(e) => setUrl(e.currentTarget.value)} />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
            Ajouter le lien
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
