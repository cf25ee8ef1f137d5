import { Alert, Anchor, Button, Grid, Group, Stack, Table, Text } from '@mantine/core';
import { fieldLabel } from '../../../common/fields';
import { PISTE_STATUS_LABELS, type Finalite } from '../../../common/vocabulary';
import type { ChantierSummary, MeetingRow, PisteDetail, PistePatch } from '../../../preload/contract';
import { call, send, useApiData } from '../../api';
import { useAppState } from '../../app/AppContext';
import { href, navigate } from '../../app/navigation';
import { AutosaveMultiSelect, AutosaveSelect, AutosaveText } from '../../shared/autosave/AutosaveFields';
import { FormSaverProvider, useFormSaver } from '../../shared/autosave/FormSaver';
import { SaveStatus } from '../../shared/autosave/SaveStatus';
import { useUndoShortcut } from '../../shared/autosave/useUndoShortcut';
import { DeleteButton } from '../../shared/DeleteButton';
import { PageHeader } from '../../shared/PageHeader';
import { SectionCard } from '../../shared/SectionCard';
import { Unbroken } from '../../shared/Unbroken';
import { atelierLabel, FINALITE_OPTIONS, formatMean } from './labels';
import { PartnerMeansTable } from './PartnerMeansTable';
import { DisagreementMark } from './PistesTable';
import { PisteStatusBadge } from './PisteStatusBadge';
import { LoadError } from '../../shared/LoadError';

/** The fiche of a piste: every field saves itself; its évaluation croisée and its arbitrage beside. */
export function PistePage({ id }: { id: string }) {
  const { data: piste, error } = useApiData('getPiste', id);
  const { data: ateliers, error: ateliersError } = useApiData('listMeetings', { types: ['atelier'] });
  const { data: chantiers, error: chantiersError } = useApiData('listChantiers');
  if (error)
    return (
      <Alert color="red" title="Piste introuvable">
        {error.message}
      </Alert>
    );
  const failed = ateliersError ?? chantiersError;
  if (failed) return <LoadError error={failed} />;
  if (!piste || !ateliers || !chantiers) return null;
  return (
    <FormSaverProvider>
      <PisteFiche piste={piste} ateliers={ateliers} chantiers={chantiers} />
    </FormSaverProvider>
  );
}

function PisteFiche({ piste, ateliers, chantiers }: { piste: PisteDetail; ateliers: MeetingRow[]; chantiers: ChantierSummary[] }) {
  useUndoShortcut();
  const { partners } = useAppState();
  const update = (patch: PistePatch) => send('updatePiste', piste.id, patch);

  return (
    <>
      <PageHeader title={`${piste.reference} ${piste.title}`} small>
        <SaveStatus />
      </PageHeader>
      <Group gap="sm" mt={-12} mb="lg">
        <Anchor href={href({ page: 'pistes' })} size="sm">
          Toutes les pistes
        </Anchor>
        <PisteStatusBadge status={piste.status} />
        {piste.disagreement.flagged && <DisagreementMark means={piste.by_partner} />}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <SectionCard title="Description">
              <AutosaveText label={fieldLabel('piste', 'title')} required value={piste.title} save={(title) => update({ title: title ?? '' })} />
              <AutosaveText label={fieldLabel('piste', 'description')} multiline value={piste.description} save={(description) => update({ description })} />
              <AutosaveMultiSelect
                label={fieldLabel('piste', 'finalites')}
                placeholder="Choisir une ou plusieurs finalités"
                data={FINALITE_OPTIONS}
                value={piste.finalites}
                save={(finalites) => update({ finalites: finalites as Finalite[] })}
              />
            </SectionCard>
            <SectionCard title="Origine">
              <AutosaveSelect
                label={fieldLabel('piste', 'proposed_by_partner_id')}
                data={partners.map((partner) => ({ value: partner.id, label: partner.name }))}
                value={piste.proposed_by.partner_id}
                save={(partnerId) => update({ proposed_by_partner_id: partnerId ?? '' })}
              />
              <Group grow align="flex-start">
                <AutosaveText
                  label={fieldLabel('piste', 'proposed_by_service')}
                  value={piste.proposed_by.service}
                  save={(service) => update({ proposed_by_service: service })}
                />
                <AutosaveText
                  label={fieldLabel('piste', 'proposed_by_person')}
                  value={piste.proposed_by.person}
                  save={(person) => update({ proposed_by_person: person })}
                />
              </Group>
              <AutosaveSelect
                label={fieldLabel('piste', 'atelier_meeting_id')}
                data={ateliers.map((meeting) => ({ value: meeting.id, label: atelierLabel(meeting) }))}
                value={piste.atelier?.id ?? null}
                save={(atelier) => update({ atelier_meeting_id: atelier })}
                clearable
                placeholder={ateliers.length ? 'Aucun atelier' : "Aucun atelier n'est saisi dans les Réunions"}
              />
              <AutosaveSelect
                label={fieldLabel('piste', 'chantier_id')}
                data={chantiers.map((chantier) => ({ value: chantier.id, label: `${chantier.number}. ${chantier.title}` }))}
                value={piste.chantier?.id ?? null}
                save={(chantierId) => update({ chantier_id: chantierId })}
                clearable
                placeholder="Aucun chantier"
              />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <SectionCard title="Évaluation croisée">
              <Scores piste={piste} />
              <Anchor href={href({ page: 'pistes-scoring' })} size="sm">
                Noter les pistes au clavier
              </Anchor>
            </SectionCard>
            <SectionCard title="Arbitrage">
              <Arbitrage piste={piste} />
            </SectionCard>
            <DeletePisteButton piste={piste} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** Each partner's means, both together, then every evaluator's line with its comment. */
function Scores({ piste }: { piste: PisteDetail }) {
  const { partners } = useAppState();
  if (piste.scores.length === 0) return <Text c="dimmed">Aucune évaluation pour l'instant.</Text>;
  const partnerName = (id: string) => partners.find((partner) => partner.id === id)?.short_name ?? id;
  return (
    <>
      <PartnerMeansTable piste={piste} heading="Moyennes" aria-label="Moyennes par partenaire" withTableBorder fz="sm" horizontalSpacing="xs" />
      {(piste.disagreement.plus_value !== null || piste.disagreement.faisabilite !== null) && (
        <Text size="sm">
          Écart entre partenaires&#x202f;: plus-value {formatMean(piste.disagreement.plus_value)}, faisabilité {formatMean(piste.disagreement.faisabilite)}
          {piste.disagreement.flagged ? ' — désaccord à examiner en comité.' : '.'}
        </Text>
      )}
      <Table aria-label="Évaluations" striped fz="sm" horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Évaluateur</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Plus-value
            </Table.Th>
            <Table.Th ta="right">Faisabilité</Table.Th>
            <Table.Th>Commentaire</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {piste.scores.map((score) => (
            <Table.Tr key={score.id}>
              <Table.Td>
                {score.evaluator_name}
                <Text size="xs" c="dimmed">
                  <Unbroken text={partnerName(score.partner_id)} />
                </Text>
              </Table.Td>
              <Table.Td ta="right">{score.plus_value ?? '—'}</Table.Td>
              <Table.Td ta="right">{score.faisabilite ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>{score.comment ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** The comité's decision, its motif and the action it became, once arbitrated. */
function Arbitrage({ piste }: { piste: PisteDetail }) {
  if (!piste.decision && piste.stored_status === 'proposee')
    return <Text c="dimmed">Pas encore arbitrée&#x202f;: le comité décide si la piste est retenue, à approfondir ou écartée.</Text>;
  return (
    <>
      <Text>
        {fieldLabel('piste', 'status')}&#x202f;: <strong>{PISTE_STATUS_LABELS[piste.status]}</strong>
      </Text>
      {piste.status_reason && (
        <Text>
          {fieldLabel('piste', 'status_reason')}&#x202f;: {piste.status_reason}
        </Text>
      )}
      {piste.decision && (
        <Text>
          <Anchor href={href({ page: 'meeting', id: piste.decision.meeting_id })}>
            Décision{piste.decision.number !== null ? ` n°\u202f${piste.decision.number}` : ''} du comité
          </Anchor>
          &#x202f;: {piste.decision.text}
        </Text>
      )}
      {piste.action_id && piste.status === 'devenue_action' && (
        <Anchor href={href({ page: 'action', id: piste.action_id })}>Ouvrir l'action issue de la piste</Anchor>
      )}
      {piste.action_id && piste.status === 'retenue' && <DeletedAction actionId={piste.action_id} />}
    </>
  );
}

/** A retained piste whose action was deleted since: the comité's décision stands, so the action comes back. */
function DeletedAction({ actionId }: { actionId: string }) {
  const { run } = useFormSaver();
  return (
    <Group gap="sm">
      <Text>L'action issue de la piste a été supprimée.</Text>
      <Button
        variant="light"
        size="xs"
        onClick={() =>
          void run(
            () => send('restoreDeleted', 'action', actionId),
            () => ({ label: 'Action rétablie', revert: () => send('deleteAction', actionId) }),
          )
        }
      >
        Rétablir l'action
      </Button>
    </Group>
  );
}

function DeletePisteButton({ piste }: { piste: PisteDetail }) {
  async function remove() {
    const result = await call('deletePiste', piste.id);
    if (result.ok) navigate({ page: 'pistes' });
    return result.ok;
  }
  return (
    <DeleteButton label="Supprimer la piste" title="Supprimer cette piste ?" remove={remove}>
      La piste {piste.reference} «&#x202f;{piste.title}&#x202f;» sera supprimée avec ses {piste.scores.length} évaluation
      {piste.scores.length > 1 ? 's' : ''}.
    </DeleteButton>
  );
}
