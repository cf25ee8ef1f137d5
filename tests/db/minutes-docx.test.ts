// The compte rendu and the relevé de décisions exported to Word, read back by an independent
// reader (python-docx, tests/db/docx-reader.ts): real headings, the meeting's facts, the
// participants by attendance, numbered décisions, the tables, French typography, page numbers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { frenchTypography } from '../../common/french';
import { minutesDocx } from '../../db/meetings/docx';
import { addActionItem, addAgendaItem, addEntry, addParticipant, createMeeting, setFollowUpComment, updateAgendaItem } from '../../db/meetings/writes';
import { sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { getMeeting } from '../../db/meetings/reads';
import { updateAction } from '../../db/actions/writes';
import { updatePerson } from '../../db/people/writes';
import { setPartnerLogo } from '../../db/people/logos';
import type { MinutesLayout } from '../../common/vocabulary';
import type { CooperationInput } from '../../db/project/new-project';
import type { Store } from '../../db/store/store';
import { cast, codiri } from './meeting-fixtures';
import { ELISE, newCooperation, newReplica, tempDir } from './helpers';
import { readDocx } from './docx-reader';
import { pngImage } from './images';

const NBSP = '\u00a0';
const NARROW = '\u202f';

async function exported(store: Store, meetingId: string, layout: MinutesLayout) {
  const bytes = await minutesDocx(store, meetingId, layout);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const file = join(tempDir(), `${layout}.docx`);
  writeFileSync(file, bytes);
  return readDocx(file);
}

/** A CODIRI validated by Loir-et-Cher, following up the previous one, with a third décision full of punctuation. */
function validatedCodiri(store: Store) {
  const people = cast(store);
  updatePerson(store, people.anne, { civility: 'mme' });
  updatePerson(store, people.emilie, { civility: 'mme' });
  updatePerson(store, people.marc, { civility: 'm' });
  const previous = createMeeting(store, { type: 'codiri', date: '2026-09-14', start_time: '14:00', duration_minutes: 120, secretariat_partner_id: 'd41' });
  const previousItem = addAgendaItem(store, previous, { title: 'Chantier RH', chantier_id: 'c4' });
  const besoins = addActionItem(
    store,
    previousItem,
    { kind: 'nouvelle', title: 'Recenser les besoins de formation', responsable_id: people.marc, due_date: '2027-12-15' },
    { complete: true },
  );
  sendForValidation(store, previous, '2026-09-16');
  validateMinutes(store, previous, { validatedBy: people.anne, day: '2026-09-23' });
  updateAction(store, getMeeting(store, previous).agenda[0].action_items[0].action!.id, { status: 'en_cours', progress: 50 });

  const meeting = codiri(store, people, { next_meeting_date: '2027-09-13' });
  updateAgendaItem(store, meeting.items[0], { notes: 'Tour de table des DRH : mobilités croisées.' });
  addEntry(store, meeting.items[1], { kind: 'decision', text: 'Faut-il associer la Région ? Oui : elle sera invitée au « comité des achats ».' });
  setFollowUpComment(store, meeting.meetingId, besoins, 'Questionnaire envoyé aux deux DRH ; relance prévue !');
  sendForValidation(store, meeting.meetingId, '2027-03-17');
  validateMinutes(store, meeting.meetingId, { validatedBy: people.emilie, day: '2027-03-24' });
  return meeting;
}

describe('le compte rendu exporté en Word', () => {
  test('titres, faits de la réunion, participants par présence, décisions numérotées, tableaux, suivi, pied de page', async () => {
    const store = newReplica();
    const { meetingId } = validatedCodiri(store);
    const docx = await exported(store, meetingId, 'compte_rendu');

    expect(docx.core).toMatchObject({ title: 'Compte rendu – CODIRI du 15 mars 2027', subject: 'Coopération Indre-et-Loire – Loir-et-Cher' });
    expect(docx.language).toBe('fr-FR');
    expect(docx.headings.map((heading) => [heading.style, heading.text])).toEqual([
      ['Title', 'Compte rendu'],
      ['Heading 1', 'Ordre du jour'],
      ['Heading 1', 'Participants'],
      ['Heading 1', 'Suivi des actions du précédent compte rendu'],
      ['Heading 1', 'Compte rendu des échanges'],
      ['Heading 2', '1. Point d’étape du chantier RH'],
      ['Heading 2', '2. Gouvernance d’Approlys'],
      ['Heading 1', 'Tableau des actions à mener'],
      ['Heading 1', 'Prochaine réunion'],
      ['Heading 1', 'Diffusion'],
    ]);

    // The facts, with the times and colons of French typography.
    const [facts] = docx.tables;
    expect(facts).toEqual([
      ['Type de réunion', 'CODIRI'],
      ['Date', 'lundi 15 mars 2027'],
      ['Heure', `de 9${NBSP}h${NBSP}30 à 12${NBSP}h (2${NBSP}h${NBSP}30)`],
      ['Lieu', 'Hôtel du Département, Tours'],
      ['Présidence', `Mme${NBSP}Anne Leroy, directrice générale des services (Département d'Indre-et-Loire)`],
      ['Secrétaire de séance', "Claire Martin, cheffe de projet (Département d'Indre-et-Loire)"],
      ['Secrétariat', "Département d'Indre-et-Loire"],
      ['Chantiers concernés', 'Chantier 4 · Les ressources humaines\nChantier 8 · Les achats'],
      ['Validation', 'Validé le 24 mars 2027 par Émilie Durand (Loir-et-Cher).'],
    ]);

    // The participants' table comes right under its heading, by attendance as in the PDF.
    const tableAfter = (heading: string) => {
      const at = docx.blocks.findIndex((block) => block.kind === 'paragraph' && block.text === heading);
      const next = docx.blocks[at + 1];
      expect(next?.kind, `un tableau sous « ${heading} »`).toBe('table');
      return docx.tables[(next as { index: number }).index];
    };
    expect(tableAfter('Participants')).toEqual([
      ['Participant', 'Fonction', 'Département ou organisme'],
      ['Présents (4)'],
      [`Mme${NBSP}Anne Leroy`, 'Directrice générale des services', "Département d'Indre-et-Loire"],
      ['Claire Martin', 'Cheffe de projet', "Département d'Indre-et-Loire"],
      // A guest has no civilité.
      ['Sophie Laurent', 'Directrice', 'Région Centre-Val de Loire'],
      ['Hugo Moreau', 'Consultant', 'Autres participants'],
      ['Excusé (1)'],
      [`M.${NBSP}Marc Petit`, 'DGA ressources', 'Département de Loir-et-Cher'],
      ['Représentée (1)'],
      [`Mme${NBSP}Émilie Durand\nReprésentée par Jean Dupont, DGA territoires`, 'Directrice générale des services', 'Département de Loir-et-Cher'],
      ['Absent (1)'],
      ['Paul Bernard', 'DGA solidarités', "Département d'Indre-et-Loire"],
    ]);

    // Each point: its notes, informations and décisions, numbered across the minutes.
    const texts = docx.paragraphs.map((paragraph) => paragraph.text);
    expect(texts).toContain(`Tour de table des DRH${NBSP}: mobilités croisées.`);
    expect(docx.paragraphs).toContainEqual({ style: 'List Paragraph', text: 'La formation à la gestion de projet a réuni 24 cadres.' });
    expect(docx.decisions).toEqual([
      `Décision n°${NBSP}1 — Le séminaire des cadres aura lieu en juin, à Blois.`,
      `Décision n°${NBSP}2 — Une posture commune sera présentée au conseil d’administration, le 2 juin.`,
      `Décision n°${NBSP}3 — Faut-il associer la Région${NARROW}? Oui${NBSP}: elle sera invitée au «${NBSP}comité des achats${NBSP}».`,
    ]);
    expect(texts).toContain(`Organiser le séminaire des cadres de juin — Responsable${NBSP}: Marc Petit (Loir-et-Cher) — Échéance${NBSP}: 30 juin 2027`);

    expect(tableAfter('Tableau des actions à mener')).toEqual([
      ['N°', 'Action', 'Point', 'Responsable', 'Échéance', 'Statut'],
      [
        '1',
        'Organiser le séminaire des cadres de juin\nChantier 4 · Les ressources humaines',
        '1',
        'Marc Petit (Loir-et-Cher)',
        '30 juin 2027',
        'Nouvelle action',
      ],
      [
        '2',
        "Élaboration d'une posture commune pour faire évoluer la gouvernance de la centrale d'achat Approlys\nChantier 8 · Les achats",
        '2',
        'Anne Leroy (Indre-et-Loire)',
        '30 septembre 2027',
        'En cours',
      ],
    ]);
    expect(texts).toContain('Actions décidées lors de la réunion précédente (CODIRI du 14 septembre 2026).');
    const followUp = tableAfter('Actions décidées lors de la réunion précédente (CODIRI du 14 septembre 2026).');
    expect(followUp[0]).toEqual(['Action', 'Responsable', 'Échéance', 'Statut', 'Avancement', 'Commentaire']);
    expect(followUp.slice(1).map((row) => [row[0], row[1], row[2], row[5]])).toEqual([
      [
        'Recenser les besoins de formation',
        'Marc Petit (Loir-et-Cher)',
        '15 décembre 2027',
        `Questionnaire envoyé aux deux DRH${NARROW}; relance prévue${NARROW}!`,
      ],
    ]);
    expect(texts).toContain('La prochaine réunion aura lieu le lundi 13 septembre 2027.');

    // The visas close the compte rendu: the president signs for her Département, the most senior present for the other (none here).
    const last = docx.blocks[docx.blocks.length - 1];
    expect(last.kind).toBe('table');
    expect(docx.tables[(last as { index: number }).index]).toEqual([
      [`Pour le Département d'Indre-et-Loire\nMme${NBSP}Anne Leroy\ndirectrice générale des services\n`, 'Pour le Département de Loir-et-Cher\n'],
    ]);

    // Every page: both Départements above, the title and « Page X sur Y » below.
    expect(docx.header).toEqual(["Département d'Indre-et-Loire   ·   Département de Loir-et-Cher"]);
    expect(docx.footer).toEqual(['Compte rendu — CODIRI du 15 mars 2027\tPage  sur ']);
    expect(docx.footer_fields).toEqual(['PAGE', 'NUMPAGES']);
  });

  test('les retours à la ligne tapés dans les décisions, informations, actions et commentaires de suivi restent des retours à la ligne', async () => {
    const store = newReplica();
    const people = cast(store);
    const previous = createMeeting(store, { type: 'codiri', date: '2026-09-14', start_time: '14:00', duration_minutes: 120 });
    const besoins = addActionItem(
      store,
      addAgendaItem(store, previous, { title: 'Chantier RH', chantier_id: 'c4' }),
      { kind: 'nouvelle', title: 'Recenser les besoins', responsable_id: people.marc, due_date: '2027-12-15' },
      { complete: true },
    );
    sendForValidation(store, previous, '2026-09-16');
    validateMinutes(store, previous, { validatedBy: people.emilie, day: '2026-09-23' });
    const { meetingId, items } = codiri(store, people);
    addEntry(store, items[0], { kind: 'decision', text: 'Le séminaire aura lieu :\n- en juin ;\n- à Blois.' });
    addEntry(store, items[0], { kind: 'information', text: 'Deux groupes :\nmars et juin.' });
    addActionItem(store, items[0], { kind: 'nouvelle', title: 'Réserver la salle\net le traiteur', responsable_id: people.marc }, { complete: true });
    setFollowUpComment(store, meetingId, besoins, 'Questionnaire envoyé.\nRelance prévue.');
    const bytes = await minutesDocx(store, meetingId, 'compte_rendu');

    // Word shows a line feed inside a text as a space: none is written, a break is.
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].filter((match) => match[1].includes('\n'))).toEqual([]);
    const docx = await exported(store, meetingId, 'compte_rendu');
    const texts = docx.paragraphs.map((paragraph) => paragraph.text);
    expect(docx.decisions).toContain(`Décision n°${NBSP}2 — Le séminaire aura lieu${NBSP}:\n- en juin${NARROW};\n- à Blois.`);
    expect(texts).toContain(`Deux groupes${NBSP}:\nmars et juin.`);
    expect(texts.some((text) => text.startsWith('Réserver la salle\net le traiteur — '))).toBe(true);
    expect(docx.tables.flat()).toContainEqual(expect.arrayContaining(['Réserver la salle\net le traiteur\nChantier 4 · Les ressources humaines']));
    expect(docx.tables.flat()).toContainEqual(expect.arrayContaining(['Questionnaire envoyé.\nRelance prévue.']));
  });

  test('le relevé de décisions, en projet : décisions et actions, sans notes ni informations, « PROJET » en tête', async () => {
    const store = newReplica();
    const { meetingId, items } = codiri(store, cast(store));
    updateAgendaItem(store, items[0], { notes: 'Tour de table des DRH.' });
    const docx = await exported(store, meetingId, 'releve');

    expect(docx.core.title).toBe('Relevé de décisions – CODIRI du 15 mars 2027');
    expect(docx.headings.map((heading) => [heading.style, heading.text])).toEqual([
      ['Title', 'Relevé de décisions'],
      ['Heading 1', 'Décisions'],
      ['Heading 2', '1. Point d’étape du chantier RH'],
      ['Heading 2', '2. Gouvernance d’Approlys'],
      ['Heading 1', 'Tableau des actions à mener'],
      ['Heading 1', 'Prochaine réunion'],
      ['Heading 1', 'Diffusion'],
    ]);
    expect(docx.tables[0]).toContainEqual(['Participants', `Présents${NBSP}: 4 · Excusé${NBSP}: 1 · Représenté${NBSP}: 1 · Absent${NBSP}: 1`]);
    expect(docx.tables[0]).toContainEqual(['Validation', 'Projet de compte rendu, non encore envoyé pour validation.']);
    expect(docx.decisions).toHaveLength(2);
    const all = docx.paragraphs.map((paragraph) => paragraph.text).join('\n');
    expect(all).not.toContain('Tour de table');
    expect(all).not.toContain('24 cadres');
    expect(all).toContain('Projet non validé');
    expect(docx.header).toEqual(["Département d'Indre-et-Loire   ·   Département de Loir-et-Cher", 'PROJET — document non validé']);
    expect(docx.header_images).toBe(0);
    expect(docx.footer[0]).toMatch(/^Relevé de décisions — CODIRI du 15 mars 2027\tPage +sur $/);
  });
});

describe('les participants, par partenaire', () => {
  test('« Département ou organisme » quand tous les partenaires sont des Départements par leur type, quel que soit leur nom', async () => {
    const participantsHeader = async (store: Store) => {
      const meeting = createMeeting(store, { type: 'codiri', date: '2027-04-01', start_time: '09:00', duration_minutes: 90 });
      addParticipant(store, meeting, { name: 'Sophie Laurent', function: 'Directrice' });
      const docx = await exported(store, meeting, 'compte_rendu');
      return docx.tables.find((table) => table[0][0] === 'Participant')?.[0];
    };
    const conseils: CooperationInput = {
      name: 'Coopération des conseils départementaux',
      partners: [
        { kind: 'departement', name: "Conseil départemental d'Indre-et-Loire", short_name: 'Indre-et-Loire', code: 'CD37' },
        { kind: 'departement', name: 'Conseil départemental de Loir-et-Cher', short_name: 'Loir-et-Cher', code: 'CD41' },
      ],
      chantiers: [],
    };
    expect(await participantsHeader(newCooperation(conseils, { ...ELISE, partner: 'CD37' }))).toEqual(['Participant', 'Fonction', 'Département ou organisme']);
    expect(await participantsHeader(newCooperation())).toEqual(['Participant', 'Fonction', 'Partenaire ou organisme']);
  });
});

describe('les logos des partenaires en tête du document Word', () => {
  test('un logo PNG par partenaire, côte à côte au-dessus de leurs noms ; un SVG reste au PDF', async () => {
    const store = newReplica();
    const { meetingId } = codiri(store, cast(store));
    setPartnerLogo(store, 'd37', 'cd37.png', pngImage(400, 100));
    setPartnerLogo(store, 'd41', 'cd41.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'));
    expect((await exported(store, meetingId, 'compte_rendu')).header_images).toBe(1);
    setPartnerLogo(store, 'd41', 'cd41.png', pngImage(100, 100));
    const docx = await exported(store, meetingId, 'releve');
    expect(docx.header_images).toBe(2);
    expect(docx.header.slice(1)).toEqual(["Département d'Indre-et-Loire   ·   Département de Loir-et-Cher", 'PROJET — document non validé']);
  });
});

describe('la typographie française', () => {
  test('espaces insécables avant « : », fines avant « ; ! ? », dans les guillemets, les heures, « n° »', () => {
    expect(frenchTypography('de 9 h 30 à 12 h (2 h 30), 45 min, 60 %')).toBe(
      `de 9${NBSP}h${NBSP}30 à 12${NBSP}h (2${NBSP}h${NBSP}30), 45${NBSP}min, 60${NBSP}%`,
    );
    expect(frenchTypography('Responsable : Anne ; vraiment ? Oui ! « Approlys »')).toBe(
      `Responsable${NBSP}: Anne${NARROW}; vraiment${NARROW}? Oui${NARROW}! «${NBSP}Approlys${NBSP}»`,
    );
    expect(frenchTypography('Décision n° 12')).toBe(`Décision n°${NBSP}12`);
    // Nor a sum: « 40 000 € » stays on one line, a year beside a number too.
    expect(frenchTypography('arrêté à 1 240 000 € en 2027')).toBe(`arrêté à 1${NARROW}240${NARROW}000${NBSP}€ en 2027`);
    // Only the spaces already typed change: no space added, words and addresses kept.
    expect(frenchTypography('https://exemple.fr/?q=1 : 2 heures, 3 hommes, Note:')).toBe(`https://exemple.fr/?q=1${NBSP}: 2 heures, 3 hommes, Note:`);
  });
});
