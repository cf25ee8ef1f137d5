// « Préparer le courriel » of « Soumettre à la validation »: Entente sends nothing by itself;
// it prepares an .eml draft (Outlook, Thunderbird) with the compte rendu as a PDF, addressed
// to the participants of the partners who validate (all but the one holding the secretariat).
import { frenchDate, frenchTypography } from '../../common/french';
import { safeFileName } from '../files';
import { cached } from '../store/statements';
import type { Store } from '../store/store';
import { NBSP, sender } from './convocation';
import { buildEml, isMailAddress, type MailAddress } from './eml';
import { getMeeting } from './reads';

export interface ValidationEmail {
  eml: Buffer;
  /** « Anne Leroy <anne.leroy@…> ». */
  recipients: string[];
  /** « Marc Petit (Loir-et-Cher) »: who should get it and has no address. */
  without_email: string[];
}

/** « Compte rendu - CODIRI du 15 mars 2027 (version 2, projet) »: the attached PDF's name, as the app saves it, without what Windows refuses. */
const pdfName = (title: string, version: number) => safeFileName(`Compte rendu - ${title} (${version > 1 ? `version ${version}, ` : ''}projet)`);

export function validationEmail(store: Store, meetingId: string, pdf: Buffer, date = new Date()): ValidationEmail {
  const meeting = getMeeting(store, meetingId);
  const participants = cached(
    store,
    `SELECT pe.name, pe.email, pa.id AS partner_id, pa.short_name AS partner_name
     FROM participant p JOIN person pe ON pe.id = p.person_id LEFT JOIN partner pa ON pa.id = pe.partner_id
     WHERE p.meeting_id = ? AND p.deleted = 0 ORDER BY pa.position, pe.name`,
  ).all(meetingId) as { name: string; email: string | null; partner_id: string | null; partner_name: string | null }[];
  const validators = participants.filter((participant) => participant.partner_id !== meeting.secretariat?.id);
  const to: MailAddress[] = [];
  const without: string[] = [];
  for (const person of validators) {
    const email = person.email?.trim();
    if (email && isMailAddress(email)) {
      if (!to.some((known) => known.email.toLowerCase() === email.toLowerCase())) to.push({ name: person.name, email });
    } else without.push(`${person.name}${person.partner_name ? ` (${person.partner_name})` : ''}`);
  }
  const { me, from } = sender(store);
  const colon = `${NBSP}:`;
  const silence = meeting.tacit_validation_on
    ? `Sans réponse d'ici le ${frenchDate(meeting.tacit_validation_on)}, il sera réputé validé.`
    : `Sans réponse dans les ${meeting.silence_days} jours qui suivent son envoi, il sera réputé validé.`;
  // A version modificative says so, and why: its readers validated the one before.
  const amended = meeting.version > 1;
  // « CODIRI du 15 mars 2027 » names its day already; « Séminaire RH » does not.
  const named = `« ${meeting.title} »${meeting.title.includes(frenchDate(meeting.date)) ? '' : ` du ${frenchDate(meeting.date)}`}`;
  const text = frenchTypography(
    [
      'Bonjour,',
      '',
      amended
        ? `Vous trouverez ci-joint la version ${meeting.version} du compte rendu de la réunion ${named}, pour validation. Elle modifie le compte rendu déjà validé${meeting.amendment_reason ? `${colon} ${meeting.amendment_reason}` : ''}.`
        : `Vous trouverez ci-joint le projet de compte rendu de la réunion ${named}, pour validation.`,
      silence,
      '',
      `Pour le valider ou demander une correction${colon} dans Entente, Réunions, « ${meeting.title} », section Validation.`,
      '',
      'Cordialement,',
      ...(me ? ['', me.name] : []),
    ].join('\n'),
  );
  const eml = buildEml({
    from,
    to,
    subject: `${amended ? `Compte rendu modifié (version ${meeting.version})` : 'Compte rendu'} à valider – ${meeting.title}`,
    text: `${text}\n`,
    attachments: [{ filename: `${pdfName(meeting.title, meeting.version)}.pdf`, content_type: 'application/pdf', bytes: pdf }],
    date,
  });
  return { eml, recipients: to.map((recipient) => `${recipient.name} <${recipient.email}>`), without_email: without };
}
