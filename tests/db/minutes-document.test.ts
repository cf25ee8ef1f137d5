import { describe, expect, test } from 'vitest';
import { addParticipant, createMeeting, updateAgendaItem, updateMeeting } from '../../db/meetings/writes';
import { amendMinutes, applyTacitValidations, sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { updateAction } from '../../db/actions/writes';
import { updatePerson } from '../../db/people/writes';
import { minutesDocument } from '../../db/meetings/document';
import { cast, codiri } from './meeting-fixtures';
import { newReplica } from './helpers';

const NBSP = '\u00a0';

describe('le compte rendu imprimé', () => {
  test('en-tête, présences par Département, ordre du jour, décisions et actions numérotées, libellés français', () => {
    const store = newReplica();
    const people = cast(store);
    updatePerson(store, people.anne, { civility: 'mme' });
    updatePerson(store, people.emilie, { civility: 'mme' });
    updatePerson(store, people.marc, { civility: 'm' });
    const { meetingId, items } = codiri(store, people);
    updateAgendaItem(store, items[0], { notes: 'Tour de table des DRH.' });
    updateMeeting(store, meetingId, { next_meeting_date: '2027-09-13' });
    const document = minutesDocument(store, meetingId, 'compte_rendu');
    expect(document).toMatchObject({
      layout: 'compte_rendu',
      layout_label: 'Compte rendu',
      heading: 'Compte rendu — CODIRI du 15 mars 2027',
      project_name: 'Coopération Indre-et-Loire – Loir-et-Cher',
      organisations: "Département d'Indre-et-Loire – Département de Loir-et-Cher",
      meeting: {
        type_label: 'CODIRI',
        date_label: 'lundi 15 mars 2027',
        time_label: 'de 9 h 30 à 12 h',
        duration_label: '2 h 30',
        place: 'Hôtel du Département, Tours',
        chantiers: [{ label: 'Chantier 4 · Les ressources humaines' }, { label: 'Chantier 8 · Les achats' }],
      },
      president: { name: `Mme${NBSP}Anne Leroy`, civility: 'mme', function: 'directrice générale des services', organisation: "Département d'Indre-et-Loire" },
      secretary: { name: 'Claire Martin', civility: null, function: 'cheffe de projet' },
      secretariat: "Département d'Indre-et-Loire",
      version: { number: 1, label: null },
      validation: { status: 'brouillon', status_label: 'Brouillon', draft: true, sentence: 'Projet de compte rendu, non encore envoyé pour validation.' },
      next_meeting: { date: '2027-09-13', label: 'lundi 13 septembre 2027' },
      diffusion: ['Membres du CODIRI', 'Pilotes des chantiers'],
    });
    expect(document.partners.map((partner) => partner.short_name)).toEqual(['Indre-et-Loire', 'Loir-et-Cher']);
    expect(document.attendance.counts).toEqual({ present: 4, excuse: 1, represente: 1, absent: 1 });
    expect(
      document.attendance.sections.map((section) => [section.label, section.groups.map((group) => [group.label, group.people.map((person) => person.name)])]),
    ).toEqual([
      [
        'Présents',
        [
          ["Département d'Indre-et-Loire", [`Mme${NBSP}Anne Leroy`, 'Claire Martin']],
          ['Région Centre-Val de Loire', ['Sophie Laurent']],
          ['Autres participants', ['Hugo Moreau']],
        ],
      ],
      ['Excusé', [['Département de Loir-et-Cher', [`M.${NBSP}Marc Petit`]]]],
      ['Représentée', [['Département de Loir-et-Cher', [`Mme${NBSP}Émilie Durand`]]]],
      ['Absent', [["Département d'Indre-et-Loire", ['Paul Bernard']]]],
    ]);
    expect(document.attendance.sections[2].groups[0].people[0]).toMatchObject({
      represented_by: 'Jean Dupont, DGA territoires',
      // Agreed with her civilité, without point médian.
      represented_label: 'représentée par Jean Dupont, DGA territoires',
    });
    // A function keeps its acronym; a guest has no civilité.
    expect(document.attendance.sections[3].groups[0].people[0].function).toBe('DGA solidarités');
    expect(document.attendance.sections[0].groups[1].people[0]).toMatchObject({ name: 'Sophie Laurent', civility: null, function: 'directrice' });
    // One visa per partner: the president for hers, nobody known for Loir-et-Cher (excusé, représentée).
    expect(document.visas).toEqual([
      {
        partner_id: 'd37',
        heading: "Pour le Département d'Indre-et-Loire",
        signatory: expect.objectContaining({ name: `Mme${NBSP}Anne Leroy`, function: 'directrice générale des services' }),
      },
      { partner_id: 'd41', heading: 'Pour le Département de Loir-et-Cher', signatory: null },
    ]);
    expect(document.agenda).toEqual([
      {
        number: 1,
        title: 'Point d’étape du chantier RH',
        presenter: 'Marc Petit',
        duration_label: '1 h',
        start_label: '9 h 30',
        chantier_label: 'Chantier 4 · Les ressources humaines',
      },
      {
        number: 2,
        title: 'Gouvernance d’Approlys',
        presenter: 'Anne Leroy',
        duration_label: '45 min',
        start_label: '10 h 30',
        chantier_label: 'Chantier 8 · Les achats',
      },
    ]);
    expect(document.items[0]).toMatchObject({
      notes: 'Tour de table des DRH.',
      informations: ['La formation à la gestion de projet a réuni 24 cadres.'],
      decisions: [{ number: 1, text: 'Le séminaire des cadres aura lieu en juin, à Blois.' }],
    });
    expect(document.decisions.map((decision) => [decision.number, decision.item_number])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(document.actions).toEqual([
      expect.objectContaining({
        number: 1,
        item_number: 1,
        kind_label: 'Nouvelle action',
        title: 'Organiser le séminaire des cadres de juin',
        responsable: 'Marc Petit (Loir-et-Cher)',
        due_date_label: '30 juin 2027',
        chantier_label: 'Chantier 4 · Les ressources humaines',
        action_id: null,
      }),
      expect.objectContaining({
        number: 2,
        item_number: 2,
        kind_label: 'Action existante',
        status_label: 'En cours',
        action_id: 'a8-1',
        responsable: 'Anne Leroy (Indre-et-Loire)',
      }),
    ]);
  });

  test('le visa de chaque partenaire : son président de séance, sinon son participant présent le plus élevé ; un masculin sans civilité', () => {
    const store = newReplica();
    const people = cast(store);
    updatePerson(store, people.emilie, { civility: 'mme' });
    const meetingId = createMeeting(store, { type: 'atelier', title: 'Atelier achats', date: '2027-04-01', start_time: '09:00', duration_minutes: 60 });
    addParticipant(store, meetingId, { person_id: people.marc });
    addParticipant(store, meetingId, { person_id: people.emilie });
    addParticipant(store, meetingId, { person_id: people.paul, attendance: 'represente', represented_by: 'Luc Girard' });
    const document = minutesDocument(store, meetingId, 'compte_rendu');
    expect(document.visas.map((visa) => [visa.heading, visa.signatory?.name ?? null])).toEqual([
      // Paul Bernard is représenté: he does not sign.
      ["Pour le Département d'Indre-et-Loire", null],
      ['Pour le Département de Loir-et-Cher', `Mme${NBSP}Émilie Durand`],
    ]);
    expect(document.attendance.sections[1].groups[0].people[0].represented_label).toBe('représenté par Luc Girard');
    expect(minutesDocument(store, meetingId, 'releve').visas).toEqual([]);
  });

  test('le relevé de décisions laisse les notes et les informations', () => {
    const store = newReplica();
    const { meetingId, items } = codiri(store, cast(store));
    updateAgendaItem(store, items[0], { notes: 'Tour de table des DRH.' });
    const releve = minutesDocument(store, meetingId, 'releve');
    expect(releve.heading).toBe('Relevé de décisions — CODIRI du 15 mars 2027');
    expect(releve.items.map((item) => [item.notes, item.informations, item.decisions.length, item.actions.length])).toEqual([
      [null, [], 1, 1],
      [null, [], 1, 1],
    ]);
  });

  test('validation par une personne, par le silence, version modificative, suivi du précédent', () => {
    const store = newReplica();
    const people = cast(store);
    const first = codiri(store, people);
    sendForValidation(store, first.meetingId, '2027-03-18');
    expect(minutesDocument(store, first.meetingId, 'compte_rendu').validation.sentence).toBe(
      "Projet envoyé pour validation le 18 mars 2027\u202f; sans observation d'ici le 2 avril 2027, il sera réputé validé.",
    );
    applyTacitValidations(store, '2027-04-02');
    expect(minutesDocument(store, first.meetingId, 'compte_rendu').validation).toMatchObject({
      tacit: true,
      draft: false,
      validated_by: null,
      validated_on: '2027-04-02',
      sentence: 'Validé tacitement le 2 avril 2027, sans observation dans le délai de 15 jours suivant son envoi le 18 mars 2027.',
    });
    const amended = amendMinutes(store, first.meetingId, 'Orthographe des noms');
    expect(minutesDocument(store, amended, 'compte_rendu').version).toEqual({
      number: 2,
      label: 'Version 2, modifiant le compte rendu validé le 2 avril 2027',
      amendment_reason: 'Orthographe des noms',
      previous_id: first.meetingId,
    });
    sendForValidation(store, amended, '2027-04-05');
    validateMinutes(store, amended, { validatedBy: people.emilie, day: '2027-04-06' });
    expect(minutesDocument(store, amended, 'compte_rendu').validation.sentence).toBe('Validé le 6 avril 2027 par Émilie Durand (Loir-et-Cher).');

    // The next CODIRI follows up the actions of this one.
    const next = createMeeting(store, { type: 'codiri', date: '2027-09-13', start_time: '09:30', duration_minutes: 120 });
    const created = minutesDocument(store, amended, 'compte_rendu').actions[0].action_id!;
    updateAction(store, created, { status: 'realise', progress: 100 });
    const followUp = minutesDocument(store, next, 'compte_rendu').follow_up;
    expect(followUp.previous_label).toBe('CODIRI du 15 mars 2027');
    expect(followUp.lines).toEqual([
      {
        title: 'Organiser le séminaire des cadres de juin',
        responsable: 'Marc Petit (Loir-et-Cher)',
        due_date_label: '30 juin 2027',
        status_label: 'Réalisé',
        progress_label: '100 %',
        late: false,
        comment: null,
      },
      expect.objectContaining({
        responsable: 'Anne Leroy (Indre-et-Loire)',
        due_date_label: '30 septembre 2027',
        status_label: 'En cours',
        progress_label: '0 %',
      }),
    ]);
    // This time Loir-et-Cher holds the secretariat.
    expect(minutesDocument(store, next, 'compte_rendu').secretariat).toBe('Département de Loir-et-Cher');
  });
});
