import { Alert, List, Text } from '@mantine/core';
import { de, frenchTypography } from '../../../common/french';
import { partnerNoun } from '../../../common/partners';
import type { Partner, ReplicaStatus } from '../../../preload/contract';
import { formatDateTime, numberFormat } from '../../shared/format';

const updates = (n: number) => `${numberFormat.format(n)} ${n > 1 ? 'mises à jour' : 'mise à jour'}`;
const computerName = (replica: ReplicaStatus) => `${replica.person_name ?? 'Ordinateur inconnu'}${replica.label ? ` — ${replica.label}` : ''}`;

/** « aucune de vos 3 mises à jour ne lui était arrivée », or for one, « votre mise à jour ne lui était pas arrivée ». */
const noneArrived = (mine: number) => (mine === 1 ? 'votre mise à jour ne lui était pas arrivée' : `aucune de vos ${updates(mine)} ne lui était arrivée`);

/** What another ordinateur lacked of this one, per its last file: its registration first, then its work. `noun`: « Département » or « partenaire ». */
function lacking(received: NonNullable<ReplicaStatus['received_of_this_laptop']>, mine: number, noun: string): string {
  if (!received.knows_this_laptop)
    return mine === 0
      ? `cet ordinateur ne lui était pas encore connu (son nom, son ${noun}, sa clé)`
      : `cet ordinateur ne lui était pas encore connu, et ${noneArrived(mine)}`;
  return received.updates === 0 ? noneArrived(mine) : `il lui manquait ${numberFormat.format(mine - received.updates)} de vos ${updates(mine)}`;
}

/**
 * The page's first answer: has what this ordinateur wrote reached the others? Each file
 * says what its sender held, so the last file read from each tells how far it had got. The
 * changes that registered this ordinateur when it joined are not counted as its work.
 */
export function SyncSummary({ replicas, partners }: { replicas: ReplicaStatus[]; partners: Partner[] }) {
  const own = replicas.find((replica) => replica.is_this_laptop);
  const mine = own ? own.changes - own.registration_changes : 0;
  const others = replicas.filter((replica) => !replica.is_this_laptop && !replica.revoked);
  // A revoked ordinateur's work no longer counts elsewhere: the screen says it was revoked, not that its work arrived.
  if (!own || others.length === 0 || own.revoked) return null;
  const behind = others.filter(
    (replica) =>
      replica.received_of_this_laptop !== null && (!replica.received_of_this_laptop.knows_this_laptop || replica.received_of_this_laptop.updates < mine),
  );
  const unheard = others.filter((replica) => replica.received_of_this_laptop === null);
  // Nothing written here yet: only whether the others know this ordinateur is worth a word.
  if (mine === 0 && behind.length === 0) return null;
  const noun = partnerNoun(partners);
  if (behind.length === 0 && unheard.length === 0) {
    const yours = mine === 1 ? 'Votre mise à jour est' : `Vos ${updates(mine)} sont`;
    return (
      <Alert color="green" title="Vos mises à jour sont arrivées partout">
        {frenchTypography(
          others.length === 1
            ? `${yours} sur l'ordinateur ${de(computerName(others[0]))}, d'après le dernier fichier reçu de cet ordinateur.`
            : `${yours} sur les ${others.length} autres ordinateurs, d'après le dernier fichier reçu de chacun.`,
        )}
      </Alert>
    );
  }
  return (
    <Alert color="blue" title={mine === 0 ? "Cet ordinateur n'est pas encore connu partout" : 'Vos mises à jour ne sont pas encore arrivées partout'}>
      <List size="sm" spacing={4}>
        {behind.map((replica) => (
          <List.Item key={replica.id}>
            {frenchTypography(
              `${computerName(replica)}\u202f: ${lacking(replica.received_of_this_laptop!, mine, noun)}, d'après son dernier fichier, reçu le ${formatDateTime(replica.last_file_at!)}.`,
            )}
          </List.Item>
        ))}
        {unheard.map((replica) => (
          <List.Item key={replica.id}>
            {frenchTypography(`${computerName(replica)}\u202f: aucun fichier reçu de cet ordinateur, on ne sait pas encore ce qu'il a reçu.`)}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {frenchTypography(
          behind.length + unheard.length === 1
            ? `Ce qui lui manque part avec le prochain fichier d'échange exporté pour son ${noun}, ou par le dossier partagé\u202f; cet écran le dira dès qu'un fichier de cet ordinateur sera reçu.`
            : `Ce qui leur manque part avec le prochain fichier d'échange exporté pour leur ${noun}, ou par le dossier partagé\u202f; cet écran le dira dès qu'un fichier de chacun sera reçu.`,
        )}
      </Text>
    </Alert>
  );
}
