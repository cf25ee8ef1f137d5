import { Alert, Button, Group, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldLabel } from '../../../common/fields';
import { partnerNoun, partnerWord } from '../../../common/partners';
import type { InvitationPreview } from '../../../preload/contract';
import { send } from '../../api';
import { navigate } from '../../app/navigation';
import { formatDateTime, numberFormat } from '../../shared/format';
import { partnerOptions } from '../../shared/people';

const SOMEONE_ELSE = 'new';

/** Joining from an invitation: the file, its passphrase, then who uses this laptop. */
export function JoinProjectForm({ openedInvitation = false }: { openedInvitation?: boolean }) {
  const [fileName, setFileName] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<InvitationPreview>();
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [fonction, setFonction] = useState('');
  const [computer, setComputer] = useState('');
  const [errors, setErrors] = useState<{ file?: string; passphrase?: string; partnerId?: string; personId?: string; name?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  // The invitation the system asked Entente to open is the one chosen.
  useEffect(() => {
    if (!openedInvitation) return;
    void send('takeOpenedInvitation').then((result) => {
      if (!result.ok) setErrors({ file: result.error.message });
      else if (result.value) setFileName(result.value.file_name);
    });
  }, [openedInvitation]);

  async function chooseFile() {
    const result = await send('chooseInvitation');
    if (!result.ok) return setErrors({ file: result.error.message });
    if (!result.value) return;
    setFileName(result.value.file_name);
    setPreview(undefined);
    setErrors({});
  }

  async function open(event: FormEvent) {
    event.preventDefault();
    if (!fileName) return setErrors({ file: "Choisissez d'abord le fichier d'invitation." });
    // Deriving the keys from the passphrase takes about a second.
    setBusy(true);
    const result = await send('previewInvitation', passphrase);
    setBusy(false);
    if (!result.ok) return setErrors({ passphrase: result.error.message });
    setErrors({});
    setPreview(result.value);
  }

  async function join(event: FormEvent) {
    event.preventDefault();
    const newPerson = personId === SOMEONE_ELSE;
    const missing = {
      partnerId: partnerId ? undefined : `Choisissez votre ${partnerNoun(preview?.partners ?? [])}.`,
      personId: personId ? undefined : 'Choisissez votre nom, ou «\u202fUne autre personne\u202f».',
      name: !newPerson || name.trim() ? undefined : 'Indiquez votre nom.',
    };
    setErrors(missing);
    if (missing.partnerId || missing.personId || missing.name || !partnerId || !preview) return;
    const person = preview.people.find((candidate) => candidate.id === personId);
    setBusy(true);
    navigate({ page: 'dashboard' });
    const result = await send('joinProject', passphrase, {
      name: person?.name ?? name.trim(),
      function: newPerson ? fonction.trim() || null : null,
      partner_id: partnerId,
      person_id: person?.id ?? null,
      label: computer.trim() || null,
    });
    setBusy(false);
    if (!result.ok) setErrors({ form: result.error.message });
  }

  if (!preview) {
    return (
      <form onSubmit={open} noValidate>
        <Stack gap="md">
          <Text>Une personne de la coopération vous a remis une invitation (un fichier) et, par un autre moyen, la phrase de passe de la coopération.</Text>
          <Group>
            <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => void chooseFile()}>
              Choisir le fichier d'invitation…
            </Button>
            <Text size="sm" c={fileName ? undefined : 'dimmed'}>
              {fileName ?? 'Aucun fichier choisi'}
            </Text>
          </Group>
          {errors.file && (
            <Text c="var(--mantine-color-error)" size="sm" role="alert">
              {errors.file}
            </Text>
          )}
          <PasswordInput
            label="Phrase de passe de la coopération"
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            error={errors.passphrase}
            autoComplete="off"
          />
          <Button type="submit" disabled={!fileName} loading={busy}>
            Ouvrir l'invitation
          </Button>
        </Stack>
      </form>
    );
  }

  const people = preview.people.filter((person) => person.partner_id === partnerId);
  return (
    <form onSubmit={join} noValidate>
      <Stack gap="md">
        <Alert color="blue" title={preview.project_name}>
          Invitation du {formatDateTime(preview.created_at)}&#x202f;: {numberFormat.format(preview.changes)} mises à jour, tout l'historique de la coopération.
        </Alert>
        <Select
          label={partnerWord(preview.partners)}
          required
          data={partnerOptions(preview.partners)}
          value={partnerId}
          onChange={(value) => {
            setPartnerId(value);
            setPersonId(null);
          }}
          error={errors.partnerId}
          placeholder="Choisir"
        />
        <Select
          label="Vous êtes"
          required
          disabled={!partnerId}
          data={[...people.map((person) => ({ value: person.id, label: person.name })), { value: SOMEONE_ELSE, label: 'Une autre personne…' }]}
          value={personId}
          onChange={setPersonId}
          error={errors.personId}
          placeholder="Choisir"
        />
        {personId === SOMEONE_ELSE && (
          <>
            <TextInput
              label={fieldLabel('person', 'name')}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
            />
            <TextInput label={fieldLabel('person', 'function')} value={fonction} onChange={(event) => setFonction(event.currentTarget.value)} />
          </>
        )}
        {/* A person's lost laptop and its replacement: told apart by this name in Paramètres › Ordinateurs. */}
        <TextInput
          label="Nom de cet ordinateur"
          description={'Facultatif\u202f: pour le distinguer de vos autres ordinateurs, par exemple «\u202fPortable DRH\u202f».'}
          value={computer}
          onChange={(event) => setComputer(event.currentTarget.value)}
        />
        {errors.form && (
          <Text c="var(--mantine-color-error)" role="alert">
            {errors.form}
          </Text>
        )}
        <Group justify="space-between">
          <Button variant="default" onClick={() => setPreview(undefined)}>
            Retour
          </Button>
          <Button type="submit" loading={busy}>
            Rejoindre la coopération
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
