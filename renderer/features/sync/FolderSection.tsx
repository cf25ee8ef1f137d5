import { Alert, Button, Code, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolder, IconRefresh } from '@tabler/icons-react';
import type { ImportSummary, SyncStatus } from '../../../preload/contract';
import { call } from '../../api';
import { Disclosure } from '../../shared/Disclosure';
import { frenchTypography } from '../../../common/french';
import { formatDateTime, numberFormat } from '../../shared/format';
import { ActionChangesList } from './ActionChangesList';
import { folderRoundSentence } from './describe';
import { KeysNeeded } from './ExchangeSection';

const ROUND_NOTICE = 'dossier-partage-passage';

/** The shared folder (network share, Nextcloud, OneDrive…): synced automatically while the app is open. */
export function FolderSection({ status }: { status: SyncStatus }) {
  const { folder, last_round: lastRound, last_changes: lastChanges } = status.folder;
  const busy = status.running !== null;

  async function syncNow() {
    const result = await call('syncSharedFolderNow');
    if (result.ok) {
      const setAside = result.value.postponed_files?.length ?? 0;
      // One notice for the folder, the latest round's: two would say « sauf un fichier mis de côté » and « Rien de nouveau » at once.
      notifications.hide(ROUND_NOTICE);
      notifications.show({
        id: ROUND_NOTICE,
        color: setAside > 0 ? 'yellow' : 'teal',
        title:
          setAside === 0
            ? 'Dossier partagé synchronisé'
            : `Dossier partagé synchronisé, sauf ${setAside === 1 ? 'un fichier mis' : 'des fichiers mis'} de côté`,
        // Old files left unread are said under the folder, not at every round.
        message: folderRoundSentence({ ...result.value, left_behind_files: [] }),
      });
    }
  }

  return (
    <>
      <Text size="sm">
        Entente lit les fichiers des autres ordinateurs dans ce dossier et y écrit les siens, dans son propre sous-dossier. La base de données elle-même n'y est
        jamais placée. Tant que l'application est ouverte, la synchronisation se fait quand le dossier change et toutes les 5&nbsp;minutes.
      </Text>
      {folder ? (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Dossier&#x202f;:
          </Text>
          <Code>{folder}</Code>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Aucun dossier partagé choisi.
        </Text>
      )}
      <KeysNeeded keys={status.keys} />
      {lastRound?.ok && (lastRound.postponed_files?.length ?? 0) > 0 && (
        <Alert color="yellow" title="Fichiers mis de côté au dernier passage">
          <Text size="sm" mb={4}>
            Ces fichiers du dossier partagé n'ont pas pu être lus&#x202f;; les autres l'ont été. Entente les essaie de nouveau à chaque passage&#x202f;: un
            fichier encore en cours de copie passera. Pour un autre, prévenez la personne dont l'ordinateur l'a écrit, ou retirez-le du dossier s'il n'y a pas
            sa place.
          </Text>
          <List size="sm">
            {lastRound.postponed_files!.map((file) => (
              <List.Item key={file.file}>
                <Code>{file.file}</Code>&#x202f;: {frenchTypography(file.reason)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {lastRound?.ok && (lastRound.left_behind_files?.length ?? 0) > 0 && <LeftBehind files={lastRound.left_behind_files!} />}
      {lastRound &&
        (lastRound.ok ? (
          <Text size="sm">Dernière synchronisation&#x202f;: {formatDateTime(lastRound.at)}.</Text>
        ) : (
          <Alert color="red" title={`Synchronisation impossible (${formatDateTime(lastRound.at)})`}>
            {lastRound.message && frenchTypography(lastRound.message)}
          </Alert>
        ))}
      {lastChanges && <LastChanges at={lastChanges.at} changes={lastChanges.changes} />}
      <Group>
        <Button
          variant={folder ? 'default' : 'filled'}
          leftSection={<IconFolder size={16} aria-hidden />}
          onClick={() => void call('chooseSharedFolder')}
          disabled={!(status.keys === 'ready')}
        >
          {folder ? 'Changer de dossier…' : 'Choisir le dossier partagé…'}
        </Button>
        {folder && (
          <>
            <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void syncNow()} disabled={busy || !(status.keys === 'ready')}>
              Synchroniser maintenant
            </Button>
            <Button variant="subtle" color="red" onClick={() => void call('forgetSharedFolder')}>
              Ne plus utiliser ce dossier
            </Button>
          </>
        )}
      </Group>
    </>
  );
}

/** What the last round that read new files changed, folded: the timer's later rounds keep it. */
function LastChanges({ at, changes }: { at: string; changes: ImportSummary['action_changes'] }) {
  return (
    <Disclosure title={`Dernières mises à jour reçues par le dossier partagé (${formatDateTime(at)})`}>
      <Stack mt="xs">
        <ActionChangesList changes={changes} />
      </Stack>
    </Disclosure>
  );
}

/**
 * Files of an older passphrase, older than a file of their poste read here: met by a laptop
 * that joined after a change of passphrase. Said calmly, apart from the files set aside:
 * there is nothing to do about them.
 */
function LeftBehind({ files }: { files: string[] }) {
  const many = files.length > 1;
  return (
    <Disclosure
      title={`${numberFormat.format(files.length)} ${many ? 'fichiers anciens non lus' : 'fichier ancien non lu'}, d'avant la phrase de passe actuelle`}
    >
      <Text size="sm" mt={4}>
        {many ? 'Ils sont scellés' : 'Il est scellé'} avec une ancienne phrase de passe de la coopération, que cet ordinateur n'a jamais eue.{' '}
        {many ? 'Leurs postes ont' : 'Son poste a'} écrit depuis des fichiers qu'il lit&#x202f;: il n'y a rien à faire.
      </Text>
      <List size="sm">
        {files.map((file) => (
          <List.Item key={file}>
            <Code>{file}</Code>
          </List.Item>
        ))}
      </List>
    </Disclosure>
  );
}
