// What a printed compte rendu (or relevé de décisions) shows, as one plain object: every
// list ordered, every décision and action à mener numbered, every code labelled in
// French. The printing code lays it out and computes nothing.
import { frenchDate, frenchDuration, frenchTime, frenchTypography, longFrenchDate } from '../../common/french';
import { meetingTypeLabels, withArticle } from '../../common/partners';
import { getProject } from '../project/reads';
import { sortKey } from '../store/collation';
import { getMeeting } from './reads';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { ActionItemView, ParticipantView } from './types';
import type { MinutesActionItem, MinutesDocument, MinutesPerson, PrintedPartner, VisaBlock } from './document-types';
import type { Partner, PersonRef } from '../people/types';
import { partnerLogos } from '../people/logos';
import {
  ACTION_ITEM_KIND_LABELS,
  ACTION_STATUS_LABELS,
  ATTENDANCE_SECTION_LABELS,
  ATTENDANCES,
  attendanceLabel,
  personName,
  type Civility,
  MINUTES_LAYOUT_LABELS,
  MINUTES_STATUS_LABELS,
  type Attendance,
  type MinutesLayout,
} from '../../common/vocabulary';

const OTHER_PARTICIPANTS = 'Autres participants';

/** "Claire Martin (Indre-et-Loire)". */
const personLabel = (person: PersonRef | null) => (person ? `${person.name}${person.partner_short_name ? ` (${person.partner_short_name})` : ''}` : null);

/**
 * A function as written after a name: « directrice générale des services ». Only its first
 * letter is lowered (« chef du service Europe »), and not at all when it starts with an
 * acronym (« DGS », « DGA solidarités »).
 */
export function printedFunction(text: string | null): string | null {
  if (!text) return null;
  const first = text.split(/[\s,'’-]/, 1)[0];
  if (first.length > 1 && first === first.toUpperCase() && first !== first.toLowerCase()) return text;
  return text.charAt(0).toLocaleLowerCase('fr') + text.slice(1);
}

/** Every person's civilité, by id (deleted ones included: the minutes keep who was there). */
export function civilities(store: Store): Map<string, Civility | null> {
  const rows = cached(store, 'SELECT id, civility FROM person').all() as { id: string; civility: Civility | null }[];
  return new Map(rows.map((row) => [row.id, row.civility]));
}

/** The partners by position, each with its logo when one was chosen (Paramètres › Partenaires). */
export function printedPartners(store: Store): { partners: Partner[]; printed: PrintedPartner[] } {
  const partners = cached(store, 'SELECT id, code, name, short_name, position, kind FROM partner WHERE deleted = 0 ORDER BY position, id').all() as Partner[];
  const logos = partnerLogos(store);
  return {
    partners,
    printed: partners.map(({ id, code, name, short_name, kind }) => {
      const logo = logos.get(id);
      return { id, code, name, short_name, kind, logo: logo ? { data_url: logo.data_url, type: logo.type, width: logo.width, height: logo.height } : null };
    }),
  };
}

/** « représentée par Jean Dupont », agreed with the civilité (masculine without one). */
export const representedLabel = (civility: Civility | null, by: string) => `${attendanceLabel('represente', civility)} par ${by}`;

function minutesPerson(person: PersonRef | null, partners: Partner[], civility: Map<string, Civility | null>): MinutesPerson | null {
  if (!person) return null;
  const partner = partners.find((candidate) => candidate.id === person.partner_id);
  const own = civility.get(person.id) ?? null;
  return {
    name: personName({ name: person.name, civility: own }),
    civility: own,
    function: printedFunction(person.function),
    organisation: partner?.name ?? null,
    represented_by: null,
    represented_label: null,
  };
}

/** Participants by partner (position order), then guests by organisation, then the others (the compte rendu, the convocation, the émargement). */
export function participantGroups(
  participants: ParticipantView[],
  partners: Partner[],
  civility: Map<string, Civility | null>,
): { label: string; people: MinutesPerson[] }[] {
  const groups = new Map<string, { order: string; label: string; people: MinutesPerson[] }>();
  for (const participant of participants) {
    const index = partners.findIndex((partner) => partner.id === participant.partner_id);
    const [key, order, label] =
      index >= 0
        ? [`partner:${partners[index].id}`, `1:${String(index).padStart(4, '0')}`, partners[index].name]
        : participant.organisation
          ? [`organisation:${participant.organisation}`, `2:${sortKey(participant.organisation)}`, participant.organisation]
          : ['other', '3', OTHER_PARTICIPANTS];
    if (!groups.has(key)) groups.set(key, { order, label, people: [] });
    // A guest has no civilité: neutral wording.
    const own = participant.person_id ? (civility.get(participant.person_id) ?? null) : null;
    const representedBy = participant.attendance === 'represente' ? participant.represented_by : null;
    groups.get(key)!.people.push({
      name: personName({ name: participant.name, civility: own }),
      civility: own,
      function: printedFunction(participant.function),
      organisation: participant.organisation,
      represented_by: representedBy,
      represented_label: representedBy ? representedLabel(own, representedBy) : null,
    });
  }
  return [...groups.values()].sort((x, y) => (x.order < y.order ? -1 : 1)).map(({ label, people }) => ({ label, people }));
}

/** « Pour le Département d'Indre-et-Loire », « Pour la Région Centre-Val de Loire », « Pour l'Agglomération… ». */
const forPartner = (name: string) => `Pour ${withArticle(name)}`;

/** How senior a function reads: a président first, then a directeur général des services, then an adjoint. */
function seniority(fn: string | null): number {
  const text = (fn ?? '').toLowerCase();
  if (/présidente?\b/.test(text)) return 0;
  if (/\bdgs\b|directeur général des services|directrice générale des services/.test(text)) return 1;
  if (/\bdga\b|général adjoint|générale adjointe/.test(text)) return 2;
  if (/directeur|directrice/.test(text)) return 3;
  return 4;
}

/** One visa per partner: the meeting's president signs for its own partner, its most senior participant present for each other. */
function visaBlocks(meeting: ReturnType<typeof getMeeting>, partners: Partner[], civility: Map<string, Civility | null>): VisaBlock[] {
  return partners.map((partner) => {
    const president = meeting.president?.partner_id === partner.id ? meeting.president : null;
    const senior = meeting.participants
      .filter((participant) => participant.partner_id === partner.id && participant.attendance === 'present' && participant.person_id)
      .map((participant, index) => ({ participant, index }))
      .sort((x, y) => seniority(x.participant.function) - seniority(y.participant.function) || x.index - y.index)[0]?.participant;
    const signatory: PersonRef | null =
      president ??
      (senior ? { id: senior.person_id!, name: senior.name, function: senior.function, partner_id: partner.id, partner_short_name: partner.short_name } : null);
    return { partner_id: partner.id, heading: forPartner(partner.name), signatory: minutesPerson(signatory, partners, civility) };
  });
}

export function minutesDocument(store: Store, meetingId: string, layout: MinutesLayout): MinutesDocument {
  const meeting = getMeeting(store, meetingId);
  const { partners, printed } = printedPartners(store);
  const civility = civilities(store);
  const typeLabel = meetingTypeLabels(partners)[meeting.type];
  const chantierLabel = (chantier: { number: number; title: string } | null) => (chantier ? `Chantier ${chantier.number} · ${chantier.title}` : null);
  const chantierById = (id: string | null) => {
    if (!id) return null;
    return chantierLabel(cached(store, 'SELECT number, title FROM chantier WHERE id = ?').get(id) as { number: number; title: string } | null);
  };

  let actionNumber = 0;
  const actionOf = (itemNumber: number, actionItem: ActionItemView): MinutesActionItem => ({
    number: ++actionNumber,
    item_number: itemNumber,
    kind: actionItem.kind,
    kind_label: ACTION_ITEM_KIND_LABELS[actionItem.kind],
    title: actionItem.title,
    responsable: personLabel(actionItem.responsable),
    due_date: actionItem.due_date,
    due_date_label: actionItem.due_date ? frenchDate(actionItem.due_date) : null,
    chantier_label: chantierById(actionItem.chantier_id),
    status_label: actionItem.kind === 'suivi' && actionItem.status ? ACTION_STATUS_LABELS[actionItem.status] : null,
    action_id: actionItem.action?.id ?? null,
  });
  const items = meeting.agenda.map((item) => ({
    number: item.number,
    title: item.title,
    presenter: item.presenter,
    chantier_label: chantierLabel(item.chantier),
    action_label: item.action?.title ?? null,
    notes: layout === 'compte_rendu' ? item.notes : null,
    informations: layout === 'compte_rendu' ? item.entries.filter((entry) => entry.kind === 'information').map((entry) => entry.text) : [],
    decisions: item.entries.filter((entry) => entry.number !== null).map((entry) => ({ number: entry.number!, text: entry.text })),
    actions: item.action_items.map((actionItem) => actionOf(item.number, actionItem)),
  }));

  const counts = Object.fromEntries(ATTENDANCES.map((attendance) => [attendance, 0])) as Record<Attendance, number>;
  for (const participant of meeting.participants) counts[participant.attendance]++;
  const sections = ATTENDANCES.filter((attendance) => counts[attendance] > 0).map((attendance) => {
    const listed = meeting.participants.filter((participant) => participant.attendance === attendance);
    // « Excusée (1) » for Mme Anne Leroy alone: one person's heading agrees with her.
    const alone = listed.length === 1 ? attendanceLabel(attendance, listed[0].person_id ? (civility.get(listed[0].person_id) ?? null) : null) : null;
    return {
      attendance,
      label: alone ? alone.charAt(0).toUpperCase() + alone.slice(1) : ATTENDANCE_SECTION_LABELS[attendance],
      count: counts[attendance],
      groups: participantGroups(listed, partners, civility),
    };
  });

  const previousVersion = meeting.versions.find((version) => version.version === meeting.version - 1);
  const previousValidatedOn = previousVersion
    ? (cached(store, 'SELECT validated_on FROM meeting WHERE id = ?').pluck().get(previousVersion.id) as string | null)
    : null;
  const validatedBy = personLabel(meeting.validated_by);
  const tacit = meeting.validation_status === 'valide' && !meeting.validated_by;
  const layoutLabel = MINUTES_LAYOUT_LABELS[layout];

  return {
    layout,
    layout_label: layoutLabel,
    heading: `${layoutLabel} — ${meeting.title}`,
    project_name: getProject(store).name,
    partners: printed,
    organisations: partners.map((partner) => partner.name).join(' – '),
    meeting: {
      id: meeting.id,
      type: meeting.type,
      type_label: typeLabel,
      title: meeting.title,
      date: meeting.date,
      date_label: longFrenchDate(meeting.date),
      start_time: meeting.start_time,
      end_time: meeting.end_time,
      time_label: `de ${frenchTime(meeting.start_time)} à ${frenchTime(meeting.end_time)}`,
      duration_label: frenchDuration(meeting.duration_minutes),
      place: meeting.place,
      chantiers: meeting.chantiers.map((chantier) => ({ number: chantier.number, title: chantier.title, label: chantierLabel(chantier)! })),
    },
    president: minutesPerson(meeting.president, partners, civility),
    secretary: minutesPerson(meeting.secretary, partners, civility),
    secretariat: meeting.secretariat?.name ?? null,
    version: {
      number: meeting.version,
      label:
        meeting.version > 1
          ? `Version ${meeting.version}, modifiant le compte rendu${previousValidatedOn ? ` validé le ${frenchDate(previousValidatedOn)}` : ''}`
          : null,
      amendment_reason: meeting.amendment_reason,
      previous_id: meeting.previous_version_id,
    },
    validation: {
      status: meeting.validation_status,
      status_label: MINUTES_STATUS_LABELS[meeting.validation_status],
      sentence: validationSentence(meeting),
      draft: meeting.validation_status !== 'valide',
      validated_on: meeting.validated_on,
      validated_by: validatedBy,
      tacit,
    },
    attendance: { sections, counts },
    agenda: meeting.agenda.map((item) => ({
      number: item.number,
      title: item.title,
      presenter: item.presenter,
      duration_label: item.duration_minutes ? frenchDuration(item.duration_minutes) : null,
      start_label: frenchTime(item.planned_start),
      chantier_label: chantierLabel(item.chantier),
    })),
    timing: meeting.timing,
    items,
    decisions: items.flatMap((item) => item.decisions.map((decision) => ({ ...decision, item_number: item.number, item_title: item.title }))),
    actions: items.flatMap((item) => item.actions),
    follow_up: {
      previous_label: meeting.follow_up.previous?.title ?? null,
      lines: meeting.follow_up.lines.map((line) => ({
        title: line.title,
        responsable: personLabel(line.responsable),
        due_date_label: line.due_date ? frenchDate(line.due_date) : null,
        status_label: line.pending ? 'Pas encore suivie (compte rendu précédent non validé)' : line.status ? ACTION_STATUS_LABELS[line.status] : 'Sans statut',
        progress_label: line.progress === null ? null : `${line.progress} %`,
        late: line.late,
        comment: line.comment,
      })),
    },
    next_meeting: meeting.next_meeting_date ? { date: meeting.next_meeting_date, label: longFrenchDate(meeting.next_meeting_date) } : null,
    diffusion: meeting.diffusion,
    visas: layout === 'compte_rendu' ? visaBlocks(meeting, partners, civility) : [],
  };
}

function validationSentence(meeting: ReturnType<typeof getMeeting>): string {
  switch (meeting.validation_status) {
    case 'brouillon':
      return 'Projet de compte rendu, non encore envoyé pour validation.';
    case 'envoye':
      return frenchTypography(
        `Projet envoyé pour validation le ${frenchDate(meeting.sent_on!)} ; ` +
          `sans observation d'ici le ${frenchDate(meeting.tacit_validation_on!)}, il sera réputé validé.`,
      );
    case 'valide': {
      const validated = meeting.validated_by
        ? `Validé le ${frenchDate(meeting.validated_on!)} par ${personLabel(meeting.validated_by)}.`
        : `Validé tacitement le ${frenchDate(meeting.validated_on!)}, sans observation dans le délai de ${meeting.silence_days} jours suivant son envoi${meeting.sent_on ? ` le ${frenchDate(meeting.sent_on)}` : ''}.`;
      return meeting.validation_unseen.length > 0
        ? frenchTypography(
            `${validated} Des modifications faites sur un ordinateur qui n'avait pas encore reçu la validation n'ont pas été validées : à vérifier.`,
          )
        : validated;
    }
  }
}
