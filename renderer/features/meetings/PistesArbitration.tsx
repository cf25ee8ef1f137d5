import { Alert, Anchor, Badge, Button, Group, MultiSelect, Paper, Radio, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { AgendaPiste, ArbitrationDecision, ChantierSummary, MeetingDetail, PisteRow } from '../../../preload/contract';
import { PISTE_STATUS_LABELS, QUADRANT_LABELS } from '../../../common/vocabulary';
import { call, send, useApiData } from '../../api';
import { href } from '../../app/navigation';
import { RemoveButton } from '../../shared/RemoveButton';
import { SectionCard } from '../../shared/SectionCard';

/** 3.5 → « 3,5 »; no score yet → « — ». */
export function scoreText(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** « P12 Intitulé — PV 3,5 · F 2,0 »: how a piste is picked. */
function optionLabel(piste: PisteRow): string {
  return `${piste.reference} ${piste.title} — PV ${scoreText(piste.together.plus_value)} · F ${scoreText(piste.together.faisabilite)}`;
}

/**
 * The pistes a comité de pilotage or a CODIRI arbitrates: put on its ordre du jour in
 * « Préparer », each decided in « Compte rendu » (a numbered décision of the minutes, under
 * the point « Arbitrage des pistes »). Nothing for the other meetings.
 */
export function PistesArbitration({ meeting, chantiers, step }: { meeting: MeetingDetail; chantiers: ChantierSummary[]; step: 'preparer' | 'compte-rendu' }) {
  if (meeting.type !== 'comite_pilotage' && meeting.type !== 'codiri') return null;
  return (
    <SectionCard title={step === 'preparer' ? 'Pistes à arbitrer' : 'Décisions sur les pistes'}>
      {step === 'preparer' ? <AgendaPistes meeting={meeting} /> : <Decisions meeting={meeting} chantiers={chantiers} />}
    </SectionCard>
  );
}

function AgendaPistes({ meeting }: { meeting: MeetingDetail }) {
  const { data: pistes } = useApiData('listPistesOnAgenda', meeting.id);
  if (!pistes) return null;
  return (
    <>
      <Text size="sm" c="dimmed">
        Les pistes inscrites ici forment le point «&#x202f;Arbitrage des pistes&#x202f;» de l'ordre du jour&#x202f;; le comité les tranche au compte rendu.
      </Text>
      {pistes.length === 0 ? (
        <Text size="sm">Aucune piste n'est inscrite à l'ordre du jour.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing={6} aria-label="Pistes inscrites à l'ordre du jour">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Piste</Table.Th>
                <Table.Th ta="right">Plus-value</Table.Th>
                <Table.Th ta="right">Faisabilité</Table.Th>
                <Table.Th>Quadrant</Table.Th>
                <Table.Th>Statut</Table.Th>
                {!meeting.read_only && <Table.Th w={40} aria-label="Retirer" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pistes.map((piste) => (
                <Table.Tr key={piste.id}>
                  <Table.Td>
                    <PisteLink piste={piste} />
                  </Table.Td>
                  <Table.Td ta="right">{scoreText(piste.together.plus_value)}</Table.Td>
                  <Table.Td ta="right">{scoreText(piste.together.faisabilite)}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {piste.quadrant ? QUADRANT_LABELS[piste.quadrant] : '—'}
                      {piste.disagreement.flagged && <DisagreementBadge />}
                    </Group>
                  </Table.Td>
                  <Table.Td>{PISTE_STATUS_LABELS[piste.status]}</Table.Td>
                  {!meeting.read_only && (
                    <Table.Td>
                      {!piste.decided_here && (
                        <RemoveButton
                          label={`Retirer de l'ordre du jour\u202f: ${piste.reference}`}
                          remove={() => send('takePisteOffAgenda', piste.id, meeting.id)}
                          undo={{ label: `Retrait de ${piste.reference}`, revert: () => send('putPisteOnAgenda', piste.id, meeting.id) }}
                        />
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!meeting.read_only && <AddPistes meetingId={meeting.id} />}
    </>
  );
}

function PisteLink({ piste }: { piste: PisteRow }) {
  return (
    <Anchor href={href({ page: 'piste', id: piste.id })} size="sm">
      <Text span fw={600} size="sm">
        {piste.reference}
      </Text>{' '}
      {piste.title}
    </Anchor>
  );
}

function DisagreementBadge() {
  return (
    <Badge color="orange" variant="light" radius="sm" size="sm" title="Les moyennes des partenaires s'écartent d'un point et demi ou plus">
      désaccord
    </Badge>
  );
}

function AddPistes({ meetingId }: { meetingId: string }) {
  const { data: candidates } = useApiData('listPistesToArbitrate', meetingId);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  if (!candidates) return null;
  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    for (const id of chosen) if (!(await call('putPisteOnAgenda', id, meetingId)).ok) break;
    setBusy(false);
    setChosen([]);
  }
  if (candidates.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucune autre piste évaluée ou à approfondir n'attend un comité.
      </Text>
    );
  return (
    <form onSubmit={(event) => void add(event)}>
      <Group align="flex-end" gap="sm">
        <MultiSelect
          label="Inscrire des pistes évaluées ou à approfondir"
          placeholder={chosen.length === 0 ? 'Chercher une piste (P12, intitulé…)' : undefined}
          data={candidates.map((piste) => ({ value: piste.id, label: optionLabel(piste) }))}
          value={chosen}
          onChange={setChosen}
          searchable
          clearable
          nothingFoundMessage="Aucune piste ne correspond"
          style={{ flex: 1 }}
          maw={720}
        />
        <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} disabled={chosen.length === 0} loading={busy}>
          Inscrire à l'ordre du jour
        </Button>
      </Group>
    </form>
  );
}

function Decisions({ meeting, chantiers }: { meeting: MeetingDetail; chantiers: ChantierSummary[] }) {
  const { data: pistes } = useApiData('listPistesOnAgenda', meeting.id);
  if (!pistes) return null;
  if (pistes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {meeting.read_only
          ? "Aucune piste n'a été arbitrée dans cette réunion."
          : "Aucune piste n'est inscrite à l'ordre du jour\u202f: inscrivez-les dans «\u202fPréparer\u202f»."}
      </Text>
    );
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Chaque décision devient une décision numérotée du compte rendu, sous le point «&#x202f;Arbitrage des pistes&#x202f;»&#x202f;; une piste retenue devient
        une action de son chantier.
      </Text>
      {pistes.map((piste) => (
        <Paper key={piste.id} withBorder radius="sm" p="sm" component="article" aria-label={`${piste.reference} ${piste.title}`}>
          <Group justify="space-between" align="flex-start" gap="xs">
            <PisteLink piste={piste} />
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                Plus-value {scoreText(piste.together.plus_value)} · Faisabilité {scoreText(piste.together.faisabilite)}
                {piste.quadrant ? ` · ${QUADRANT_LABELS[piste.quadrant]}` : ''}
              </Text>
              {piste.disagreement.flagged && <DisagreementBadge />}
            </Group>
          </Group>
          {piste.decided_here ? (
            <DecisionLine piste={piste} />
          ) : meeting.read_only ? (
            <Text size="sm" mt="xs" c="dimmed">
              Pas de décision au compte rendu.
            </Text>
          ) : (
            <DecisionForm piste={piste} meetingId={meeting.id} chantiers={chantiers} />
          )}
        </Paper>
      ))}
    </Stack>
  );
}

/** « Décision n° 3 — Retenue dans le chantier 4 : action 4.7 ». */
function DecisionLine({ piste }: { piste: AgendaPiste }) {
  const number = piste.decision?.number;
  return (
    <Group gap="xs" mt="xs" wrap="nowrap" align="flex-start">
      <Badge variant="filled" color="blue.8" radius="sm" style={{ flexShrink: 0 }} mt={2}>
        {number ? `Décision n°\u00a0${number}` : 'Décision'}
      </Badge>
      <Text size="sm">
        {piste.stored_status === 'retenue' ? (
          <>
            Retenue dans le chantier {piste.chantier?.number ?? '—'}
            {piste.action_id && piste.action_reference ? (
              <>
                &#x202f;:{' '}
                <Anchor href={href({ page: 'action', id: piste.action_id })} size="sm" fw={600}>
                  action {piste.action_reference}
                </Anchor>
              </>
            ) : (
              ' (son action a été supprimée)'
            )}
          </>
        ) : piste.stored_status === 'ecartee' ? (
          `Écartée\u202f: ${piste.status_reason ?? ''}`
        ) : (
          `À approfondir${piste.status_reason ? `\u202f: ${piste.status_reason}` : ''}`
        )}
      </Text>
    </Group>
  );
}

type Choice = 'retenue' | 'a_approfondir' | 'ecartee';
const NEW_CHANTIER = 'nouveau';

function DecisionForm({ piste, meetingId, chantiers }: { piste: AgendaPiste; meetingId: string; chantiers: ChantierSummary[] }) {
  const [choice, setChoice] = useState<Choice | null>(null);
  const [chantier, setChantier] = useState<string | null>(piste.chantier?.id ?? null);
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function decision(): ArbitrationDecision | string {
    if (choice === 'retenue') {
      if (!chantier) return 'Choisissez le chantier de la piste retenue.';
      if (chantier !== NEW_CHANTIER) return { kind: 'retenue', chantier_id: chantier };
      return title.trim() ? { kind: 'retenue', new_chantier_title: title } : 'Donnez un intitulé au nouveau chantier.';
    }
    if (choice === 'ecartee') return reason.trim() ? { kind: 'ecartee', reason } : `Donnez la raison pour laquelle la piste ${piste.reference} est écartée.`;
    return { kind: 'a_approfondir', reason: reason.trim() || null };
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const chosen = decision();
    if (typeof chosen === 'string') return setError(chosen);
    setBusy(true);
    const result = await send('arbitratePiste', piste.id, meetingId, chosen);
    setBusy(false);
    setError(result.ok ? null : result.error.message);
  }

  const reasonLabel = choice === 'ecartee' ? 'Raison' : 'Raison (facultative)';
  return (
    <form onSubmit={(event) => void save(event)}>
      <Stack gap="xs" mt="xs">
        <Radio.Group
          label={`Décision sur ${piste.reference}`}
          value={choice}
          onChange={(value) => {
            setChoice(value as Choice);
            setError(null);
          }}
        >
          <Group gap="lg" mt={4}>
            <Radio value="retenue" label="Retenue" />
            <Radio value="a_approfondir" label="À approfondir" />
            <Radio value="ecartee" label="Écartée" />
          </Group>
        </Radio.Group>
        {choice === 'retenue' && (
          <Group align="flex-end" gap="sm">
            <Select
              label="Chantier"
              data={[
                ...chantiers.map((item) => ({ value: item.id, label: `${item.number} · ${item.title}` })),
                { value: NEW_CHANTIER, label: 'Nouveau chantier…' },
              ]}
              value={chantier}
              onChange={setChantier}
              searchable
              allowDeselect={false}
              w={360}
            />
            {chantier === NEW_CHANTIER && (
              <TextInput label="Intitulé du nouveau chantier" value={title} onChange={(event) => setTitle(event.currentTarget.value)} w={320} />
            )}
          </Group>
        )}
        {(choice === 'a_approfondir' || choice === 'ecartee') && (
          <TextInput
            label={reasonLabel}
            withAsterisk={choice === 'ecartee'}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maw={640}
          />
        )}
        {error && (
          <Alert color="red" variant="light" p="xs">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" size="sm" leftSection={<IconGavel size={16} aria-hidden />} disabled={choice === null} loading={busy}>
            Enregistrer la décision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
