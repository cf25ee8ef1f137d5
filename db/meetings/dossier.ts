// The dossier du CODIRI: what its members read before the meeting, not its minutes. The
// convocation and ordre du jour; the previous CODIRI's compte rendu, to approve; one page per
// chantier (pilotes, stage, actions with their statut and échéance, what changed since the
// previous CODIRI, read from the change log); the décisions attendues (points, pistes and
// actions to arbitrate); the Tableau de bord, its figures counted since the CODIRI before
// this one.
import { frenchDate, frenchTypography } from '../../common/french';
import { ACTION_STATUS_LABELS, STAGE_LABELS, type ActionStatus, type Stage } from '../../common/vocabulary';
import { ValidationError } from '../errors';
import { SEED_ORIGIN } from '../project/setup';
import { getProject } from '../project/reads';
import { formatHlc } from '../store/hlc';
import { COUNTED_PROGRESS_SQL, LATE_SQL, openSql, today } from '../store/sql';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { actionReferences, referenceOf } from '../actions/references';
import { pistesOnAgenda } from '../pistes/reads';
import { cooperationDashboard } from '../chantiers/dashboard';
import { dayOf, stageSince } from '../chantiers/stage';
import { convocationDocument } from './convocation';
import { minutesDocument } from './document';
import type { CodiriDossier, DossierAction, DossierChange, DossierChantier, ExpectedDecision } from './dossier-types';
import { agendaRows, previousMeeting, requireMeeting } from './rows';

/** Where an action comes in its chantier's list: the order of the references (« 4.2 » before « 4.10 »). */
const referenceOrder = (store: Store, actionId: string) => actionReferences(store).get(actionId)?.order ?? Number.MAX_SAFE_INTEGER;

const statusLabel = (status: ActionStatus | null) => (status ? ACTION_STATUS_LABELS[status] : 'Sans statut');

/** The first clock value of a day (local midnight): every change written that day or later sorts after it. */
function dayStartHlc(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return formatHlc({ ms: new Date(year, month - 1, date).getTime(), counter: 0 });
}

interface ActionRow {
  id: string;
  chantier_id: string;
  number: number | null;
  title: string;
  status: ActionStatus | null;
  end_date: string | null;
  /** As the lists count it (COUNTED_PROGRESS_SQL). */
  progress: number;
  late: number;
}

interface LoggedChange {
  row_id: string;
  origin: string;
  hlc: string;
  field: string;
  value: string;
}

/**
 * Per action: its creation, its statut and its échéance when they differ from what they
 * were at `since` (the value last written before that day). Several changes in between
 * are one line: from the value then to the value now.
 */
function changesSince(store: Store, actions: (ActionRow & { reference: string })[], since: string): Map<string, DossierChange[]> {
  const threshold = dayStartHlc(since);
  const logged = cached(
    store,
    `SELECT row_id, origin, hlc, field, value FROM changes
     WHERE entity = 'action' AND row_id IN (SELECT value FROM json_each(?)) ORDER BY hlc, origin, seq`,
  ).all(JSON.stringify(actions.map((action) => action.id))) as LoggedChange[];
  const byAction = new Map<string, LoggedChange[]>();
  for (const change of logged) {
    const list = byAction.get(change.row_id);
    if (list) list.push(change);
    else byAction.set(change.row_id, [change]);
  }
  const found = new Map<string, DossierChange[]>();
  for (const action of actions) {
    const history = byAction.get(action.id) ?? [];
    const first = history[0];
    const line = (kind: DossierChange['kind'], text: string, on: string): DossierChange => ({
      action_id: action.id,
      reference: action.reference,
      title: action.title,
      kind,
      text,
      on,
    });
    if (first && first.origin !== SEED_ORIGIN && first.hlc >= threshold) {
      found.set(action.id, [line('created', 'Action créée', dayOf(first.hlc))]);
      continue;
    }
    const lines: DossierChange[] = [];
    for (const [field, kind, label, text] of [
      ['status', 'status', 'Statut', (value: unknown) => statusLabel((value as ActionStatus | null) ?? null)],
      ['end_date', 'end_date', 'Échéance', (value: unknown) => (typeof value === 'string' ? frenchDate(value) : 'sans échéance')],
    ] as const) {
      const ofField = history.filter((change) => change.field === field);
      const after = ofField.filter((change) => change.hlc >= threshold);
      if (after.length === 0) continue;
      const before = ofField.filter((change) => change.hlc < threshold).at(-1);
      const then = before ? (JSON.parse(before.value) as unknown) : null;
      const now = action[field];
      if ((then ?? null) === (now ?? null)) continue;
      lines.push(line(kind, frenchTypography(`${label} : ${text(then)} → ${text(now)}`), dayOf(after.at(-1)!.hlc)));
    }
    if (lines.length > 0) found.set(action.id, lines);
  }
  return found;
}

/** « Marc Petit (Loir-et-Cher), Anne Leroy (Indre-et-Loire) »: an action's pilotes, by partner position. */
function actionPilots(store: Store, actionId: string): string | null {
  const names = cached(
    store,
    `SELECT pe.name || ' (' || pa.short_name || ')' FROM pilot p JOIN person pe ON pe.id = p.person_id AND pe.deleted = 0
     JOIN partner pa ON pa.id = p.partner_id WHERE p.owner_id = ? AND p.deleted = 0 ORDER BY pa.position, pa.id`,
  )
    .pluck()
    .all(actionId) as string[];
  return names.length > 0 ? names.join(', ') : null;
}

/** The points of the meeting's ordre du jour, its pistes to arbitrate and the open actions marked « à arbitrer ». */
function expectedDecisions(store: Store, meetingId: string): ExpectedDecision[] {
  const chantier = (id: string | null) =>
    id ? (cached(store, 'SELECT number, title FROM chantier WHERE id = ?').get(id) as { number: number; title: string } | undefined) : undefined;
  const chantierLabel = (id: string | null) => {
    const found = chantier(id);
    return found ? `Chantier ${found.number} · ${found.title}` : null;
  };
  const points = agendaRows(store, meetingId).flatMap((item, index) =>
    item.to_arbitrate
      ? [{ kind: 'point' as const, reference: `Point ${index + 1}`, title: item.title, chantier_label: chantierLabel(item.chantier_id), by: item.presenter }]
      : [],
  );
  const actions = cached(
    store,
    `SELECT a.id, a.chantier_id, a.number, a.title, c.number AS chantier_number FROM action a JOIN chantier c ON c.id = a.chantier_id AND c.deleted = 0
     WHERE a.deleted = 0 AND a.to_arbitrate = 1 AND ${openSql('a')} ORDER BY c.number, a.number IS NULL, a.number, a.title_key, a.id`,
  ).all() as { id: string; chantier_id: string; number: number | null; title: string; chantier_number: number }[];
  // The pistes put on the ordre du jour and not yet decided here (db/pistes/agenda.ts).
  const pistes = pistesOnAgenda(store, meetingId).flatMap((piste) =>
    piste.decided_here
      ? []
      : [
          {
            kind: 'piste' as const,
            reference: `Piste ${piste.reference}`,
            title: piste.title,
            chantier_label: chantierLabel(piste.chantier?.id ?? null),
            by: piste.proposed_by.short_name,
          },
        ],
  );
  return [
    ...points,
    ...pistes,
    ...actions.map((action) => ({
      kind: 'action' as const,
      reference: `Action ${referenceOf(store, action.id)}`,
      title: action.title,
      chantier_label: chantierLabel(action.chantier_id),
      by: actionPilots(store, action.id),
    })),
  ];
}

/** The chantiers of the dossier: the meeting's own when it names some, otherwise every chantier, by number. */
function dossierChantiers(store: Store, chantierIds: string[], since: string | null, day: string): DossierChantier[] {
  const chantiers = cached(store, 'SELECT id, number, title, stage FROM chantier WHERE deleted = 0 ORDER BY number, id').all() as {
    id: string;
    number: number;
    title: string;
    stage: Stage;
  }[];
  const chosen = chantierIds.length > 0 ? chantiers.filter((chantier) => chantierIds.includes(chantier.id)) : chantiers;
  const partners = cached(store, 'SELECT id, short_name FROM partner WHERE deleted = 0 ORDER BY position, id').all() as { id: string; short_name: string }[];
  return chosen.map((chantier) => {
    const rows = (
      cached(
        store,
        `SELECT a.id, a.chantier_id, a.number, a.title, a.status, a.end_date, ${COUNTED_PROGRESS_SQL} AS progress, ${LATE_SQL} AS late FROM action a
         WHERE a.chantier_id = @chantier AND a.deleted = 0 ORDER BY a.number IS NULL, a.number, a.title_key, a.id`,
      ).all({ chantier: chantier.id, today: day }) as ActionRow[]
    )
      .map((row) => ({ ...row, reference: referenceOf(store, row.id) }))
      .sort((a, b) => referenceOrder(store, a.id) - referenceOrder(store, b.id));
    const changes = since ? changesSince(store, rows, since) : new Map<string, DossierChange[]>();
    const actions: DossierAction[] = rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      title: row.title,
      status: row.status,
      status_label: statusLabel(row.status),
      end_date: row.end_date,
      end_date_label: row.end_date ? frenchDate(row.end_date) : null,
      late: row.late === 1,
      blocked: row.status === 'bloque',
    }));
    const pilots = new Map(
      cached(store, 'SELECT p.partner_id, pe.name FROM pilot p JOIN person pe ON pe.id = p.person_id AND pe.deleted = 0 WHERE p.owner_id = ? AND p.deleted = 0')
        .raw()
        .all(chantier.id) as [string, string][],
    );
    const progress = rows.reduce((sum, row) => sum + row.progress, 0);
    return {
      id: chantier.id,
      number: chantier.number,
      title: chantier.title,
      pilots: partners.map((partner) => ({ partner: partner.short_name, person: pilots.get(partner.id) ?? null })),
      stage: chantier.stage,
      stage_label: STAGE_LABELS[chantier.stage],
      stage_since: stageSince(store, chantier.id),
      progress: rows.length > 0 ? Math.round(progress / rows.length) : 0,
      actions,
      late: actions.filter((action) => action.late).length,
      blocked: actions.filter((action) => action.blocked).length,
      changes: rows.flatMap((row) => changes.get(row.id) ?? []),
    };
  });
}

/** The dossier of a CODIRI, with statuts and « en retard » as they stand on `day`. */
export function codiriDossier(store: Store, meetingId: string, day?: string): CodiriDossier {
  const meeting = requireMeeting(store, meetingId);
  if (meeting.type !== 'codiri') throw new ValidationError('Le dossier du CODIRI ne se prépare que pour une réunion du CODIRI.', 'type');
  const date = today(day);
  const convocation = convocationDocument(store, meetingId);
  const previous = previousMeeting(store, meetingId);
  return {
    heading: `Dossier du CODIRI du ${frenchDate(meeting.date)}`,
    project_name: getProject(store).name,
    partners: convocation.partners,
    today: date,
    convocation,
    previous: previous ? { meeting: previous, minutes: minutesDocument(store, previous.id, 'compte_rendu') } : null,
    chantiers: dossierChantiers(store, meeting.chantier_ids, previous?.date ?? null, date),
    decisions: expectedDecisions(store, meetingId),
    dashboard: cooperationDashboard(store, { kind: 'since-codiri', before: meeting.date }, date),
  };
}
