import { Anchor, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { call, useApiData } from '../../api';
import { href } from '../../app/navigation';

/** An invitation for a new laptop: the whole project in one file, opened with the passphrase. */
export function InvitationSection() {
  const passphraseSet = useApiData('getSyncStatus').data?.keys === 'ready';

  async function invite() {
    const result = await call('createInvitation');
    if (result.ok && result.value) {
      notifications.show({ color: 'teal', title: 'Invitation enregistrée', message: result.value.file, autoClose: 10000 });
    }
  }

  return (
    <>
      <Text size="sm">
        Pour équiper un nouvel ordinateur, créez une invitation&#x202f;: un fichier qui contient tout l'historique de la coopération, chiffré avec la phrase de
        passe de la coopération. Remettez le fichier (clé USB, messagerie) et donnez la phrase de passe par un autre moyen (téléphone, en main propre). Au
        premier démarrage, le nouvel ordinateur choisit «&#x202f;Rejoindre une coopération&#x202f;».
      </Text>
      {!passphraseSet && (
        <Text size="sm" c="dimmed">
          Indiquez d'abord la phrase de passe de la coopération dans l'écran{' '}
          <Anchor href={href({ page: 'sync' })} inherit underline="always">
            Synchronisation
          </Anchor>
          .
        </Text>
      )}
      <div>
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => void invite()} disabled={!passphraseSet}>
          Créer une invitation…
        </Button>
      </div>
    </>
  );
}
