import { Anchor, Stack, TextInput } from '@mantine/core';
import { FieldRow } from '../../shared/FieldRow';
import { IconExternalLink } from '@tabler/icons-react';
import { fieldLabel } from '../../../common/fields';
import type { ActionDetail } from '../../../preload/contract';
import { call, send } from '../../api';
import { EntryList, RemovableEntry } from './Entries';
import { NewEntryForm, useNewEntry } from './NewEntryForm';
import { useDraft } from '../../shared/useDraft';

/** Documents and pages about the action: an optional label and a url. */
export function LinksEditor({ action }: { action: ActionDetail }) {
  return (
    <Stack gap="xs">
      <EntryList empty="Aucun lien pour le moment.">
        {action.links.map((link) => (
          <RemovableEntry
            key={link.id}
            remove={{
              label: `Supprimer le lien «\u202f${link.label || link.url}\u202f»`,
              remove: () => send('deleteLink', link.id),
              undo: { label: 'Lien supprimé', revert: () => send('restoreDeleted', 'link', link.id) },
            }}
          >
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
          </RemovableEntry>
        ))}
      </EntryList>
      <NewLinkForm actionId={action.id} />
    </Stack>
  );
}

function NewLinkForm({ actionId }: { actionId: string }) {
  const [label, setLabel] = useDraft(`link:${actionId}:label`);
  const [url, setUrl] = useDraft(`link:${actionId}:url`);
  const { errors, submit, busy } = useNewEntry({
    fields: ['url', 'label'],
    add: () => send('addLink', actionId, { label: label.trim() || null, url: url.trim() }),
    undo: (id) => ({ label: 'Lien ajouté', revert: () => send('deleteLink', id) }),
    clear: () => {
      setLabel('');
      setUrl('');
    },
  });

  return (
    <NewEntryForm submit={submit} busy={busy} label="Ajouter le lien">
      <FieldRow>
        <TextInput label={fieldLabel('link', 'label')} value={label} error={errors.label} onChange={(e) => setLabel(e.currentTarget.value)} />
        <TextInput label={fieldLabel('link', 'url')} placeholder="https://…" value={url} error={errors.url} onChange={(e) => setUrl(e.currentTarget.value)} />
      </FieldRow>
    </NewEntryForm>
  );
}
