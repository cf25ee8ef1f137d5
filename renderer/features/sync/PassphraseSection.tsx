import { Button, Group, PasswordInput, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { send } from '../../api';

/** The project's passphrase: every poste of the project uses the same one. */
export function PassphraseSection({ isSet }: { isSet: boolean }) {
  const [editing, setEditing] = useState(!isSet);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await send('setSyncPassphrase', value);
    if (!result.ok) return setError(result.error.message);
    setError(undefined);
    setValue('');
    setEditing(false);
  }

  if (!editing) {
    return (
      <Group justify="space-between">
        <Text size="sm">La phrase de passe du projet est enregistrée sur ce poste.</Text>
        <Button variant="default" onClick={() => setEditing(true)}>
          Changer la phrase de passe
        </Button>
      </Group>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Text size="sm" mb="xs">
        Les fichiers d'échange sont chiffrés avec la phrase de passe du projet. Tous les postes du projet utilisent la même ; transmettez-la par un autre moyen
        que les fichiers (téléphone, en main propre).
      </Text>
      <Group align="flex-start">
        <PasswordInput
          label="Phrase de passe du projet"
          description="8 caractères au moins"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={error}
          style={{ flex: 1 }}
          autoComplete="off"
        />
        <Button type="submit" mt={44}>
          Enregistrer
        </Button>
        {isSet && (
          <Button variant="default" mt={44} onClick={() => setEditing(false)}>
            Annuler
          </Button>
        )}
      </Group>
    </form>
  );
}
