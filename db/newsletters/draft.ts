// « Nouvelle lettre »: what happened since the last lettre published, proposed as articles
// the secretariat then removes, reorders and rewrites. Read from the facts of the period:
// actions réalisées and lancées (their statut's changes in the change log, as the dossier du
// CODIRI reads « what changed since »), the décisions of minutes validated in the period,
// the meetings held, the pistes retained, and the key figures.
import { addDays } from '../../common/calendar';
import { frenchCount, frenchDate, frenchTypography } from '../../common/french';
import { meetingTypeLabels } from '../../common/partners';
import type { MeetingType } from '../../common/vocabulary';
import { referenceOf } from '../actions/references';
import { dayOf } from '../chantiers/stage';
import { keyFigures } from '../chantiers/figures';
import { listDecisions } from '../meetings/decisions';
import { LATEST_SQL, meetingTitle, originalRowId, SHOWN_SQL } from '../meetings/rows';
import { listPartners } from '../people/reads';
import { SEED_ORIGIN } from '../project/setup';
import { PISTE_DECISION_JOINS, pisteReference, STANDING_STATUS } from '../pistes/rules';
import { formatHlc } from '../store/hlc';
import { NEWSLETTER_ITEM_BODY_MAX, NEWSLETTER_ITEM_TITLE_MAX, NEWSLETTER_MAX_ITEMS } from '../store/schema';
import { cached } from '../store/statements';
import { today } from '../store/sql';
import type { Store } from '../store/store';
import type { NewsletterDraft, NewsletterItem } from './types';

type DraftItem = Omit<NewsletterItem, 'id'>;

/** An article proposed from a fact, with the day of that fact. */
type Proposal = DraftItem & { day: string };

export const newsletterTitle = (number: number) => `La lettre de la coopération n° ${number}`;

/** The first clock value of a local day: every change written that day or later sorts after it. */
function dayStartHlc(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return formatHlc({ ms: new Date(year, month - 1, date).getTime(), counter: 0 });
}

/** The day the project's own story starts: its first meeting or its first change written by a poste. */
function firstFact(store: Store): string | null {
  const change = cached(store, `SELECT hlc FROM changes WHERE origin <> '${SEED_ORIGIN}' ORDER BY hlc LIMIT 1`).pluck().get() as string | undefined;
  const meeting = cached(store, `SELECT min(m.date) FROM meeting m WHERE ${SHOWN_SQL}`).pluck().get() as string | null;
  const days = [change ? dayOf(change) : null, meeting].filter((day): day is string => day !== null);
  return days.length > 0 ? days.sort()[0] : null;
}

/**
 * The period of the next lettre, from the day after the last published one's end (or the
 * first fact) to `day`; and where its facts start: after the moment the last lettre was
 * drafted (`after`, a clock value), and from its last day for the facts known by their day
 * (`since`). What happened on that day once it was drafted is news; what it told is not
 * told again (toldArticles).
 */
function nextPeriod(store: Store, day: string): { start: string; since: string; after: string | null } {
  const last = cached(
    store,
    'SELECT id, period_end FROM newsletter WHERE deleted = 0 AND published_on IS NOT NULL ORDER BY period_end DESC, number DESC LIMIT 1',
  ).get() as { id: string; period_end: string } | undefined;
  const upTo = (first: string | null) => (first && first <= day ? first : day);
  if (!last) {
    const start = upTo(firstFact(store));
    return { start, since: start, after: null };
  }
  const drafted = cached(store, "SELECT min(hlc) FROM changes WHERE entity = 'newsletter' AND row_id = ?").pluck().get(last.id) as string | null;
  return { start: upTo(addDays(last.period_end, 1)), since: upTo(last.period_end), after: drafted };
}

/** The articles published lettres proposed from a fact (`kind:source`): each fact is told once. */
function toldArticles(store: Store): Set<string> {
  const told = cached(
    store,
    `SELECT json_extract(j.value, '$.kind') || ':' || json_extract(j.value, '$.source_id') FROM newsletter n, json_each(n.items) j
     WHERE n.deleted = 0 AND n.published_on IS NOT NULL AND json_extract(j.value, '$.source_id') IS NOT NULL`,
  )
    .pluck()
    .all() as string[];
  return new Set(told);
}

interface StatusChange {
  row_id: string;
  origin: string;
  hlc: string;
  value: string;
}

/** Each row's statut changes, oldest first. */
function statusChanges(store: Store, entity: 'action' | 'piste'): Map<string, StatusChange[]> {
  const rows = cached(store, `SELECT row_id, origin, hlc, value FROM changes WHERE entity = ? AND field = 'status' ORDER BY hlc, origin, seq`).all(
    entity,
  ) as StatusChange[];
  const byRow = new Map<string, StatusChange[]>();
  for (const row of rows) byRow.set(row.row_id, [...(byRow.get(row.row_id) ?? []), row]);
  return byRow;
}

interface ActionLine {
  id: string;
  title: string;
  description: string | null;
  status: string | null;
  chantier_number: number;
  chantier_title: string;
}

/** « Chantier 4 « Mobilités » — action 4.2, réalisée le 3 mars 2027. » followed by its description. */
function actionBody(store: Store, action: ActionLine, what: string, day: string): string {
  const line = `Chantier ${action.chantier_number} « ${action.chantier_title} » — action ${referenceOf(store, action.id)}, ${what} le ${frenchDate(day)}.`;
  return action.description ? `${line}\n\n${action.description}` : line;
}

/** Actions réalisées in the period (their statut became « Réalisé » then and stays so), then those lancées (« En cours » for the first time). */
function actionItems(store: Store, from: string, until: string): Proposal[] {
  const actions = cached(
    store,
    `SELECT a.id, a.title, a.description, a.status, c.number AS chantier_number, c.title AS chantier_title
     FROM action a JOIN chantier c ON c.id = a.chantier_id AND c.deleted = 0 WHERE a.deleted = 0 AND a.title IS NOT NULL ORDER BY c.number, a.number IS NULL, a.number, a.title_key, a.id`,
  ).all() as ActionLine[];
  const changes = statusChanges(store, 'action');
  const finished: { action: ActionLine; day: string }[] = [];
  const started: { action: ActionLine; day: string }[] = [];
  for (const action of actions) {
    // The seeded plan's statuts are where the project started, not news.
    const history = (changes.get(action.id) ?? []).filter((change) => change.origin !== SEED_ORIGIN);
    const within = (change: StatusChange) => change.hlc >= from && change.hlc < until;
    const last = history.at(-1);
    if (action.status === 'realise' && last && within(last)) {
      finished.push({ action, day: dayOf(last.hlc) });
      continue;
    }
    const firstStart = history.find((change) => change.value === '"en_cours"');
    if (action.status !== null && action.status !== 'abandonne' && firstStart && within(firstStart)) started.push({ action, day: dayOf(firstStart.hlc) });
  }
  const byDay = (x: { day: string }, y: { day: string }) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0);
  return [
    ...finished.sort(byDay).map(({ action, day }) => ({
      kind: 'action_terminee' as const,
      title: action.title,
      body: actionBody(store, action, 'réalisée', day),
      source_id: action.id,
      day,
    })),
    ...started.sort(byDay).map(({ action, day }) => ({
      kind: 'action_lancee' as const,
      title: action.title,
      body: actionBody(store, action, 'lancée', day),
      source_id: action.id,
      day,
    })),
  ];
}

/** The meetings held in the period, oldest first, with their place. */
function meetingItems(store: Store, start: string | null, end: string): Proposal[] {
  const meetings = cached(
    store,
    `SELECT m.id, m.type, m.title, m.date, m.place FROM meeting m
     WHERE ${SHOWN_SQL} AND ${LATEST_SQL} AND (@start IS NULL OR m.date >= @start) AND m.date <= @end ORDER BY m.date, m.start_time, m.id`,
  ).all({ start, end }) as { id: string; type: MeetingType; title: string | null; date: string; place: string | null }[];
  const typeLabels = meetingTypeLabels(listPartners(store));
  return meetings.map((meeting) => ({
    kind: 'reunion' as const,
    title: meetingTitle(meeting),
    body: `${typeLabels[meeting.type]} tenu${meeting.type === 'reunion_travail' ? 'e' : ''} le ${frenchDate(meeting.date)}${meeting.place ? `, ${meeting.place}` : ''}.`,
    source_id: meeting.id,
    day: meeting.date,
  }));
}

/**
 * The décisions of minutes validated in the period, oldest meeting first: minutes validated
 * after the lettre of their meeting's date are told by the next one. A projet de décision is
 * no news yet, a décision a published lettre told is not told again by a version
 * modificative, and a piste's arbitrage is told by its own article.
 */
function decisionItems(store: Store, start: string | null, end: string): Proposal[] {
  const arbitrations = new Set(
    (cached(store, 'SELECT decision_entry_id FROM piste WHERE deleted = 0 AND decision_entry_id IS NOT NULL').pluck().all() as string[]).map(originalRowId),
  );
  const told = new Set(
    (
      cached(
        store,
        `SELECT json_extract(j.value, '$.source_id') FROM newsletter n, json_each(n.items) j
         WHERE n.deleted = 0 AND n.published_on IS NOT NULL AND json_extract(j.value, '$.kind') = 'decision'`,
      )
        .pluck()
        .all() as (string | null)[]
    )
      .filter((id): id is string => id !== null)
      .map(originalRowId),
  );
  // Only validated minutes have a day of validation: a projet de décision has none.
  const validatedOn = new Map(
    (
      cached(store, "SELECT id, validated_on FROM meeting WHERE validation_status = 'valide' AND validated_on IS NOT NULL").all() as {
        id: string;
        validated_on: string;
      }[]
    ).map((meeting) => [meeting.id, meeting.validated_on]),
  );
  return listDecisions(store)
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
    .flatMap((decision) => {
      const day = validatedOn.get(decision.meeting.id);
      const key = originalRowId(decision.id);
      if (day === undefined || (start !== null && day < start) || day > end || arbitrations.has(key) || told.has(key)) return [];
      // Its first line for a title; the others, whole, open the text.
      const [first, ...rest] = decision.text.trim().split('\n');
      const more = rest.join('\n').trim();
      const source = `${decision.meeting.title}, point ${decision.agenda_item.number} « ${decision.agenda_item.title} » (décision ${decision.reference}).`;
      return {
        kind: 'decision' as const,
        title: first.trim(),
        body: more ? `${more}\n\n${source}` : source,
        source_id: decision.id,
        day,
      };
    });
}

/** Pistes whose statut became « retenue » in the period and stays so. */
function pisteItems(store: Store, from: string, until: string): Proposal[] {
  const pistes = cached(
    store,
    `SELECT p.id, p.number, p.title, p.description FROM piste p ${PISTE_DECISION_JOINS}
     WHERE p.deleted = 0 AND ${STANDING_STATUS} = 'retenue' ORDER BY p.number`,
  ).all() as {
    id: string;
    number: number;
    title: string;
    description: string | null;
  }[];
  const changes = statusChanges(store, 'piste');
  return pistes.flatMap((piste) => {
    const last = changes.get(piste.id)?.at(-1);
    if (last === undefined || last.hlc < from || last.hlc >= until) return [];
    return {
      kind: 'piste_retenue' as const,
      title: piste.title,
      body: [`Piste ${pisteReference(piste.number)}, retenue par le comité.`, piste.description].filter(Boolean).join('\n\n'),
      source_id: piste.id,
      day: dayOf(last.hlc),
    };
  });
}

/** The key figures worth a newsletter, as a list: meetings of the period, then where the work stands. */
function figuresItem(store: Store, start: string | null, end: string): DraftItem {
  const { figures } = keyFigures(store, start ? { kind: 'since', date: start } : { kind: 'all' }, end);
  const value = (key: string) => figures.find((figure) => figure.key === key)?.value ?? 0;
  const meetings = figures.filter((figure) => figure.key.startsWith('reunions.') && figure.value > 0);
  // « **1** atelier interdépartemental », « **3** CODIRI »: the number first, its words agreeing with it.
  const counted = (count: number, singular: string, plural = `${singular}s`) => `**${frenchCount(count)}** ${count <= 1 ? singular : plural}`;
  // « , dont **3** en cours et **2** réalisées », or what a published lettre says of none: « , aucune retenue pour l'instant ».
  const among = (parts: (string | null)[], none: string) => {
    const given = parts.filter((part) => part !== null);
    return given.length > 0 ? `, dont ${given.join(' et ')}` : `, ${none}`;
  };
  const lowerFirst = (label: string) => (/^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);
  const held = meetings.map((figure) => `- ${counted(figure.value, lowerFirst(figure.singular), lowerFirst(figure.label))}`);
  const lines = [
    ...(held.length > 0 ? ['Réunions tenues sur la période :', '', ...held, ''] : []),
    "La coopération aujourd'hui :",
    '',
    `- ${counted(value('chantiers'), 'chantier')}`,
    `- ${counted(value('actions'), 'action')}${among(
      [
        value('actions.en_cours') > 0 ? `**${frenchCount(value('actions.en_cours'))}** en cours` : null,
        value('actions.realise') > 0 ? counted(value('actions.realise'), 'réalisée') : null,
      ],
      'aucune encore en cours ni réalisée',
    )}`,
    // A cooperation that does not use the pistes says nothing of them.
    ...(value('pistes') > 0
      ? [
          `- ${counted(value('pistes'), 'piste identifiée', 'pistes identifiées')}${among(
            [value('pistes.retenues') > 0 ? counted(value('pistes.retenues'), 'retenue') : null],
            "aucune retenue pour l'instant",
          )}`,
        ]
      : []),
  ];
  return { kind: 'chiffres', title: 'Chiffres clés', body: lines.join('\n'), source_id: null };
}

/** A text cut to `max` characters, « … » telling it was cut. */
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * An article within a lettre's limits (a title or a description longer than an article's is
 * cut, the editor rewrites it), in French typography as it will be printed and sent.
 */
const fitted = ({ kind, title, body, source_id }: DraftItem): DraftItem => ({
  kind,
  title: cut(frenchTypography(title), NEWSLETTER_ITEM_TITLE_MAX),
  body: body === null ? null : cut(frenchTypography(body), NEWSLETTER_ITEM_BODY_MAX),
  source_id,
});

/** The most recent facts a lettre holds, in their order: beyond its articles' cap, the oldest are left out. */
function mostRecent(proposals: Proposal[], count: number): Proposal[] {
  if (proposals.length <= count) return proposals;
  const kept = new Set([...proposals].sort((x, y) => (x.day > y.day ? -1 : x.day < y.day ? 1 : 0)).slice(0, count));
  return proposals.filter((proposal) => kept.has(proposal));
}

/** What « Nouvelle lettre » proposes on `day` (today by default): nothing is written. */
export function draftNewsletter(store: Store, day?: string): NewsletterDraft {
  const end = today(day);
  const { start, since, after } = nextPeriod(store, end);
  const number = ((cached(store, 'SELECT max(number) FROM newsletter WHERE deleted = 0').pluck().get() as number | null) ?? 0) + 1;
  const from = after ?? dayStartHlc(start);
  const until = dayStartHlc(addDays(end, 1));
  const told = toldArticles(store);
  return {
    number,
    title: newsletterTitle(number),
    period_start: start,
    period_end: end,
    items: [
      ...mostRecent(
        [...actionItems(store, from, until), ...decisionItems(store, since, end), ...meetingItems(store, since, end), ...pisteItems(store, from, until)].filter(
          (proposal) => !told.has(`${proposal.kind}:${proposal.source_id}`),
        ),
        NEWSLETTER_MAX_ITEMS - 1,
      ),
      figuresItem(store, start, end),
    ].map(fitted),
  };
}
