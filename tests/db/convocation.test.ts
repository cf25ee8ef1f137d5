import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { attach } from '../../db/attachments/store';
import { attendanceSheetDocument, convocationDocument, convocationEmail, convocationText } from '../../db/meetings/convocation';
import { validationEmail } from '../../db/meetings/validation-email';
import { amendMinutes, sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { buildEml, encodedWords, extendedParameter, quotedPrintable } from '../../db/meetings/eml';
import { addAgendaItem, addParticipant, createMeeting } from '../../db/meetings/writes';
import { createPerson, updatePerson } from '../../db/people/writes';
import type { Store } from '../../db/store/store';
import { newReplica, tempDir } from './helpers';
import { parseEmlWithPython } from './python-email';

const NB = '\u00a0';

/** A CODIRI at 14 h 30 for 2 h 30: people of both Départements (some without address), a guest of the Région, another without organisation, three points, two documents. */
function prepare(store: Store) {
  const me = store.personId!;
  updatePerson(store, me, { email: 'claire.martin@departement37.fr' });
  const person = (name: string, fonction: string, partner: 'd37' | 'd41', email: string | null) =>
    createPerson(store, { name, function: fonction, partner_id: partner, email });
  const anne = person('Anne Leroy', 'Directrice générale des services', 'd37', 'anne.leroy@departement37.fr');
  const paul = person('Paul Bernard', 'DGA solidarités', 'd37', 'pas une adresse');
  const emilie = person('Émilie Durand', 'Directrice générale des services', 'd41', 'emilie.durand@departement41.fr');
  const marc = person('Marc Petit', 'DGA ressources', 'd41', null);
  updatePerson(store, anne, { civility: 'mme' });
  updatePerson(store, paul, { civility: 'm' });
  const meetingId = createMeeting(store, {
    type: 'codiri',
    date: '2027-03-15',
    start_time: '14:30',
    duration_minutes: 150,
    place: 'Hôtel du Département, Tours',
    chantier_ids: ['c4'],
    president_id: anne,
    secretariat_partner_id: 'd37',
  });
  addParticipant(store, meetingId, { person_id: emilie });
  addParticipant(store, meetingId, { person_id: marc, attendance: 'excuse' });
  addParticipant(store, meetingId, { name: 'Hugo Moreau', function: 'Consultant' });
  addParticipant(store, meetingId, { person_id: anne });
  addParticipant(store, meetingId, { name: 'Sophie Laurent', function: 'Directrice', organisation: 'Région Centre-Val de Loire' });
  addParticipant(store, meetingId, { person_id: paul, attendance: 'represente', represented_by: 'Hélène Garnier' });
  addParticipant(store, meetingId, { person_id: me });
  addAgendaItem(store, meetingId, { title: 'Point d’étape du chantier RH', presenter: 'Émilie Durand', duration_minutes: 60, chantier_id: 'c4' });
  addAgendaItem(store, meetingId, { title: 'Gouvernance d’Approlys', presenter: 'Anne Leroy', duration_minutes: 45 });
  addAgendaItem(store, meetingId, { title: 'Questions diverses : budget ; « mutualisation » ?' });
  attach(store, meetingId, 'Note de cadrage RH.pdf', Buffer.from('%PDF-1.4 note'));
  attach(store, meetingId, 'Tableau de bord des chantiers.xlsx', Buffer.from('xlsx'));
  return { meetingId, me, anne, marc };
}

describe('la convocation', () => {
  test('date en toutes lettres, heure « 14 h 30 », durée, participants par organisation, ordre du jour, documents à lire', () => {
    const store = newReplica();
    const { meetingId } = prepare(store);
    const document = convocationDocument(store, meetingId);
    expect(document).toMatchObject({
      heading: 'Convocation — CODIRI du 15 mars 2027',
      project_name: 'Coopération Indre-et-Loire – Loir-et-Cher',
      meeting: {
        type_label: 'CODIRI',
        title: 'CODIRI du 15 mars 2027',
        date_label: 'lundi 15 mars 2027',
        time_label: `14${NB}h${NB}30`,
        end_time_label: `17${NB}h`,
        duration_label: `2${NB}h${NB}30`,
        place: 'Hôtel du Département, Tours',
        chantiers: ['Chantier 4 · Les ressources humaines'],
      },
      president: `Mme${NB}Anne Leroy, directrice générale des services (Département d'Indre-et-Loire)`,
      secretariat: "Département d'Indre-et-Loire",
      invitation: `Nous vous prions de bien vouloir assister à la réunion du comité de direction interdépartemental (CODIRI) qui se tiendra le lundi${NB}15${NB}mars${NB}2027 à 14${NB}h${NB}30, Hôtel du Département, Tours.`,
    });
    expect(document.partners.map((partner) => partner.name)).toEqual(["Département d'Indre-et-Loire", 'Département de Loir-et-Cher']);
    // Everyone inscribed is convened, the excusé too: partners in position order, then guests by organisation, then the others; by name inside.
    expect(document.convened.count).toBe(7);
    expect(document.convened.groups.map((group) => [group.label, group.people.map((person) => person.name)])).toEqual([
      ["Département d'Indre-et-Loire", [`Mme${NB}Anne Leroy`, 'Claire Martin', `M.${NB}Paul Bernard`]],
      ['Département de Loir-et-Cher', ['Émilie Durand', 'Marc Petit']],
      ['Région Centre-Val de Loire', ['Sophie Laurent']],
      ['Autres participants', ['Hugo Moreau']],
    ]);
    expect(document.convened.groups[0].people[2]).toEqual({
      name: `M.${NB}Paul Bernard`,
      function: 'DGA solidarités',
      represented_by: 'Hélène Garnier',
      represented_label: 'représenté par Hélène Garnier',
    });
    // Each point starts when the one before ends; a point without duration says none.
    expect(document.agenda).toEqual([
      {
        number: 1,
        title: 'Point d’étape du chantier RH',
        presenter: 'Émilie Durand',
        start_label: `14${NB}h${NB}30`,
        duration_label: `1${NB}h`,
        chantier_label: 'Chantier 4 · Les ressources humaines',
      },
      {
        number: 2,
        title: 'Gouvernance d’Approlys',
        presenter: 'Anne Leroy',
        start_label: `15${NB}h${NB}30`,
        duration_label: `45${NB}min`,
        chantier_label: null,
      },
      {
        number: 3,
        title: 'Questions diverses : budget ; « mutualisation » ?',
        presenter: null,
        start_label: `16${NB}h${NB}15`,
        duration_label: null,
        chantier_label: null,
      },
    ]);
    expect([...document.documents].sort()).toEqual(['Note de cadrage RH.pdf', 'Tableau de bord des chantiers.xlsx']);
    // The courriel's recipients; the others named, with their Département or organisation (an address that is none counts as missing).
    expect(document.recipients).toEqual([
      { name: 'Anne Leroy', email: 'anne.leroy@departement37.fr' },
      { name: 'Claire Martin', email: 'claire.martin@departement37.fr' },
      { name: 'Émilie Durand', email: 'emilie.durand@departement41.fr' },
    ]);
    expect(document.without_email).toEqual([
      'Hugo Moreau',
      'Marc Petit (Loir-et-Cher)',
      'Paul Bernard (Indre-et-Loire)',
      'Sophie Laurent (Région Centre-Val de Loire)',
    ]);
  });

  test('le 1er du mois, un atelier à son propre titre, sans lieu ni participant', () => {
    const store = newReplica();
    const atelier = createMeeting(store, { type: 'atelier', title: 'Atelier achats', date: '2027-04-01', start_time: '09:00', duration_minutes: 45 });
    const document = convocationDocument(store, atelier);
    expect(document.meeting).toMatchObject({
      date_label: 'jeudi 1er avril 2027',
      time_label: `9${NB}h`,
      duration_label: `45${NB}min`,
      end_time_label: `9${NB}h${NB}45`,
    });
    expect(document.invitation).toBe(
      `Nous vous prions de bien vouloir assister à l'atelier interdépartemental «${NB}Atelier achats${NB}» qui se tiendra le jeudi${NB}1er${NB}avril${NB}2027 à 9${NB}h.`,
    );
    expect(document.convened).toEqual({ count: 0, groups: [] });
    expect(document.agenda).toEqual([]);
    expect(document.documents).toEqual([]);
    expect(convocationText(document, null)).toContain(`Lieu${NB}: à préciser`);
  });

  test('le texte du courriel : date, heure, lieu, ordre du jour avec présentateurs et durées, documents, signature', () => {
    const store = newReplica();
    const { meetingId } = prepare(store);
    const text = convocationText(convocationDocument(store, meetingId), {
      name: 'Claire Martin',
      function: 'Cheffe de projet',
      organisation: "Département d'Indre-et-Loire",
    });
    expect(text).toContain(`Date${NB}: lundi 15 mars 2027\n`);
    expect(text).toContain(`Heure${NB}: 14${NB}h${NB}30 (durée${NB}: 2${NB}h${NB}30, fin prévue à 17${NB}h)\n`);
    expect(text).toContain(`Lieu${NB}: Hôtel du Département, Tours\n`);
    expect(text).toContain(
      [
        `Ordre du jour${NB}:`,
        `1. Point d’étape du chantier RH — présenté par Émilie Durand, 1${NB}h`,
        `2. Gouvernance d’Approlys — présenté par Anne Leroy, 45${NB}min`,
        `3. Questions diverses${NB}: budget\u202f; «${NB}mutualisation${NB}»\u202f?`,
      ].join('\n'),
    );
    expect(text).toMatch(new RegExp(`Documents à lire${NB}:\\n- (Note de cadrage RH\\.pdf|Tableau de bord des chantiers\\.xlsx)\\n- `));
    expect(text).toMatch(/Cordialement,\n\nClaire Martin\nCheffe de projet\nDépartement d'Indre-et-Loire\n$/);
    // No colon, semicolon, exclamation or question mark without its no-break space.
    expect(text).not.toMatch(/[^\u00a0\u202f\n][:;!?]/);
  });
});

describe("la feuille d'émargement", () => {
  test('une ligne par participant attendu (les excusés en moins), par organisation, puis cinq lignes vierges', () => {
    const store = newReplica();
    const { meetingId } = prepare(store);
    const sheet = attendanceSheetDocument(store, meetingId);
    expect(sheet).toMatchObject({
      heading: "Feuille d'émargement — CODIRI du 15 mars 2027",
      meeting: {
        title: 'CODIRI du 15 mars 2027',
        date_label: 'lundi 15 mars 2027',
        time_label: `de 14${NB}h${NB}30 à 17${NB}h`,
        place: 'Hôtel du Département, Tours',
      },
      count: 6,
      // Convened, with no line: named, so that the sheet and the convocation add up.
      excused: ['Marc Petit'],
      blank_lines: 5,
    });
    expect(sheet.groups.map((group) => [group.label, group.people.map((person) => [person.name, person.function, person.represented_by])])).toEqual([
      [
        "Département d'Indre-et-Loire",
        [
          [`Mme${NB}Anne Leroy`, 'directrice générale des services', null],
          ['Claire Martin', 'cheffe de projet', null],
          [`M.${NB}Paul Bernard`, 'DGA solidarités', 'Hélène Garnier'],
        ],
      ],
      ['Département de Loir-et-Cher', [['Émilie Durand', 'directrice générale des services', null]]],
      ['Région Centre-Val de Loire', [['Sophie Laurent', 'directrice', null]]],
      ['Autres participants', [['Hugo Moreau', 'consultant', null]]],
    ]);
  });
});

describe('le courriel (.eml)', () => {
  test('relu par le paquet email de Python : multipart, destinataires, objet accentué, texte, PDF joint identique', () => {
    const store = newReplica();
    const { meetingId } = prepare(store);
    // A PDF-like file large enough for many base64 lines, every byte value in it.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 5000 }, (_, index) => (index * 7) % 256))]);
    const { eml } = convocationEmail(store, meetingId, pdf, new Date('2027-03-01T09:05:00Z'));
    const file = join(tempDir(), 'convocation.eml');
    writeFileSync(file, eml);
    const parsed = parseEmlWithPython(file);
    expect(parsed.defects).toEqual([]);
    expect(parsed.multipart).toBe(true);
    expect(parsed.content_type).toBe('multipart/mixed');
    expect(parsed.mime_version).toBe('1.0');
    expect(parsed.unsent).toBe('1');
    expect(parsed.from).toEqual([['Claire Martin', 'claire.martin@departement37.fr']]);
    expect(parsed.to).toEqual([
      ['Anne Leroy', 'anne.leroy@departement37.fr'],
      ['Claire Martin', 'claire.martin@departement37.fr'],
      ['Émilie Durand', 'emilie.durand@departement41.fr'],
    ]);
    expect(parsed.subject).toBe('Convocation – CODIRI du 15 mars 2027');
    expect(parsed.raw_subject).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=( =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=)*$/);
    expect(new Date(parsed.date).toISOString()).toBe('2027-03-01T09:05:00.000Z');
    expect(parsed.text_type).toBe('text/plain');
    expect(parsed.text_charset).toBe('utf-8');
    expect(parsed.text).toContain(`Heure${NB}: 14${NB}h${NB}30 (durée${NB}: 2${NB}h${NB}30, fin prévue à 17${NB}h)`);
    expect(parsed.text).toContain(`1. Point d’étape du chantier RH — présenté par Émilie Durand, 1${NB}h`);
    expect(parsed.text.replace(/\r\n/g, '\n')).toBe(
      convocationText(convocationDocument(store, meetingId), {
        name: 'Claire Martin',
        function: 'Cheffe de projet',
        organisation: "Département d'Indre-et-Loire",
      }),
    );
    expect(parsed.attachments).toHaveLength(1);
    const [attachment] = parsed.attachments;
    expect(attachment.content_type).toBe('application/pdf');
    expect(attachment.filename).toBe('Convocation - CODIRI du 15 mars 2027.pdf');
    expect(attachment.content_type_name).toBe('Convocation - CODIRI du 15 mars 2027.pdf');
    expect(Buffer.from(attachment.base64, 'base64').equals(pdf)).toBe(true);
    // Lines of the file: CRLF only, 78 characters at most (RFC 5322), base64 in lines of 76.
    expect(parsed.bare_lf).toBe(0);
    expect(parsed.longest_line).toBeLessThanOrEqual(78);
  });

  test('noms longs et accentués : objet en plusieurs mots encodés, pièce jointe en continuations RFC 2231, texte quoted-printable', () => {
    const title = 'Comité de pilotage « Mobilités croisées » : préparation du séminaire d’été à Blois, élus et directeurs généraux';
    const text = `${'Très longue ligne accentuée — '.repeat(12)}\nFin.  \n=égal=\n`;
    const bytes = createHash('sha256').update('x').digest();
    const eml = buildEml({
      from: null,
      to: [
        { name: 'Dupont, Jean (DGA)', email: 'jean.dupont@example.fr' },
        { name: null, email: 'secretariat@example.fr' },
      ],
      cc: [{ name: 'Hélène Garnier', email: 'helene.garnier@example.fr' }],
      subject: `Convocation – ${title}`,
      text,
      attachments: [{ filename: `Convocation - ${title}.pdf`, content_type: 'application/pdf', bytes }],
    });
    const file = join(tempDir(), 'long.eml');
    writeFileSync(file, eml);
    const parsed = parseEmlWithPython(file);
    expect(parsed.defects).toEqual([]);
    expect(parsed.subject).toBe(`Convocation – ${title}`);
    expect(parsed.to).toEqual([
      ['Dupont, Jean (DGA)', 'jean.dupont@example.fr'],
      ['', 'secretariat@example.fr'],
    ]);
    expect(parsed.from).toEqual([]);
    expect(parsed.text.replace(/\r\n/g, '\n')).toBe(text);
    expect(parsed.attachments[0].filename).toBe(`Convocation - ${title}.pdf`);
    expect(parsed.attachments[0].content_type_name).toBe(`Convocation - ${title}.pdf`);
    expect(Buffer.from(parsed.attachments[0].base64, 'base64').equals(bytes)).toBe(true);
    expect(parsed.longest_line).toBeLessThanOrEqual(78);
    expect(eml.toString('latin1')).toContain('\r\nCc: =?UTF-8?B?');
  });

  test('les encodages pièce par pièce', () => {
    // Encoded words of 75 characters at most, cut between characters.
    const words = encodedWords('é'.repeat(40));
    expect(words.every((word) => word.length <= 75)).toBe(true);
    expect(words.map((word) => Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).join('')).toBe('é'.repeat(40));
    // Quoted-printable: « = », accents and a trailing space encoded; soft breaks keep lines to 76.
    expect(quotedPrintable('a=b é \nx')).toBe('a=3Db =C3=A9=20\r\nx');
    const long = quotedPrintable('é'.repeat(50));
    expect(long.split('\r\n').every((line) => line.length <= 76)).toBe(true);
    expect(
      long
        .split('\r\n')
        .slice(0, -1)
        .every((line) => line.endsWith('=') && !/=[0-9A-F]?=$/.test(line)),
    ).toBe(true);
    // RFC 2231: short as one value, long in continuations never splitting a %XX.
    expect(extendedParameter('filename', 'Réunion.pdf')).toBe("filename*=UTF-8''R%C3%A9union.pdf");
    const continued = extendedParameter('filename', 'é'.repeat(30));
    expect(continued).toMatch(/^filename\*0\*=UTF-8''(%C3%A9)+;\r\n filename\*1\*=(%C3%A9)+/);
  });
});

describe('le courriel de validation (.eml)', () => {
  test('adressé aux participants du partenaire qui valide, le compte rendu en PDF joint ; ceux sans adresse nommés ; une version modificative le dit', () => {
    const store = newReplica();
    const { meetingId, marc } = prepare(store);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 7)]);
    const { eml, recipients, without_email } = validationEmail(store, meetingId, pdf, new Date('2027-03-16T08:00:00Z'));
    // The secretariat is Indre-et-Loire's: Loir-et-Cher validates.
    expect(recipients).toEqual(['Émilie Durand <emilie.durand@departement41.fr>']);
    expect(without_email.every((name) => name.endsWith('(Loir-et-Cher)'))).toBe(true);
    const file = join(tempDir(), 'validation.eml');
    writeFileSync(file, eml);
    const parsed = parseEmlWithPython(file);
    expect(parsed.defects).toEqual([]);
    expect(parsed.subject).toBe('Compte rendu à valider – CODIRI du 15 mars 2027');
    expect(parsed.to).toEqual([['Émilie Durand', 'emilie.durand@departement41.fr']]);
    expect(parsed.text).toContain('le projet de compte rendu de la réunion «\u00a0CODIRI du 15 mars 2027\u00a0», pour validation');
    expect(parsed.text).toContain('il sera réputé validé');
    expect(parsed.attachments.map((attachment) => attachment.filename)).toEqual(['Compte rendu - CODIRI du 15 mars 2027 (projet).pdf']);
    expect(Buffer.from(parsed.attachments[0].base64, 'base64').equals(pdf)).toBe(true);

    // A version modificative says so, and why, in its subject, its text and its PDF's name.
    sendForValidation(store, meetingId, '2027-03-16');
    validateMinutes(store, meetingId, { validatedBy: marc, day: '2027-03-20' });
    const amended = amendMinutes(store, meetingId, 'Erreur sur le lieu du séminaire');
    const second = join(tempDir(), 'validation-v2.eml');
    writeFileSync(second, validationEmail(store, amended, pdf, new Date('2027-03-22T08:00:00Z')).eml);
    const v2 = parseEmlWithPython(second);
    expect(v2.subject).toBe('Compte rendu modifié (version 2) à valider – CODIRI du 15 mars 2027');
    expect(v2.text).toContain(
      'la version 2 du compte rendu de la réunion «\u00a0CODIRI du 15 mars 2027\u00a0», pour validation. Elle modifie le compte rendu déjà validé\u00a0: Erreur sur le lieu du séminaire.',
    );
    expect(v2.attachments.map((attachment) => attachment.filename)).toEqual(['Compte rendu - CODIRI du 15 mars 2027 (version 2, projet).pdf']);
  });
});
