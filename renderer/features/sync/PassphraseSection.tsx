import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SyncStatus } from '../../../preload/contract';
import { call, send } from '../../api';
import { notifications } from '@mantine/notifications';
import { capitalized, frenchTypography } from '../../../common/french';
import { formatDateTime } from '../../shared/format';
import { ofReplica } from './describe';
import { PassphraseField } from './PassphraseField';

/**
 * The project's passphrase on this ordinateur: chosen or typed once (its keys are then made and
 * kept by the system keychain), typed again to unlock them where no keychain keeps them,
 * or changed for the files written from now on.
 */
export function PassphraseSection({ status, onChanged }: { status: SyncStatus; onChanged: () => void }) {
  const [changing, setChanging] = useState(false);
  return (
    <Stack gap="sm">
      {status.revoked_by && (
        <Alert color="red" title="Cet ordinateur a été révoqué">
          {capitalized(status.revoked_by)} a révoqué cet ordinateur&#x202f;: ses nouvelles mises à jour ne comptent plus chez les autres ordinateurs, et il
          n'écrit plus de fichier d'échange. Pour revenir, demandez une invitation à un autre ordinateur, puis rejoignez la coopération dans un nouveau dossier
          de données (Paramètres › Coopérations › Nouvelle coopération…)&#x202f;; ce que cet ordinateur a écrit depuis sa révocation sera à refaire.
        </Alert>
      )}
      {status.keys === 'none' && <PassphraseEntry unlocking={false} onDone={onChanged} />}
      {status.keys === 'locked' && (
        <PassphraseEntry unlocking kept={status.keychain === 'system' || status.keychain === 'plain-text-accepted'} onDone={onChanged} />
      )}
      {status.keys === 'ready' && status.passphrase_seen_elsewhere && !changing && (
        <AdoptPassphrase seen={status.passphrase_seen_elsewhere} onDone={onChanged} />
      )}
      {status.keys === 'ready' && !changing && (
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text size="sm">
              Les clés de cet ordinateur sont prêtes
              {status.keychain === 'system'
                ? ', gardées par le trousseau du système'
                : status.keychain === 'plain-text-accepted'
                  ? ', gardées sans chiffrement du système, comme vous l’avez accepté'
                  : ''}
              .
            </Text>
            {status.fingerprint && (
              <>
                <Text size="sm">
                  Empreinte de la clé de cet ordinateur&#x202f;:{' '}
                  <Text span fw={700} ff="monospace">
                    {status.fingerprint}
                  </Text>
                </Text>
                <Text size="sm" c="dimmed">
                  Si un partenaire vous la demande par téléphone, lisez-la-lui&#x202f;: il pourra ainsi confirmer la clé de votre ordinateur sur le sien
                  (Paramètres › Ordinateurs).
                </Text>
              </>
            )}
          </Stack>
          <Button variant="default" onClick={() => setChanging(true)}>
            Changer la phrase de passe
          </Button>
        </Group>
      )}
      {status.keys === 'ready' && changing && (
        <ChangePassphrase
          onDone={() => {
            setChanging(false);
            onChanged();
            notifications.show({
              color: 'teal',
              title: 'Phrase de passe changée',
              message:
                'Les fichiers que cet ordinateur écrira désormais demandent la nouvelle phrase de passe\u202f: donnez-la aux autres ordinateurs de la coopération par un autre moyen que les fichiers (par téléphone).',
              autoClose: 15_000,
            });
          }}
          onCancel={() => setChanging(false)}
        />
      )}
      {status.keychain === 'plain-text' && status.keys !== 'none' && <PlainTextKeychain onDone={onChanged} />}
      {status.keychain === 'unavailable' && (
        <Text size="sm" c="dimmed">
          Aucun trousseau du système n'est disponible&#x202f;: la phrase de passe sera demandée à chaque démarrage d'Entente.
        </Text>
      )}
    </Stack>
  );
}

/**
 * The passphrase typed once: chosen on the first ordinateur or typed on the others (its
 * strength shown), or typed again to unlock keys that no keychain keeps between starts.
 */
function PassphraseEntry({ unlocking, kept = false, onDone }: { unlocking: boolean; kept?: boolean; onDone: () => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  // Deriving the keys takes about a second.
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await send('setSyncPassphrase', value);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setValue('');
    onDone();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Text size="sm" mb="xs">
        {unlocking ? (
          <>
            {kept
              ? 'Les clés de cet ordinateur sont verrouillées (écrites par la ligne de commande, ou dossier de données copié)\u202f: saisissez la phrase de passe de la coopération pour les ouvrir\u202f; elles seront ensuite gardées entre deux démarrages.'
              : 'Les clés de cet ordinateur sont verrouillées\u202f: aucun trousseau du système ne les garde entre deux démarrages. Saisissez la phrase de passe de la coopération pour synchroniser.'}
          </>
        ) : (
          <>
            Les fichiers d'échange sont chiffrés avec la phrase de passe de la coopération, la même sur tous les ordinateurs&#x202f;: le premier la choisit, les
            autres la saisissent. Transmettez-la par un autre moyen que les fichiers (téléphone, en main propre). Cet ordinateur en tire ses clés, que le
            trousseau du système garde&#x202f;: la phrase de passe elle-même n'est jamais enregistrée. Notez-la en lieu sûr&#x202f;: Entente ne pourra pas vous
            la montrer de nouveau, et chaque nouvel ordinateur en aura besoin.
          </>
        )}
      </Text>
      <Group align="flex-start">
        {unlocking ? (
          <PasswordInput
            label="Phrase de passe de la coopération"
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            error={error}
            style={{ flex: 1 }}
            autoComplete="off"
          />
        ) : (
          <div style={{ flex: 1 }}>
            <PassphraseField label="Phrase de passe de la coopération" value={value} onChange={setValue} error={error} />
          </div>
        )}
        <Button type="submit" mt={unlocking ? 26 : 44} loading={busy}>
          {unlocking ? 'Déverrouiller' : 'Enregistrer'}
        </Button>
      </Group>
    </form>
  );
}

/**
 * A file came sealed with a passphrase this ordinateur does not know: most likely changed
 * on its sender. The new one is typed here, and checked against that file in main (it must
 * open it, and the file carry its announcement, signed by an ordinateur whose key is known):
 * not the old one, since knowing the new one is what counts. Who announced it is said before
 * it is taken, to be confirmed with that person. Or the notice is dismissed.
 */
function AdoptPassphrase({ seen, onDone }: { seen: NonNullable<SyncStatus['passphrase_seen_elsewhere']>; onDone: () => void }) {
  const [typing, setTyping] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  // Checked, not taken yet: who announced it, for the user to confirm with that person first.
  const [announcer, setAnnouncer] = useState<string>();
  // Trying the passphrase on the file takes about a second.
  const [busy, setBusy] = useState(false);
  async function dismiss() {
    const result = await call('dismissPassphraseNotes');
    if (result.ok) onDone();
  }
  async function check(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await send('checkSyncPassphraseAdoption', value);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setAnnouncer(result.value.announced_by);
  }
  async function adopt() {
    setBusy(true);
    const result = await send('adoptSyncPassphrase', value);
    setBusy(false);
    if (!result.ok) {
      setAnnouncer(undefined);
      return setError(result.error.message);
    }
    notifications.show({
      color: 'teal',
      title: 'Nouvelle phrase de passe enregistrée',
      message:
        `Annoncée par ${result.value.announced_by}. ` +
        "Les fichiers scellés avec elle s'ouvrent désormais, et ceux que cet ordinateur écrit l'utilisent\u202f; l'ancienne reste connue pour lire les fichiers d'avant. Un fichier mis de côté dans le dossier partagé sera lu au prochain passage\u202f; un fichier importé à la main est à importer de nouveau.",
    });
    onDone();
  }
  return (
    <Alert color="yellow" title="Un fichier reçu est scellé avec une autre phrase de passe">
      <Text size="sm" mb="xs">
        {frenchTypography(
          `Le fichier qui se dit ${ofReplica(seen.sender)}, reçu le ${formatDateTime(seen.seen_at)}, est scellé avec une phrase de passe que cet ordinateur ne connaît pas. Si un changement de phrase de passe vous a été annoncé, appelez ${seen.sender_person ?? 'la personne qui utilise cet ordinateur'} à un numéro que vous connaissez déjà, demandez-lui la nouvelle et saisissez-la ici\u202f: Entente vérifie qu'elle ouvre ce fichier et qu'un ordinateur dont la clé est connue ici l'a annoncée, signature à l'appui. Si c'est cet ordinateur-là qui n'a pas encore la nouvelle phrase de passe, c'est à lui de la saisir.`,
        )}
      </Text>
      <Text size="sm" mb="sm" fw={600}>
        {frenchTypography(
          'Si personne ne vous a annoncé de changement, ne saisissez rien\u202f: cliquez sur Ignorer et prévenez la personne qui anime la coopération.',
        )}
      </Text>
      {announcer ? (
        <Stack gap="sm">
          <Text size="sm">
            {frenchTypography(
              `Cette phrase de passe ouvre le fichier, et elle a été annoncée par ${announcer}, signature à l'appui. Avant de la prendre, confirmez ce changement auprès de la personne qui utilise cet ordinateur, à un numéro que vous connaissez déjà\u202f: les fichiers que cet ordinateur écrira ensuite seront scellés avec elle.`,
            )}
          </Text>
          <Group gap="sm">
            <Button onClick={() => void adopt()} data-autofocus loading={busy}>
              Prendre cette phrase de passe
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setAnnouncer(undefined);
                setTyping(false);
              }}
            >
              Annuler
            </Button>
          </Group>
        </Stack>
      ) : typing ? (
        <form onSubmit={check} noValidate>
          <Group align="flex-start">
            <PasswordInput
              label="Nouvelle phrase de passe de la coopération"
              value={value}
              onChange={(event) => {
                setValue(event.currentTarget.value);
                setError(undefined);
              }}
              error={error}
              style={{ flex: 1 }}
              autoComplete="off"
              data-autofocus
            />
            <Button type="submit" mt={26} loading={busy}>
              Vérifier
            </Button>
            <Button variant="default" mt={26} onClick={() => setTyping(false)}>
              Annuler
            </Button>
          </Group>
        </form>
      ) : (
        <Group gap="sm">
          <Button variant="default" onClick={() => setTyping(true)}>
            Saisir la nouvelle phrase de passe…
          </Button>
          <Button variant="subtle" color="dark" onClick={() => void dismiss()}>
            Ignorer
          </Button>
        </Group>
      )}
    </Alert>
  );
}

function ChangePassphrase({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; again?: string }>({});
  // Both passphrases go through scrypt: about a second each.
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    // Typed twice: one typo would seal every file to come with a passphrase nobody knows.
    if (again !== next) return setErrors({ again: 'Les deux saisies de la nouvelle phrase de passe diffèrent\u202f: retapez-la.' });
    setBusy(true);
    const result = await send('changeSyncPassphrase', current, next);
    setBusy(false);
    if (!result.ok) {
      const aboutCurrent = result.error.code === 'wrong-passphrase-here' || result.error.code === 'older-passphrase';
      return setErrors(aboutCurrent ? { current: result.error.message } : { next: result.error.message });
    }
    onDone();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          Les fichiers que cet ordinateur écrira désormais demanderont la nouvelle phrase de passe&#x202f;; ceux d'avant restent lisibles ici. Les autres
          ordinateurs ne pourront lire les nouveaux fichiers qu'une fois la nouvelle phrase de passe saisie chez eux&#x202f;: donnez-la-leur par un autre moyen
          que les fichiers. Si la phrase de passe a été changée sur un autre ordinateur, saisissez-la ici de la même façon.
        </Text>
        <PasswordInput
          label="Phrase de passe actuelle de cet ordinateur"
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          error={errors.current}
          autoComplete="off"
        />
        <PassphraseField label="Nouvelle phrase de passe de la coopération" value={next} onChange={setNext} error={errors.next} />
        <PasswordInput
          label="La nouvelle phrase de passe, une seconde fois"
          value={again}
          onChange={(event) => setAgain(event.currentTarget.value)}
          error={errors.again}
          autoComplete="off"
          spellCheck={false}
        />
        <Group>
          <Button type="submit" loading={busy}>
            Changer la phrase de passe
          </Button>
          <Button variant="default" onClick={onCancel}>
            Annuler
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Linux without a keyring: Electron's fallback keeps the keys in clear. The user decides. */
function PlainTextKeychain({ onDone }: { onDone: () => void }) {
  async function answer(accepted: boolean) {
    const result = await call('answerPlainTextKeychain', accepted);
    if (result.ok) onDone();
  }
  return (
    <Alert color="yellow" title="Pas de trousseau de clés sur ce système">
      <Text size="sm" mb="sm">
        Ce système n'offre pas de trousseau de clés (GNOME Keyring ou KWallet)&#x202f;: Entente ne pourrait garder les clés de cet ordinateur qu'en clair dans
        son dossier de données, lisibles par quiconque copie ce dossier. Sinon, la phrase de passe sera demandée à chaque démarrage.
      </Text>
      <Group>
        <Button variant="default" onClick={() => void answer(false)}>
          Demander la phrase de passe à chaque démarrage
        </Button>
        <Button color="yellow" onClick={() => void answer(true)}>
          Garder les clés en clair sur cet ordinateur
        </Button>
      </Group>
    </Alert>
  );
}
