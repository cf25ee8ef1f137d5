import { Alert, Anchor, Badge, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { fieldLabel } from '../../../common/fields';
import { frenchTypography } from '../../../common/french';
import { otherPartners, partnerNoun } from '../../../common/partners';
import type { MeetingDetail } from '../../../preload/contract';
import { call, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { href, navigate } from '../../app/navigation';
import { formatDate, todayIso } from '../../shared/format';
import { MinutesStatusBadge } from './MinutesStatusBadge';
import { UnseenEditList } from '../conflicts/UnseenEditList';

/** Brouillon → envoyé pour validation (to the other partners) → validé, by a person or by silence. */
export function ValidationSection({ meeting }: { meeting: MeetingDetail }) {
  const { me, partners } = useAppState();
  const others = otherPartners(partners);
  const [amending, setAmending] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const status = meeting.validation_status;
  const beforeMeeting = !!meeting.date && meeting.date > todayIso();
  // The side holding the secretariat drafts; the other side validates.
  const mayValidate = meeting.secretariat?.id !== me.partner_id;
  return (
    <>
      <Group gap="xs">
        <Text size="sm">Compte rendu&#x202f;:</Text>
        <MinutesStatusBadge status={status} />
      </Group>
      {status === 'brouillon' && (
        <Text size="sm">
          Une fois rédigé, soumettez-le à la validation {others.to}. Sans réponse au bout de {meeting.silence_days} jours, il est validé tacitement. Entente
          n'envoie aucun courriel&#x202f;: le compte rendu arrive chez {others.the} avec la prochaine synchronisation&#x202f;; prévenez vos interlocuteurs.
        </Text>
      )}
      {status !== 'valide' && (
        <Anchor href={href({ page: 'minutes-print', id: meeting.id, layout: 'compte_rendu' })} size="sm">
          Préparer le courriel de validation (depuis l'aperçu du compte rendu)
        </Anchor>
      )}
      {status !== 'valide' && beforeMeeting && (
        <Text size="sm" c="dimmed">
          La réunion aura lieu le {formatDate(meeting.date)}&#x202f;: le compte rendu pourra être envoyé et validé à partir de ce jour.
        </Text>
      )}
      {status !== 'valide' && !mayValidate && (
        <Text size="sm">
          Votre {partnerNoun(partners)} tient le secrétariat&#x202f;: la validation revient {others.to}, ou se fait tacitement.
        </Text>
      )}
      {status === 'envoye' && meeting.sent_on && (
        <Text size="sm">
          Envoyé pour validation le {formatDate(meeting.sent_on)}
          {meeting.corrected_on ? `, corrigé le ${formatDate(meeting.corrected_on)}` : ''}
          {meeting.tacit_validation_on ? `\u202f; sans réponse, il sera validé tacitement le ${formatDate(meeting.tacit_validation_on)}` : ''}.
        </Text>
      )}
      {status === 'valide' && (
        <Text size="sm">
          Validé le {formatDate(meeting.validated_on)}
          {meeting.validated_by ? ` par ${meeting.validated_by.name}` : ' tacitement, sans réponse dans le délai'}. Les actions à mener sont suivies dans
          l'écran Actions.
        </Text>
      )}
      {status === 'valide' && meeting.validation_proof && <ValidationProof proof={meeting.validation_proof} />}
      {status === 'valide' && meeting.validation_unseen.length > 0 && (
        <Alert color="orange" title="Modifié sans que la validation l'ait vu">
          <Text size="sm">
            Ces modifications ont été faites sur un ordinateur qui n'avait pas encore reçu la validation&#x202f;: le compte rendu validé ne les contenait pas.
            Vérifiez-les avec les partenaires&#x202f;; au besoin, créez une version modificative.
          </Text>
          <UnseenEditList edits={meeting.validation_unseen} itself="La réunion" />
        </Alert>
      )}
      {status !== 'valide' && meeting.problems.length > 0 && (
        <Alert color="orange" title="À compléter avant la validation">
          <List size="sm">
            {meeting.problems.map((problem) => (
              <List.Item key={`${problem.row_id}-${problem.field}`}>{frenchTypography(problem.message)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group>
        {status === 'brouillon' && (
          <Button onClick={() => void call('sendForValidation', meeting.id)} disabled={beforeMeeting}>
            Soumettre à la validation
          </Button>
        )}
        {/* A brouillon is sent first: validating it is not offered. */}
        {status === 'envoye' && mayValidate && (
          <Button onClick={() => setConfirming(true)} disabled={beforeMeeting}>
            Valider le compte rendu…
          </Button>
        )}
        {status === 'envoye' && (
          <Button variant="default" onClick={() => void call('returnToDraft', meeting.id)}>
            Revenir au brouillon
          </Button>
        )}
        {status === 'valide' && !meeting.superseded_by && (
          <Button variant="default" onClick={() => setAmending(true)}>
            Créer une version modificative
          </Button>
        )}
      </Group>
      {meeting.versions.length > 1 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Versions
          </Text>
          <List size="sm">
            {meeting.versions.map((version) => (
              <List.Item key={version.id}>
                {version.id === meeting.id ? (
                  <Text span size="sm" fw={600}>
                    Version {version.version} (celle-ci)
                  </Text>
                ) : (
                  <Anchor href={href({ page: 'meeting', id: version.id })} size="sm">
                    Version {version.version}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <AmendModal meetingId={meeting.id} opened={amending} onClose={() => setAmending(false)} />
      {confirming && <ValidateModal meetingId={meeting.id} onClose={() => setConfirming(false)} />}
    </>
  );
}

/** Before validating: what the validation will do, said plainly; nothing happens until confirmed. */
function ValidateModal({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const { data: effects } = useApiData('getValidationEffects', meetingId);
  // A second click would be refused: « déjà validé ».
  const [busy, setBusy] = useState(false);
  async function validate() {
    setBusy(true);
    const result = await call('validateMinutes', meetingId);
    setBusy(false);
    if (result.ok) onClose();
  }
  return (
    <Modal opened onClose={onClose} title="Valider le compte rendu ?">
      <Stack gap="sm">
        <Text size="sm">Une fois validé, le compte rendu ne peut plus être modifié (une version modificative reste possible). La validation va&#x202f;:</Text>
        {effects && (
          <List size="sm">
            {effects.length === 0 ? <List.Item>figer le compte rendu, sans rien changer aux actions suivies</List.Item> : null}
            {effects.map((effect) => (
              <List.Item key={effect}>{frenchTypography(effect)}</List.Item>
            ))}
            {effects.length > 0 && <List.Item>figer la liste des participants et le suivi des actions</List.Item>}
          </List>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button loading={busy} onClick={() => void validate()}>
            Valider
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A validated compte rendu is corrected by a new version; the validated one stays as it was. */
function AmendModal({ meetingId, opened, onClose }: { meetingId: string; opened: boolean; onClose: () => void }) {
  const [reason, setReason] = useState('');
  // A second click would be refused: the version modificative « existe déjà ».
  const [busy, setBusy] = useState(false);
  async function amend() {
    setBusy(true);
    const result = await call('amendMinutes', meetingId, reason.trim() || null);
    setBusy(false);
    if (!result.ok) return;
    onClose();
    navigate({ page: 'meeting', id: result.value });
  }
  return (
    <Modal opened={opened} onClose={onClose} title="Version modificative du compte rendu">
      <Stack>
        <Text size="sm">
          Une nouvelle version, modifiable, est créée&#x202f;; la version validée reste lisible telle quelle. La nouvelle version devra être validée à son tour.
        </Text>
        <Textarea
          label={fieldLabel('meeting', 'amendment_reason')}
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button loading={busy} onClick={() => void amend()}>
            Créer la version modificative
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Who recorded the validation, and how far that is proven: a signature proves the key; that
 * the key is this person's laptop, only its fingerprint compared by phone does (Paramètres ›
 * Ordinateurs). Green only when both hold.
 */
function ValidationProof({ proof }: { proof: NonNullable<MeetingDetail['validation_proof']> }) {
  const confirmed = proof.own_key || proof.key_confirmed_at !== null;
  const badge = !proof.signed ? 'Signature non vérifiable' : confirmed ? 'Signature vérifiée' : 'Clé non confirmée';
  return (
    <Group gap="xs">
      {/* Filled, with a dark or white text: the light variant's teal falls below 4.5:1. */}
      <Badge color={proof.signed && confirmed ? 'teal.9' : 'orange.8'} c={proof.signed && confirmed ? 'white' : 'black'} variant="filled" radius="sm">
        {badge}
      </Badge>
      {proof.signed && confirmed && (
        <Text size="sm">
          Validation enregistrée par {proof.computer}, signée de sa clé (empreinte {proof.fingerprint})
          {proof.key_confirmed_at ? `, confirmée sur cet ordinateur le ${formatDate(proof.key_confirmed_at)}` : ''}.
        </Text>
      )}
      {proof.signed && !confirmed && (
        <Text size="sm">
          Validation signée par la clé que présente {proof.computer} (empreinte {proof.fingerprint}). Rien ne prouve encore que c'est bien la sienne&#x202f;:
          appelez cette personne et confirmez sa clé dans{' '}
          <Anchor href={href({ page: 'settings', section: 'ordinateurs' })} size="sm" underline="always">
            Paramètres › Ordinateurs
          </Anchor>
          .
        </Text>
      )}
      {!proof.signed && (
        <Text size="sm">
          Validation enregistrée par {proof.computer}
          {proof.fingerprint
            ? '\u202f: aucune signature de cet ordinateur reçue ici ne la couvre encore (elle arrivera avec ses prochains fichiers).'
            : "\u202f: cet ordinateur n'avait pas encore de clé de signature (phrase de passe pas encore saisie, ou version antérieure à 0.3)."}
        </Text>
      )}
    </Group>
  );
}
