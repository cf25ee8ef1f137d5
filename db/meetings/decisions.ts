// The register of décisions: every décision of every meeting, with a reference that names
// it the same way on every poste, and whether something follows it up.
//
// The reference. « CODIRI 2027-1 D2 » is the second décision of the first CODIRI of 2027:
// the meeting type's short name (MEETING_TYPE_SHORT_LABELS), the year of the meeting's
// date, the meeting's rank among the meetings of that type in that year, and the
// décision's number as the compte rendu numbers it (rows.ts, decisionNumbers: 1, 2… across
// the items, in agenda order). Everything it is made of is replicated (type, date, start
// time, id, agenda and entry positions), so every poste holding the same changes computes
// the same reference; nothing local (an insertion order, a clock) enters it.
//   - The rank counts the meetings of the type in the year by date, then start time, then
//     the id of the first version (a stable tie-break): a meeting added later in the year
//     changes no earlier reference. What does change references: a meeting of the same
//     type added, or moved by a change of date, before others of the same year, or one
//     deleted, renumbers those after it; a décision added, deleted or moved before others
//     in minutes not yet validated renumbers the décisions after it. Validated minutes
//     cannot change, so their décisions keep their number, in a version modificative too
//     (one it adds takes a number after the last); their rank still moves if an earlier
//     meeting of the same type and year is added afterwards: planning meetings in their
//     order avoids it.
//   - A version modificative is the same meeting: the versions of one minutes share the
//     first version's id (seriesId) and count once in the rank, and only the latest
//     version's décisions are listed — a décision of superseded minutes appears once, as
//     its latest version words and numbers it. While the new version is a draft, its
//     décisions are shown as projets.
//
// « Suivie »: a décision is followed up when its point of the ordre du jour has an action
// à mener linked to an existing action (one followed up, or the one created when the
// minutes were validated). The point's own link to an action (the subject discussed)
// does not count: it says what was talked about, not what was decided to do.
import { frenchDate } from '../../common/french';
import { meetingTypeLabels } from '../../common/partners';
import { MEETING_TYPE_SHORT_LABELS, type MeetingType, type MinutesStatus } from '../../common/vocabulary';
import { listPartners } from '../people/reads';
import { sortKey } from '../store/collation';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { ChantierRef } from '../chantiers/types';
import type { DecisionQuery, DecisionRow } from './types';
import { decisionNumbers, LATEST_SQL, meetingTitle, seriesId, SHOWN_SQL } from './rows';

interface MeetingLine {
  id: string;
  type: MeetingType;
  title: string | null;
  date: string;
  start_time: string;
  version: number;
  validation_status: MinutesStatus;
  chantier_ids: string | null;
}

interface DecisionLine {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  text: string;
}

/** « CODIRI 2027-1 D2 ». */
export const decisionReference = (type: MeetingType, date: string, rank: number, number: number) =>
  `${MEETING_TYPE_SHORT_LABELS[type]} ${date.slice(0, 4)}-${rank} D${number}`;

/** Each meeting's rank among the meetings of its type in its year (latest versions, one per series). */
function ranks(meetings: MeetingLine[]): Map<string, number> {
  const ordered = [...meetings].sort(
    (x, y) =>
      compare(x.type, y.type) ||
      compare(x.date.slice(0, 4), y.date.slice(0, 4)) ||
      compare(x.date, y.date) ||
      compare(x.start_time, y.start_time) ||
      compare(seriesId(x.id), seriesId(y.id)),
  );
  const rank = new Map<string, number>();
  let group = '';
  let count = 0;
  for (const meeting of ordered) {
    const key = `${meeting.type}:${meeting.date.slice(0, 4)}`;
    count = key === group ? count + 1 : 1;
    group = key;
    rank.set(meeting.id, count);
  }
  return rank;
}

const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Every word of `search` is in `text` (case and accents ignored). */
function matches(text: string, search: string): boolean {
  const haystack = sortKey(text);
  return sortKey(search)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * The register: the décisions of the latest version of every meeting, latest meeting first
 * and in their order within it, filtered by `query`.
 */
export function listDecisions(store: Store, query: DecisionQuery = {}): DecisionRow[] {
  const meetings = cached(
    store,
    `SELECT m.id, m.type, m.title, m.date, m.start_time, m.version, m.validation_status, m.chantier_ids FROM meeting m WHERE ${SHOWN_SQL} AND ${LATEST_SQL}`,
  ).all() as MeetingLine[];
  const rankOf = ranks(meetings);
  const byId = new Map(meetings.map((meeting) => [meeting.id, meeting]));

  // The items and décisions of every meeting, in the minutes' order (as entryRows and decisionNumbers).
  const items = cached(store, 'SELECT id, meeting_id, title, chantier_id FROM agenda_item WHERE deleted = 0 ORDER BY meeting_id, position, id').all() as {
    id: string;
    meeting_id: string;
    title: string;
    chantier_id: string | null;
  }[];
  const itemNumber = new Map<string, number>();
  const itemsSeen = new Map<string, number>();
  for (const item of items) {
    const number = (itemsSeen.get(item.meeting_id) ?? 0) + 1;
    itemsSeen.set(item.meeting_id, number);
    itemNumber.set(item.id, number);
  }
  const itemById = new Map(items.map((item) => [item.id, item]));
  const decisions = cached(
    store,
    `SELECT e.id, e.meeting_id, e.agenda_item_id, e.text FROM entry e JOIN agenda_item ai ON ai.id = e.agenda_item_id AND ai.deleted = 0
     WHERE e.deleted = 0 AND e.kind = 'decision' AND e.text IS NOT NULL ORDER BY e.meeting_id, ai.position, ai.id, e.position, e.id`,
  ).all() as DecisionLine[];

  const followUps = new Map<string, { id: string; title: string }[]>();
  const linked = cached(
    store,
    `SELECT DISTINCT x.agenda_item_id, a.id, a.title FROM action_item x JOIN action a ON a.id = x.action_id AND a.deleted = 0 AND a.title IS NOT NULL
     WHERE x.deleted = 0 ORDER BY x.agenda_item_id, x.position, x.id`,
  ).all() as { agenda_item_id: string; id: string; title: string }[];
  for (const { agenda_item_id, id, title } of linked) {
    const list = followUps.get(agenda_item_id) ?? [];
    if (!list.some((action) => action.id === id)) list.push({ id, title });
    followUps.set(agenda_item_id, list);
  }

  const chantiers = new Map(
    (cached(store, 'SELECT id, number, title FROM chantier WHERE number IS NOT NULL AND title IS NOT NULL').all() as ChantierRef[]).map((chantier) => [
      chantier.id,
      chantier,
    ]),
  );

  const rows: DecisionRow[] = [];
  const numbers = new Map<string, number>();
  const amended = new Map<string, Map<string, number>>();
  const amendedNumbers = (meetingId: string) => amended.get(meetingId) ?? amended.set(meetingId, decisionNumbers(store, meetingId)).get(meetingId)!;
  for (const decision of decisions) {
    const meeting = byId.get(decision.meeting_id);
    const item = itemById.get(decision.agenda_item_id);
    // Every décision of a meeting is numbered, shown or not: a superseded version's are skipped here.
    const sequential = (numbers.get(decision.meeting_id) ?? 0) + 1;
    numbers.set(decision.meeting_id, sequential);
    if (!meeting || !item) continue;
    // A version modificative numbers as the versions before it did (rows.ts, decisionNumbers).
    const number = meeting.version > 1 ? (amendedNumbers(meeting.id).get(decision.id) ?? sequential) : sequential;
    const chantierIds = item.chantier_id ? [item.chantier_id] : meeting.chantier_ids ? (JSON.parse(meeting.chantier_ids) as string[]) : [];
    const actions = followUps.get(item.id) ?? [];
    const title = meetingTitle(meeting);
    const rank = rankOf.get(meeting.id)!;
    rows.push({
      id: decision.id,
      reference: decisionReference(meeting.type, meeting.date, rank, number),
      number,
      text: decision.text,
      meeting: { id: meeting.id, type: meeting.type, title, version: meeting.version, rank },
      date: meeting.date,
      date_label: frenchDate(meeting.date),
      agenda_item: { id: item.id, number: itemNumber.get(item.id)!, title: item.title },
      chantiers: chantierIds.map((id) => chantiers.get(id)).filter((chantier): chantier is ChantierRef => chantier !== undefined),
      minutes_status: meeting.validation_status,
      draft: meeting.validation_status !== 'valide',
      followed: actions.length > 0,
      follow_up_actions: actions,
    });
  }

  const filtered = rows.filter(
    (row) =>
      (!query.types?.length || query.types.includes(row.meeting.type)) &&
      (!query.chantier_id || row.chantiers.some((chantier) => chantier.id === query.chantier_id)) &&
      (!query.from || row.date >= query.from) &&
      (!query.to || row.date <= query.to) &&
      (query.followed === undefined || row.followed === query.followed) &&
      (!query.search?.trim() || matches([row.reference, row.text, row.meeting.title, row.agenda_item.title].join('\n'), query.search)),
  );
  // Latest meeting first; within a meeting, the minutes' order.
  return filtered.sort((x, y) => {
    const [a, b] = [byId.get(x.meeting.id)!, byId.get(y.meeting.id)!];
    return compare(b.date, a.date) || compare(b.start_time, a.start_time) || compare(seriesId(a.id), seriesId(b.id)) || x.number - y.number;
  });
}

/** Which décisions a query keeps, in French: « Décisions des CODIRI, chantier 4, du 1er janvier 2027 au 31 décembre 2027 ». */
export function describeDecisionQuery(store: Store, query: DecisionQuery): string {
  const parts: string[] = [];
  if (query.types?.length) {
    const labels = meetingTypeLabels(listPartners(store));
    parts.push(`des réunions de type ${query.types.map((type) => labels[type]).join(', ')}`);
  }
  if (query.chantier_id) {
    const chantier = cached(store, 'SELECT number FROM chantier WHERE id = ?').pluck().get(query.chantier_id) as number | null | undefined;
    parts.push(`du chantier ${chantier ?? query.chantier_id}`);
  }
  if (query.from && query.to) parts.push(`du ${frenchDate(query.from)} au ${frenchDate(query.to)}`);
  else if (query.from) parts.push(`depuis le ${frenchDate(query.from)}`);
  else if (query.to) parts.push(`jusqu'au ${frenchDate(query.to)}`);
  if (query.followed !== undefined) parts.push(query.followed ? 'suivies' : 'non suivies');
  if (query.search?.trim()) parts.push(`contenant « ${query.search.trim()} »`);
  return parts.length ? `Décisions ${parts.join(', ')}` : 'Toutes les décisions';
}
