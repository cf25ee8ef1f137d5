// Before the meeting: the convocation (one A4 page, and the courriel that carries it as a
// PDF) and the feuille d'émargement, each as one plain object the printing code lays out.
// French typography is written here: non-breaking spaces before « : ; ! ? », inside
// guillemets and inside times (« 14 h 30 »).
import { frenchDuration, frenchTime, frenchTypography, longFrenchDate } from '../../common/french';
import { allDepartements, codiriName, meetingTypeLabels } from '../../common/partners';
import { personName, pistesToArbitrateHeading, type Civility, type MeetingType } from '../../common/vocabulary';
import { listAttachments } from '../attachments/store';
import { getProject } from '../project/reads';
import { safeFileName } from '../files';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import type { Partner } from '../people/types';
import { civilities, participantGroups, printedFunction, printedPartners } from './document';
import { getMeeting } from './reads';
import { pistesOnAgenda } from '../pistes/reads';
import type { AttendanceSheetDocument, ConvenedGroup, ConvocationDocument } from './document-types';
import { buildEml, isMailAddress, type MailAddress } from './eml';
import type { MeetingDetail, ParticipantView } from './types';

export const NBSP = '\u00a0';

/** « 14 h 30 », « 2 h 30 » kept on one line. */
const unbroken = (text: string) => text.replace(/ /g, NBSP);

/** « Atelier achats », with the no-break spaces French puts inside guillemets. */
const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;

/** Lines left blank on the feuille d'émargement for people who were not inscribed. */
export const BLANK_SIGNATURE_LINES = 5;

/** How the opening sentence names the meeting: « interdépartemental » between Départements only. */
function meetingName(type: MeetingType, partners: Partner[]): string {
  const between = allDepartements(partners);
  const names: Record<MeetingType, string> = {
    codiri: `à la réunion du ${codiriName(partners)} (CODIRI)`,
    comite_pilotage: 'à la réunion du comité de pilotage',
    atelier: between ? "à l'atelier interdépartemental" : "à l'atelier de coopération",
    reunion_travail: 'à la réunion de travail',
  };
  return names[type];
}

/** The convened, grouped as on the compte rendu: each person as the convocation and the émargement print them. */
function groupsOf(participants: ParticipantView[], partners: Partner[], civility: Map<string, Civility | null>): ConvenedGroup[] {
  return participantGroups(participants, partners, civility).map(({ label, people }) => ({
    label,
    people: people.map(({ name, function: role, represented_by, represented_label }) => ({ name, function: role, represented_by, represented_label })),
  }));
}

/** « Marc Petit (Loir-et-Cher) », « Sophie Laurent (Région Centre-Val de Loire) ». */
function participantLabel(participant: ParticipantView, partners: Partner[]): string {
  const partner = partners.find((candidate) => candidate.id === participant.partner_id);
  const where = partner?.short_name ?? participant.organisation;
  return where ? `${participant.name} (${where})` : participant.name;
}

const emailOf = (store: Store, personId: string | null) =>
  personId ? ((cached(store, 'SELECT email FROM person WHERE id = ?').pluck().get(personId) as string | null | undefined) ?? null) : null;

function presidentLabel(meeting: MeetingDetail, partners: Partner[], civility: Map<string, Civility | null>): string | null {
  const president = meeting.president;
  if (!president) return null;
  const partner = partners.find((candidate) => candidate.id === president.partner_id);
  const name = personName({ name: president.name, civility: civility.get(president.id) ?? null });
  return `${[name, printedFunction(president.function)].filter(Boolean).join(', ')}${partner ? ` (${partner.name})` : ''}`;
}

export function convocationDocument(store: Store, meetingId: string): ConvocationDocument {
  const meeting = getMeeting(store, meetingId);
  const { partners, printed } = printedPartners(store);
  const civility = civilities(store);
  const time = unbroken(frenchTime(meeting.start_time));
  const date = longFrenchDate(meeting.date);
  const recipients: { name: string; email: string }[] = [];
  const withoutEmail: string[] = [];
  for (const participant of meeting.participants) {
    const email = emailOf(store, participant.person_id)?.trim() ?? null;
    if (email && isMailAddress(email)) {
      if (!recipients.some((recipient) => recipient.email.toLowerCase() === email.toLowerCase())) recipients.push({ name: participant.name, email });
    } else {
      withoutEmail.push(participantLabel(participant, partners));
    }
  }
  const chantierLabel = (chantier: { number: number; title: string }) => `Chantier ${chantier.number} · ${chantier.title}`;
  return {
    heading: `Convocation — ${meeting.title}`,
    project_name: getProject(store).name,
    partners: printed,
    meeting: {
      id: meeting.id,
      type: meeting.type,
      type_label: meetingTypeLabels(partners)[meeting.type],
      title: meeting.title,
      date: meeting.date,
      date_label: date,
      time_label: time,
      end_time_label: unbroken(frenchTime(meeting.end_time)),
      duration_label: unbroken(frenchDuration(meeting.duration_minutes)),
      place: meeting.place,
      chantiers: meeting.chantiers.map(chantierLabel),
    },
    president: presidentLabel(meeting, partners, civility),
    secretariat: meeting.secretariat?.name ?? null,
    invitation:
      `Nous vous prions de bien vouloir assister ${meetingName(meeting.type, partners)}${meeting.own_title ? ` ${quoted(meeting.own_title)}` : ''} ` +
      `qui se tiendra le ${unbroken(date)} à ${time}${meeting.place ? `, ${meeting.place}` : ''}.`,
    absence_note: `En cas d'empêchement, merci d'en informer le secrétariat${meeting.secretariat ? ` (${meeting.secretariat.name})` : ''} et d'indiquer, le cas échéant, qui vous représentera.`,
    convened: { count: meeting.participants.length, groups: groupsOf(meeting.participants, partners, civility) },
    agenda: meeting.agenda.map((item) => ({
      number: item.number,
      title: item.title,
      presenter: item.presenter,
      start_label: unbroken(frenchTime(item.planned_start)),
      duration_label: item.duration_minutes ? unbroken(frenchDuration(item.duration_minutes)) : null,
      chantier_label: item.chantier ? chantierLabel(item.chantier) : null,
    })),
    pistes: pistesOnAgenda(store, meetingId)
      .filter((piste) => !piste.decided_here)
      .map((piste) => ({ reference: piste.reference, title: piste.title, proposed_by: piste.proposed_by.short_name })),
    documents: listAttachments(store, meetingId).map((attachment) => attachment.name),
    recipients,
    without_email: withoutEmail,
  };
}

export function attendanceSheetDocument(store: Store, meetingId: string): AttendanceSheetDocument {
  const meeting = getMeeting(store, meetingId);
  const { partners, printed } = printedPartners(store);
  // The excusés said they will not come: no line to sign.
  const expected = meeting.participants.filter((participant) => participant.attendance !== 'excuse');
  const civility = civilities(store);
  return {
    heading: `Feuille d'émargement — ${meeting.title}`,
    project_name: getProject(store).name,
    partners: printed,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      type_label: meetingTypeLabels(partners)[meeting.type],
      date_label: longFrenchDate(meeting.date),
      time_label: `de ${unbroken(frenchTime(meeting.start_time))} à ${unbroken(frenchTime(meeting.end_time))}`,
      place: meeting.place,
    },
    groups: groupsOf(expected, partners, civility),
    count: expected.length,
    // Named, so that the sheet and the convocation's list add up.
    excused: meeting.participants
      .filter((participant) => participant.attendance === 'excuse')
      .map((participant) => personName({ name: participant.name, civility: participant.person_id ? (civility.get(participant.person_id) ?? null) : null })),
    blank_lines: BLANK_SIGNATURE_LINES,
  };
}

/** The courriel's text: what, when, where, the ordre du jour, the documents; signed by this poste's user. */
export function convocationText(document: ConvocationDocument, sender: { name: string; function: string | null; organisation: string | null } | null): string {
  const { meeting } = document;
  const colon = `${NBSP}:`;
  const lines = [
    'Bonjour,',
    '',
    document.invitation,
    '',
    `Date${colon} ${meeting.date_label}`,
    `Heure${colon} ${meeting.time_label} (durée${colon} ${meeting.duration_label}, fin prévue à ${meeting.end_time_label})`,
    `Lieu${colon} ${meeting.place ?? 'à préciser'}`,
    ...(document.president ? [`Présidence${colon} ${document.president}`] : []),
    '',
    `Ordre du jour${colon}`,
    ...(document.agenda.length === 0
      ? ['(à venir)']
      : document.agenda.map((item) => {
          const details = [item.presenter && `présenté par ${item.presenter}`, item.duration_label].filter(Boolean).join(', ');
          return `${item.number}. ${item.title}${details ? ` — ${details}` : ''}`;
        })),
    ...(document.pistes.length > 0
      ? [
          '',
          `${pistesToArbitrateHeading(document.pistes.length)}${colon}`,
          ...document.pistes.map((piste) => `- ${piste.reference} ${quoted(piste.title)} (${piste.proposed_by})`),
        ]
      : []),
    ...(document.documents.length > 0 ? ['', `Documents à lire${colon}`, ...document.documents.map((name) => `- ${name}`)] : []),
    '',
    'Vous trouverez la convocation en pièce jointe.',
    document.absence_note,
    '',
    'Cordialement,',
    ...(sender ? ['', sender.name, ...(sender.function ? [sender.function] : []), ...(sender.organisation ? [sender.organisation] : [])] : []),
  ];
  // What people typed (titles, places) in French typography too, as in every document.
  return `${frenchTypography(lines.join('\n'))}\n`;
}

/** « Convocation – CODIRI du 15 mars 2027 »: the courriel's subject. */
export const convocationSubject = (document: ConvocationDocument) => `Convocation – ${document.meeting.title}`;

/** « Convocation - CODIRI du 15 mars 2027 »: the PDF's and the .eml's name, before its extension, without the characters Windows refuses. */
export const convocationFileName = (document: ConvocationDocument) => safeFileName(`Convocation - ${document.meeting.title}`);

export interface ConvocationEmail {
  /** The .eml file's bytes. */
  eml: Buffer;
  document: ConvocationDocument;
}

/** The person using this laptop, who signs the courriels, and their address if it is one (else the draft has no sender). */
export function sender(store: Store): { me: Signatory | undefined; from: MailAddress | null } {
  const me = store.personId
    ? (cached(
        store,
        'SELECT pe.name, pe.function, pe.email, pa.name AS organisation FROM person pe LEFT JOIN partner pa ON pa.id = pe.partner_id WHERE pe.id = ?',
      ).get(store.personId) as Signatory | undefined)
    : undefined;
  return { me, from: me?.email && isMailAddress(me.email.trim()) ? { name: me.name, email: me.email.trim() } : null };
}

interface Signatory {
  name: string;
  function: string | null;
  email: string | null;
  organisation: string | null;
}

/**
 * The courriel of the convocation, as an .eml draft: to every convened person with an
 * address, the text, and the convocation's PDF (printed by the caller) attached.
 */
export function convocationEmail(store: Store, meetingId: string, pdf: Buffer, date = new Date()): ConvocationEmail {
  const document = convocationDocument(store, meetingId);
  const { me, from } = sender(store);
  const eml = buildEml({
    from,
    to: document.recipients,
    subject: convocationSubject(document),
    text: convocationText(document, me ?? null),
    attachments: [{ filename: `${convocationFileName(document)}.pdf`, content_type: 'application/pdf', bytes: pdf }],
    date,
  });
  return { eml, document };
}
