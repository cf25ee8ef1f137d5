// The key figures of the coopération, for the dashboard and for scripts (`entente figures`):
// réunions held by type, chantiers, pistes identified and retained, the people involved per
// partner, actions by statut. Each figure says what it counts, so that a figure quoted in a
// report can be checked. The dossier du CODIRI prints them as the Tableau de bord's page, over
// the period since the CODIRI before it (db/meetings/dossier.ts).
import { addDays } from '../../common/calendar';
import { capitalized, frenchDate, frenchTypography } from '../../common/french';
import { allDepartements } from '../../common/partners';
import { ACTION_STATUS_AGREEING, type MeetingType, type PartnerKind } from '../../common/vocabulary';
import { listPartners } from '../people/reads';
import { LATEST_SQL, SHOWN_SQL } from '../meetings/rows';
import { periodCounts } from './counts';
import { PISTE_DECISION_JOINS, STANDING_STATUS } from '../pistes/rules';
import { today } from '../store/sql';
import { ValidationError } from '../errors';
import type { Store } from '../store/store';

/**
 * Since the start, since 1 January of this year, after the last CODIRI held (with `before`:
 * the last one dated before that day, a dossier's meeting), or from a given day.
 */
export type FiguresPeriod = { kind: 'all' } | { kind: 'year' } | { kind: 'since-codiri'; before?: string } | { kind: 'since'; date: string };

export interface KeyFigure {
  /** Stable, for scripts: `reunions.codiri`, `personnes.d37.pilotes`, `actions.en_cours`. */
  key: string;
  /** The group it belongs to on screen: « Réunions », « Indre-et-Loire », « Actions ». */
  section: string;
  label: string;
  /** The label after 0 or 1, as a card reads it under its number: « 1 piste retenue ». */
  singular: string;
  value: number;
  /** What exactly is counted, in French. */
  counts: string;
}

export interface KeyFigures {
  today: string;
  /** The first day counted (inclusive), null since the start. */
  from: string | null;
  /** « depuis le début de la coopération », « depuis le 1er janvier 2027 », « depuis le CODIRI du 15 mars 2027 ». */
  period: string;
  figures: KeyFigure[];
}

/** The figures' names of the meeting types: ateliers are « interdépartementaux » between Départements only, as in meetingTypeLabels. */
function meetingPlurals(partners: readonly { kind?: PartnerKind | null; name: string }[]): Record<MeetingType, [plural: string, singular: string]> {
  return {
    codiri: ['CODIRI', 'CODIRI'],
    comite_pilotage: ['Comités de pilotage', 'Comité de pilotage'],
    atelier: allDepartements(partners) ? ['Ateliers interdépartementaux', 'Atelier interdépartemental'] : ['Ateliers de coopération', 'Atelier de coopération'],
    reunion_travail: ['Réunions de travail', 'Réunion de travail'],
  };
}

/** The period's first day and its words. */
function periodOf(store: Store, period: FiguresPeriod, day: string): { from: string | null; period: string } {
  if (period.kind === 'all') return { from: null, period: 'depuis le début de la coopération' };
  if (period.kind === 'year') {
    const from = `${day.slice(0, 4)}-01-01`;
    return { from, period: `depuis le ${frenchDate(from)}` };
  }
  if (period.kind === 'since') {
    if (period.date > day) throw new ValidationError(`Le ${frenchDate(period.date)} n'est pas encore passé : choisissez une date jusqu'à aujourd'hui.`, 'date');
    return { from: period.date, period: `depuis le ${frenchDate(period.date)}` };
  }
  // Before today: on a CODIRI's own day, its figures are those since the one before.
  const codiri = store.db
    .prepare(
      `SELECT m.date FROM meeting m WHERE ${SHOWN_SQL} AND ${LATEST_SQL} AND m.type = 'codiri' AND m.date < @day AND (@before IS NULL OR m.date < @before)
       ORDER BY m.date DESC LIMIT 1`,
    )
    .pluck()
    .get({ day, before: period.before ?? null }) as string | undefined;
  // What happened since it: the CODIRI itself is the previous period's last meeting.
  return codiri
    ? { from: addDays(codiri, 1), period: `depuis le CODIRI du ${frenchDate(codiri)}` }
    : { from: null, period: "depuis le début de la coopération (aucun CODIRI tenu avant aujourd'hui)" };
}

/** Meetings held in the period: shown, latest version of their minutes, dated from `from` to today. */
const HELD_SQL = `${SHOWN_SQL} AND ${LATEST_SQL} AND m.date <= @today AND (@from IS NULL OR m.date >= @from)`;

export function keyFigures(store: Store, period: FiguresPeriod = { kind: 'all' }, day?: string): KeyFigures {
  const date = today(day);
  const { from, period: words } = periodOf(store, period, date);
  const params = { today: date, from };
  const figures: KeyFigure[] = [];
  const within = from ? `du ${frenchDate(from)} au ${frenchDate(date)}` : `jusqu'au ${frenchDate(date)}`;
  const base = periodCounts(store, from, date);
  const partners = listPartners(store);
  const plurals = meetingPlurals(partners);

  for (const meeting of base.meetings) {
    figures.push({
      key: `reunions.${meeting.type}`,
      section: 'Réunions',
      label: plurals[meeting.type][0],
      singular: plurals[meeting.type][1],
      value: meeting.count,
      counts: `Réunions de ce type tenues ${within} ; un compte rendu modifié après validation compte une fois.`,
    });
  }
  figures.push({
    key: 'chantiers',
    section: 'Chantiers',
    label: 'Chantiers',
    singular: 'Chantier',
    value: base.chantiers,
    counts: "Chantiers de la coopération, aujourd'hui.",
  });
  // A piste « devenue action » stays stored as « retenue » (db/pistes/rules.ts): both count as
  // retained, while the décision stands in the minutes.
  const pistes = store.db
    .prepare(
      `SELECT count(*) AS identified, coalesce(sum(${STANDING_STATUS} = 'retenue'), 0) AS retained FROM piste p ${PISTE_DECISION_JOINS} WHERE p.deleted = 0`,
    )
    .get() as {
    identified: number;
    retained: number;
  };
  figures.push({
    key: 'pistes',
    section: 'Chantiers',
    label: 'Pistes identifiées',
    singular: 'Piste identifiée',
    value: pistes.identified,
    counts: "Pistes de coopération proposées, quel que soit leur statut, aujourd'hui.",
  });
  figures.push({
    key: 'pistes.retenues',
    section: 'Chantiers',
    label: 'Pistes retenues',
    singular: 'Piste retenue',
    value: pistes.retained,
    counts: "Pistes retenues par le comité, devenues action ou en attente de leur action, aujourd'hui.",
  });

  figures.push({
    key: 'lettres',
    section: 'Communication',
    label: "Lettres d'info publiées",
    singular: "Lettre d'info publiée",
    value: store.db.prepare('SELECT count(*) FROM newsletter WHERE deleted = 0 AND published_on IS NOT NULL').pluck().get() as number,
    counts: "Lettres d'info de la coopération publiées depuis le début, aujourd'hui.",
  });

  const pilots = `SELECT pe.id, pe.partner_id FROM pilot p JOIN person pe ON pe.id = p.person_id AND pe.deleted = 0
    WHERE p.deleted = 0 AND (EXISTS (SELECT 1 FROM action a WHERE a.id = p.owner_id AND a.deleted = 0) OR EXISTS (SELECT 1 FROM chantier c WHERE c.id = p.owner_id AND c.deleted = 0))`;
  const present = `SELECT pe.id, pe.partner_id FROM participant pa JOIN meeting m ON m.id = pa.meeting_id JOIN person pe ON pe.id = pa.person_id AND pe.deleted = 0
    WHERE pa.deleted = 0 AND pa.attendance = 'present' AND ${HELD_SQL}`;
  // An action à mener goes with its point (actionItemRows): a deleted point takes it from the minutes.
  const responsables = `SELECT pe.id, pe.partner_id FROM action_item ai JOIN agenda_item it ON it.id = ai.agenda_item_id AND it.deleted = 0
    JOIN meeting m ON m.id = ai.meeting_id JOIN person pe ON pe.id = ai.responsable_id AND pe.deleted = 0
    WHERE ai.deleted = 0 AND ${HELD_SQL}`;
  const people = [
    {
      key: 'pilotes',
      label: 'Pilotes',
      singular: 'Pilote',
      sql: pilots,
      counts: "Personnes de ce partenaire pilotes d'au moins une action ou d'un chantier, aujourd'hui.",
    },
    {
      key: 'participants',
      label: 'Participants présents',
      singular: 'Participant présent',
      sql: present,
      counts: `Personnes de ce partenaire présentes à au moins une réunion tenue ${within}.`,
    },
    {
      key: 'responsables',
      label: "Responsables d'actions à mener",
      singular: "Responsable d'actions à mener",
      sql: responsables,
      counts: `Personnes de ce partenaire responsables d'au moins une action à mener décidée en réunion ${within}.`,
    },
    {
      key: 'impliquees',
      label: 'Personnes impliquées',
      singular: 'Personne impliquée',
      sql: `${pilots} UNION ${present} UNION ${responsables}`,
      counts: 'Personnes de ce partenaire comptées au moins une fois ci-dessus (pilotes, participants présents ou responsables), chacune une fois.',
    },
  ];
  const counted = people.map((group) => ({
    ...group,
    byPartner: new Map(
      store.db.prepare(`SELECT partner_id, count(DISTINCT id) FROM (${group.sql}) GROUP BY partner_id`).raw().all(params) as [string, number][],
    ),
  }));
  for (const partner of partners) {
    for (const { key, label, singular, counts, byPartner } of counted) {
      figures.push({ key: `personnes.${partner.id}.${key}`, section: partner.short_name, label, singular, value: byPartner.get(partner.id) ?? 0, counts });
    }
  }

  figures.push({
    key: 'actions',
    section: 'Actions',
    label: 'Actions',
    singular: 'Action',
    value: base.actions,
    counts: "Actions de tous les chantiers, aujourd'hui.",
  });
  for (const { status, label, count } of base.by_status) {
    // Under its number, agreeing with « actions »: « 2 Réalisées », « 1 Bloquée ».
    const agreeing = status === 'none' ? undefined : ACTION_STATUS_AGREEING[status];
    figures.push({
      key: `actions.${status}`,
      section: 'Actions',
      label: agreeing ? `${capitalized(agreeing)}s` : label,
      singular: agreeing ? capitalized(agreeing) : label,
      value: count,
      counts: status === 'none' ? "Actions sans statut aujourd'hui." : `Actions au statut «\u00a0${label}\u00a0» aujourd'hui.`,
    });
  }
  figures.push({
    key: 'actions.en_retard',
    section: 'Actions',
    label: 'En retard',
    singular: 'En retard',
    value: base.late,
    counts: "Actions dont l'échéance est passée sans qu'elles soient réalisées ou abandonnées, aujourd'hui.",
  });
  figures.push({
    key: 'actions.a_arbitrer',
    section: 'Actions',
    label: 'À arbitrer',
    singular: 'À arbitrer',
    value: base.to_arbitrate,
    counts: "Actions ni réalisées ni abandonnées qui attendent une décision du prochain comité, aujourd'hui.",
  });
  // Shown as written: in French typography here (« tenues depuis … ; un compte rendu… »).
  return { today: date, from, period: words, figures: figures.map((figure) => ({ ...figure, counts: frenchTypography(figure.counts) })) };
}
