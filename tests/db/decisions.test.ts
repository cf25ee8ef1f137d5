// The register of décisions: references computed from replicated data only (the same on
// two postes after exchange files), stable when later meetings come, one per décision
// across versions modificatives; the filters and the « suivie » rule; the .xlsx read back
// by an independent reader (Python's openpyxl, from Debian).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { deleteAction } from '../../db/actions/writes';
import { describeDecisionQuery, listDecisions } from '../../db/meetings/decisions';
import { readWorkbook } from '../../db/exports/xlsx-reader';
import { decisionNumbers } from '../../db/meetings/rows';
import { DECISIONS_WORKBOOK_TITLE, decisionsWorkbook } from '../../db/meetings/decisions-xlsx';
import { amendMinutes, sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { addAgendaItem, addEntry, createMeeting, moveAgendaItem, updateEntry, updateMeeting } from '../../db/meetings/writes';
import type { MeetingInput } from '../../db/meetings/types';
import type { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import { newCooperation, newReplica, tempDir } from './helpers';
import { cast, codiri } from './meeting-fixtures';

const PASSPHRASE = 'Registre des décisions 2027';
const send = (from: Store, to: Store) => importFile(to, exportFile(from, { secret: PASSPHRASE, forReplica: to.replicaId }).bytes, PASSPHRASE);

/** A meeting with one point and the given décisions; answers its id. */
function meetingWith(store: Store, input: Partial<MeetingInput> & Pick<MeetingInput, 'type' | 'date'>, decisions: string[], point = 'Point unique'): string {
  const id = createMeeting(store, {
    start_time: '14:00',
    duration_minutes: 90,
    ...(input.type === 'reunion_travail' ? { chantier_ids: ['c4'] } : {}),
    ...input,
  });
  const item = addAgendaItem(store, id, { title: point });
  for (const text of decisions) addEntry(store, item, { kind: 'decision', text });
  return id;
}

const references = (store: Store) => listDecisions(store).map((row) => [row.reference, row.text]);
const referenceOf = (store: Store, text: string) => listDecisions(store).find((row) => row.text === text)?.reference;

describe('références des décisions', () => {
  test('type, année, rang de la réunion dans son type et son année, numéro de la décision ; une réunion ajoutée plus tard ne change rien', () => {
    const store = newReplica();
    const people = cast(store);
    codiri(store, people);
    meetingWith(store, { type: 'codiri', date: '2026-10-05' }, ['Le chantier 3 démarre.']);
    meetingWith(store, { type: 'comite_pilotage', date: '2027-02-01' }, ['Le budget 2027 est arrêté.']);
    meetingWith(store, { type: 'comite_pilotage', date: '2027-05-10', start_time: '09:00' }, ['Le plan de formation est adopté.']);
    meetingWith(store, { type: 'atelier', title: 'Atelier achats', date: '2027-04-08' }, ['Un groupement de commandes sera étudié.', 'Une note sera rédigée.']);
    meetingWith(store, { type: 'reunion_travail', date: '2027-01-20' }, ['Les fiches de poste seront comparées.']);

    const before = references(store);
    expect(before).toEqual([
      ['COPIL 2027-2 D1', 'Le plan de formation est adopté.'],
      ['Atelier 2027-1 D1', 'Un groupement de commandes sera étudié.'],
      ['Atelier 2027-1 D2', 'Une note sera rédigée.'],
      // The fixture's décisions, numbered in agenda order (RH first), not in the order written.
      ['CODIRI 2027-1 D1', 'Le séminaire des cadres aura lieu en juin, à Blois.'],
      ['CODIRI 2027-1 D2', 'Une posture commune sera présentée au conseil d’administration, le 2 juin.'],
      ['COPIL 2027-1 D1', 'Le budget 2027 est arrêté.'],
      ['RT 2027-1 D1', 'Les fiches de poste seront comparées.'],
      ['CODIRI 2026-1 D1', 'Le chantier 3 démarre.'],
    ]);

    // Later meetings of every type, and one on the same day as the May COPIL but later in the day.
    meetingWith(store, { type: 'codiri', date: '2027-09-13' }, ['Le séminaire 2028 aura lieu à Tours.']);
    meetingWith(store, { type: 'comite_pilotage', date: '2027-05-10', start_time: '15:00' }, ['Le calendrier est validé.']);
    meetingWith(store, { type: 'atelier', date: '2027-11-04' }, ['Un second atelier aura lieu.']);
    meetingWith(store, { type: 'reunion_travail', date: '2028-01-11' }, ['Les fiches sont harmonisées.']);
    const after = new Map(references(store).map(([reference, text]) => [text, reference]));
    for (const [reference, text] of before) expect(after.get(text)).toBe(reference);
    expect(after.get('Le séminaire 2028 aura lieu à Tours.')).toBe('CODIRI 2027-2 D1');
    expect(after.get('Le calendrier est validé.')).toBe('COPIL 2027-3 D1');
    expect(after.get('Un second atelier aura lieu.')).toBe('Atelier 2027-2 D1');
    // A new year starts again at 1.
    expect(after.get('Les fiches sont harmonisées.')).toBe('RT 2028-1 D1');

    // What does change a reference, as decisions.ts says: a meeting of the same type added
    // earlier in the same year, or the décisions reordered in minutes not validated.
    meetingWith(store, { type: 'codiri', date: '2027-01-11' }, ['Réunion de rattrapage.']);
    expect(referenceOf(store, 'Le séminaire des cadres aura lieu en juin, à Blois.')).toBe('CODIRI 2027-2 D1');
    expect(referenceOf(store, 'Le séminaire 2028 aura lieu à Tours.')).toBe('CODIRI 2027-3 D1');
    expect(referenceOf(store, 'Le budget 2027 est arrêté.')).toBe('COPIL 2027-1 D1');
  });

  test('même date et même heure : départagées par l’identifiant de la réunion, toujours dans le même ordre', () => {
    const store = newReplica();
    const first = meetingWith(store, { type: 'atelier', date: '2027-06-01', title: 'Atelier A' }, ['Décision A.']);
    const second = meetingWith(store, { type: 'atelier', date: '2027-06-01', title: 'Atelier B' }, ['Décision B.']);
    const [low, high] = [first, second].sort();
    const rankOf = (id: string) => listDecisions(store).find((row) => row.meeting.id === id)?.meeting.rank;
    expect([rankOf(low), rankOf(high)]).toEqual([1, 2]);
    meetingWith(store, { type: 'atelier', date: '2027-06-02' }, ['Décision C.']);
    expect([rankOf(low), rankOf(high)]).toEqual([1, 2]);
  });

  test('version modificative : les décisions de la dernière version, une seule fois, sous la même référence', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId } = codiri(store, people);
    meetingWith(store, { type: 'codiri', date: '2027-09-13' }, ['Le séminaire 2028 aura lieu à Tours.']);
    sendForValidation(store, meetingId, '2027-03-18');
    validateMinutes(store, meetingId, { validatedBy: people.marc, day: '2027-03-22' });
    const validated = listDecisions(store, { types: ['codiri'] });
    expect(validated.map((row) => [row.reference, row.meeting.id, row.minutes_status, row.draft])).toEqual([
      ['CODIRI 2027-2 D1', expect.any(String), 'brouillon', true],
      ['CODIRI 2027-1 D1', meetingId, 'valide', false],
      ['CODIRI 2027-1 D2', meetingId, 'valide', false],
    ]);

    const amended = amendMinutes(store, meetingId, 'Erreur sur la date du conseil');
    const rows = listDecisions(store, { types: ['codiri'] });
    // Not listed twice: the new version's décisions, the same references; the later CODIRI keeps its rank.
    expect(rows.map((row) => [row.reference, row.meeting.id, row.meeting.version, row.minutes_status, row.draft])).toEqual([
      ['CODIRI 2027-2 D1', expect.any(String), 1, 'brouillon', true],
      ['CODIRI 2027-1 D1', amended, 2, 'brouillon', true],
      ['CODIRI 2027-1 D2', amended, 2, 'brouillon', true],
    ]);
    // The new version words and numbers them; a décision added there takes the next number.
    updateEntry(store, rows[2].id, { text: 'Une posture commune sera présentée au conseil d’administration, le 9 juin.' });
    addEntry(store, rows[2].agenda_item.id, { kind: 'decision', text: 'Le compte rendu modifié sera diffusé aux pilotes.' });
    expect(references(store).filter(([reference]) => reference.startsWith('CODIRI 2027-1'))).toEqual([
      ['CODIRI 2027-1 D1', 'Le séminaire des cadres aura lieu en juin, à Blois.'],
      ['CODIRI 2027-1 D2', 'Une posture commune sera présentée au conseil d’administration, le 9 juin.'],
      ['CODIRI 2027-1 D3', 'Le compte rendu modifié sera diffusé aux pilotes.'],
    ]);
    // One added before them leaves the validated ones their numbers: a reference quoted since names the same décision.
    addEntry(store, rows[1].agenda_item.id, { kind: 'decision', text: 'Les pilotes seront réunis en mai.' });
    expect(references(store).filter(([reference]) => reference.startsWith('CODIRI 2027-1'))).toEqual([
      ['CODIRI 2027-1 D1', 'Le séminaire des cadres aura lieu en juin, à Blois.'],
      ['CODIRI 2027-1 D2', 'Une posture commune sera présentée au conseil d’administration, le 9 juin.'],
      ['CODIRI 2027-1 D3', 'Les pilotes seront réunis en mai.'],
      ['CODIRI 2027-1 D4', 'Le compte rendu modifié sera diffusé aux pilotes.'],
    ]);
    // In the minutes' order: the new one of the first point after its validated one.
    expect([...decisionNumbers(store, amended).values()]).toEqual([1, 3, 2, 4]);
    sendForValidation(store, amended, '2027-04-01');
    validateMinutes(store, amended, { validatedBy: people.marc, day: '2027-04-03' });
    expect(listDecisions(store, { types: ['codiri'] }).filter((row) => row.meeting.id === amended)).toHaveLength(4);
    expect(listDecisions(store, { types: ['codiri'] }).every((row) => row.meeting.id !== meetingId)).toBe(true);
  });

  test('deux postes, après échange de fichiers dans les deux sens, donnent les mêmes références', () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const people = cast(claire);
    codiri(claire, people);
    meetingWith(claire, { type: 'comite_pilotage', date: '2027-02-01' }, ['Le budget 2027 est arrêté.']);
    send(claire, nadia);
    meetingWith(nadia, { type: 'comite_pilotage', date: '2027-06-14' }, ['Le bilan sera présenté en septembre.']);
    meetingWith(nadia, { type: 'atelier', date: '2027-03-02' }, ['Une charte commune sera rédigée.']);
    send(nadia, claire);
    const onClaire = listDecisions(claire);
    expect(onClaire.map((row) => row.reference)).toEqual(['COPIL 2027-2 D1', 'CODIRI 2027-1 D1', 'CODIRI 2027-1 D2', 'Atelier 2027-1 D1', 'COPIL 2027-1 D1']);
    expect(listDecisions(nadia)).toEqual(onClaire);
  });
});

describe('filtres et décisions suivies', () => {
  test('type, chantier du point ou de la réunion, période, suivie ou non, recherche sans accents', () => {
    const store = newReplica();
    const people = cast(store);
    codiri(store, people);
    // A point without chantier: the décision concerns the meeting's chantiers (2).
    meetingWith(store, { type: 'comite_pilotage', date: '2027-02-01', chantier_ids: ['c2'] }, ['Le budget 2027 est arrêté.']);
    meetingWith(store, { type: 'atelier', date: '2027-04-08' }, ['Une charte commune sera rédigée.']);
    const texts = (query: Parameters<typeof listDecisions>[1]) => listDecisions(store, query).map((row) => row.reference);

    expect(texts({ types: ['codiri'] })).toEqual(['CODIRI 2027-1 D1', 'CODIRI 2027-1 D2']);
    expect(texts({ types: ['codiri', 'atelier'] })).toEqual(['Atelier 2027-1 D1', 'CODIRI 2027-1 D1', 'CODIRI 2027-1 D2']);
    // The RH point's chantier is 4, the Approlys point's 8 (its action's), though the CODIRI concerns both.
    expect(texts({ chantier_id: 'c4' })).toEqual(['CODIRI 2027-1 D1']);
    expect(texts({ chantier_id: 'c8' })).toEqual(['CODIRI 2027-1 D2']);
    expect(texts({ chantier_id: 'c2' })).toEqual(['COPIL 2027-1 D1']);
    expect(listDecisions(store, { chantier_id: 'c2' })[0].chantiers).toEqual([expect.objectContaining({ id: 'c2', number: 2 })]);
    expect(texts({ from: '2027-02-01', to: '2027-03-15' })).toEqual(['CODIRI 2027-1 D1', 'CODIRI 2027-1 D2', 'COPIL 2027-1 D1']);
    expect(texts({ from: '2027-03-16' })).toEqual(['Atelier 2027-1 D1']);
    expect(texts({ to: '2027-01-31' })).toEqual([]);
    expect(texts({ search: 'SEMINAIRE blois' })).toEqual(['CODIRI 2027-1 D1']);
    expect(texts({ search: 'copil 2027-1' })).toEqual(['COPIL 2027-1 D1']);
    expect(texts({ search: 'Gouvernance' })).toEqual(['CODIRI 2027-1 D2']);
    expect(texts({ search: '   ' })).toHaveLength(4);
    expect(texts({ followed: true })).toEqual(['CODIRI 2027-1 D2']);
    expect(texts({ followed: false, types: ['codiri'] })).toEqual(['CODIRI 2027-1 D1']);
    // The workbook's subject says which décisions it holds.
    expect(describeDecisionQuery(store, { types: ['codiri'], chantier_id: 'c4', from: '2027-01-01', followed: false, search: ' blois ' })).toBe(
      'Décisions des réunions de type CODIRI, du chantier 4, depuis le 1er janvier 2027, non suivies, contenant « blois »',
    );
    expect(describeDecisionQuery(store, {})).toBe('Toutes les décisions');
  });

  test('les ateliers sont « interdépartementaux » entre Départements seulement : filtre décrit et colonne « Type de réunion » de l’export', async () => {
    const typeColumn = async (store: Store) => {
      const [sheet] = readWorkbook(await decisionsWorkbook(store, listDecisions(store)));
      const [header, first] = sheet.rows.map((row) => row.cells);
      return first[header.indexOf('Type de réunion')];
    };
    const departements = newReplica();
    meetingWith(departements, { type: 'atelier', date: '2027-04-01' }, ['Un annuaire commun sera tenu.']);
    expect(describeDecisionQuery(departements, { types: ['atelier'] })).toBe('Décisions des réunions de type Atelier interdépartemental');
    expect(await typeColumn(departements)).toBe('Atelier interdépartemental');

    const touraine = newCooperation();
    meetingWith(touraine, { type: 'atelier', date: '2027-04-01', chantier_ids: [] }, ['Une navette estivale sera étudiée.']);
    expect(describeDecisionQuery(touraine, { types: ['atelier', 'codiri'] })).toBe('Décisions des réunions de type Atelier de coopération, CODIRI');
    expect(await typeColumn(touraine)).toBe('Atelier de coopération');
  });

  test('suivie : le point a une action à mener liée à une action existante (créée à la validation, ou suivie)', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId, items } = codiri(store, people);
    const followed = () => listDecisions(store).map((row) => [row.reference, row.followed, row.follow_up_actions.map((action) => action.title)]);
    // Before validation the new action à mener is no action yet; the follow-up of a8-1 is.
    expect(followed()).toEqual([
      ['CODIRI 2027-1 D1', false, []],
      ['CODIRI 2027-1 D2', true, ["Élaboration d'une posture commune pour faire évoluer la gouvernance de la centrale d'achat Approlys"]],
    ]);
    sendForValidation(store, meetingId, '2027-03-18');
    validateMinutes(store, meetingId, { validatedBy: people.marc, day: '2027-03-22' });
    expect(followed()[0]).toEqual(['CODIRI 2027-1 D1', true, ['Organiser le séminaire des cadres de juin']]);
    // The action deleted since: no longer followed up.
    const created = listDecisions(store)[0].follow_up_actions[0].id;
    deleteAction(store, created);
    expect(followed()[0]).toEqual(['CODIRI 2027-1 D1', false, []]);

    // A point linked to an action, without action à mener: the subject, not a follow-up.
    const other = createMeeting(store, { type: 'atelier', date: '2027-05-03', start_time: '10:00', duration_minutes: 60 });
    const point = addAgendaItem(store, other, { title: 'Approlys', action_id: 'a8-1' });
    addEntry(store, point, { kind: 'decision', text: 'Approlys sera présenté aux élus.' });
    expect(listDecisions(store, { types: ['atelier'] })[0]).toMatchObject({ followed: false, chantiers: [{ id: 'c8' }] });
    expect(items).toHaveLength(2);
  });

  test('un point déplacé dans un compte rendu non validé renumérote ses décisions ; une réunion redatée change de rang', () => {
    const store = newReplica();
    const people = cast(store);
    const { meetingId, items } = codiri(store, people);
    const later = meetingWith(store, { type: 'codiri', date: '2027-09-13' }, ['Le séminaire 2028 aura lieu à Tours.']);
    moveAgendaItem(store, items[1], 'up');
    expect(referenceOf(store, 'Le séminaire des cadres aura lieu en juin, à Blois.')).toBe('CODIRI 2027-1 D2');
    updateMeeting(store, later, { date: '2027-01-10' });
    expect(referenceOf(store, 'Le séminaire 2028 aura lieu à Tours.')).toBe('CODIRI 2027-1 D1');
    expect(listDecisions(store).find((row) => row.meeting.id === meetingId)?.meeting.rank).toBe(2);
  });
});

describe('export XLSX', () => {
  test('relu par openpyxl : en-têtes, vraie date au format français, filtre automatique, ligne d’en-tête figée, titre', async () => {
    const store = newReplica();
    const people = cast(store);
    codiri(store, people);
    meetingWith(store, { type: 'comite_pilotage', date: '2027-02-01', chantier_ids: ['c2'] }, ['Le budget 2027 est arrêté.']);
    const rows = listDecisions(store);
    const file = join(tempDir(), 'Registre des décisions.xlsx');
    writeFileSync(file, await decisionsWorkbook(store, rows, { subject: 'Toutes les décisions' }));

    const python = '/usr/bin/python3';
    const probe = spawnSync(python, ['-c', 'import openpyxl'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      throw new Error(
        `Le module Python openpyxl manque (${python} -c 'import openpyxl' : ${probe.error?.message ?? probe.stderr.trim()}). ` +
          'Installez-le : apt-get install -y python3-openpyxl (.ci/run le fait).',
      );
    }
    const script = `
import json, sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book.active
cell = sheet['B2']
print(json.dumps({
  'title': book.properties.title,
  'sheet': sheet.title,
  'headers': [c.value for c in sheet[1]],
  'rows': sheet.max_row,
  'date_is_date': isinstance(cell.value, datetime.datetime),
  'date': cell.value.date().isoformat() if isinstance(cell.value, datetime.datetime) else repr(cell.value),
  'date_format': cell.number_format,
  'autofilter': sheet.auto_filter.ref,
  'freeze': sheet.freeze_panes,
  'widths': {k: v.width for k, v in sheet.column_dimensions.items()},
  'first': [c.value if not isinstance(c.value, datetime.datetime) else c.value.date().isoformat() for c in sheet[2]],
}))
`;
    const read = spawnSync(python, ['-c', script, file], { encoding: 'utf8' });
    expect(read.stderr).toBe('');
    const book = JSON.parse(read.stdout);
    expect(book).toMatchObject({
      title: DECISIONS_WORKBOOK_TITLE,
      sheet: 'Décisions',
      headers: [
        'Référence',
        'Date',
        'Type de réunion',
        'Réunion',
        "Point de l'ordre du jour",
        'Chantier',
        'Décision',
        'Compte rendu',
        'Statut de la décision',
        'Suivie',
        'Actions de suivi',
      ],
      rows: 4,
      date_is_date: true,
      date: '2027-03-15',
      date_format: 'dd/mm/yyyy',
      autofilter: 'A1:K4',
      freeze: 'A2',
    });
    expect(book.widths).toMatchObject({ A: 18, G: 70 });
    expect(book.first).toEqual([
      'CODIRI 2027-1 D1',
      '2027-03-15',
      'CODIRI',
      'CODIRI du 15 mars 2027',
      '1. Point d’étape du chantier RH',
      '4. Les ressources humaines',
      'Le séminaire des cadres aura lieu en juin, à Blois.',
      'Brouillon',
      'Projet',
      'Non',
      null,
    ]);
  });
});
