import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { send, useApiData } from '../../api';
import { href } from '../../app/navigation';
import { frenchTypography } from '../../../common/french';

/**
 * Ordinateurs that joined and revocations received, until the user says they were expected:
 * whoever holds the passphrase can make an ordinateur, and from it revoke the others.
 */
export function PosteNoticesAlert({ linkToPostes }: { linkToPostes: boolean }) {
  const { data: notices } = useApiData('listPosteNotices');
  const [error, setError] = useState<string>();
  if (!notices || notices.length === 0) return null;

  async function markSeen() {
    const result = await send(
      'markPostesSeen',
      notices!.map((notice) => notice.key),
    );
    setError(result.ok ? undefined : result.error.message);
  }

  return (
    <Alert color="yellow" title="Ordinateurs de la coopération&#x202f;: à vérifier">
      <Stack gap="xs">
        <List size="sm" spacing={4}>
          {notices.map((notice) => (
            <List.Item key={notice.key}>{frenchTypography(notice.sentence)}</List.Item>
          ))}
        </List>
        <Text size="sm">
          Un ordinateur que personne n'attendait, ou une révocation que personne n'a demandée, vient de quelqu'un qui connaît la phrase de passe&#x202f;:
          prévenez la personne qui anime la coopération, révoquez l'ordinateur inattendu (ou celui qui a révoqué sans qu'on le lui demande) et changez la phrase
          de passe.
        </Text>
        {error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
        <Group gap="sm">
          <Button size="xs" onClick={() => void markSeen()}>
            Tout était attendu, ne plus signaler
          </Button>
          {linkToPostes && (
            <Anchor href={href({ page: 'settings', section: 'ordinateurs' })} size="sm" underline="always" fw={600} c="var(--mantine-color-text)">
              Voir les ordinateurs dans les Paramètres
            </Anchor>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
