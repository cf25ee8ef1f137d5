// The Historique of a fiche action: two postes edit the same action and exchange real sync
// files; each change is told with who wrote it, on which poste, when, and the value it
// replaced, found in the log by (origin, seq) — two of them for a conflict settled.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getActionHistory } from '../../db/actions/history';
import { setPilot } from '../../db/actions/pilots';
import { addParty } from '../../db/actions/parties';
import { addNote, addStep, deleteStep, updateAction, updateStep } from '../../db/actions/writes';
import { addBudgetLine, addFunding, updateBudgetLine } from '../../db/budget/writes';
import { createIndicator, linkIndicator, unlinkIndicator } from '../../db/indicators/writes';
import { resolveConflict } from '../../db/conflicts/writes';
import { initReplica } from '../../db/project/setup';
import { restoreRow } from '../../db/store/rows';
import { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import type { ActionHistoryEntry } from '../../db/actions/types';
import { tempDir, track } from './helpers';

const PASSPHRASE = 'Chaumont-sur-Loire 2027';
const CLAIRE = 'Claire Martin (Indre-et-Loire)';
const NADIA = 'Nadia Benali (Loir-et-Cher)';
const SEED = 'Données de départ';
// 14 mars 2027, 13:05 UTC; each poste's wall clock is moved by the test.
const START = Date.UTC(2027, 2, 14, 13, 5);

interface Laptop {
  store: Store;
  clock: { now: number };
}

function laptop(name: string, partner: string, label: string): Laptop {
  const clock = { now: START };
  const store = track(Store.open(join(tempDir(), 'entente.sqlite'), { now: () => clock.now }));
  initReplica(store, { name, function: null, partner, label });
  return { store, clock };
}

const send = (from: Laptop, to: Laptop) => importFile(to.store, exportFile(from.store, { secret: PASSPHRASE }).bytes, PASSPHRASE);

const minutes = (n: number) => n * 60_000;

/** An entry as a line a reader checks: who, field, old → new. */
const line = (entry: ActionHistoryEntry) =>
  `${entry.author.label} · ${entry.row_label ? `${entry.row_label} · ` : ''}${entry.field_label} : ${entry.kind} ${entry.before
    .map((version) => version.text ?? '∅')
    .join(' | ')} → ${entry.after.text ?? '∅'}`;

describe("l'historique d'une action", () => {
  test('deux postes échangent des fichiers : qui, sur quel poste, quand, ancienne → nouvelle valeur, en français ; le filtre par champ', () => {
    const claire = laptop('Claire Martin', '37', 'Portable de Claire');
    const nadia = laptop('Nadia Benali', '41', 'Portable DRH 41');

    claire.clock.now = START + minutes(10);
    updateAction(claire.store, 'a4-1', { status: 'en_cours', end_date: '2027-06-30' });
    updateAction(claire.store, 'a1-1', { status: 'bloque' }); // another action: not in a4-1's history
    send(claire, nadia);

    nadia.clock.now = START + minutes(60);
    updateAction(nadia.store, 'a4-1', { status: 'bloque', progress: 40, finalites: ['innovation', 'echange_pratiques'] });
    nadia.clock.now = START + minutes(61);
    const step = addStep(nadia.store, 'a4-1', 'Réunir les directeurs généraux');
    const longNote = `Calendrier proposé par le 41 : ${'une session par trimestre, '.repeat(12)}à confirmer.`;
    addNote(nadia.store, 'a4-1', { text: longNote, date: '2027-03-14' });
    const nadiaPerson = nadia.store.personId!;
    setPilot(nadia.store, 'a4-1', 'd41', { person_id: nadiaPerson });
    send(nadia, claire);

    const history = getActionHistory(claire.store, 'a4-1');
    expect(history.action_id).toBe('a4-1');
    // Newest first; the default dataset last.
    const clocks = history.entries.map((entry) => entry.hlc);
    expect(clocks).toEqual([...clocks].sort().reverse());
    expect(history.entries.at(-1)!.author.label).toBe(SEED);
    expect(history.entries.every((entry) => entry.row_id === 'a4-1' || entry.entity !== 'action')).toBe(true);

    expect(history.entries.map(line)).toEqual([
      `${NADIA} · Pilotage Loir-et-Cher · Pilote : created  → Nadia Benali`,
      `${NADIA} · Note du 14 mars 2027 · Date de la note : created  → 14 mars 2027`,
      `${NADIA} · Note du 14 mars 2027 · Texte de la note : created  → ${longNote}`,
      `${NADIA} · Étape « Réunir les directeurs généraux » · Étape faite : created  → à faire`,
      `${NADIA} · Étape « Réunir les directeurs généraux » · Intitulé de l'étape : created  → Réunir les directeurs généraux`,
      // One edit's fields: written one after the other, the last one first.
      `${NADIA} · Finalités : changed ∅ → Innovation / expérimentation, Échange de pratiques`,
      `${NADIA} · Avancement : changed 0 % → 40 %`,
      `${NADIA} · Statut : changed En cours → Bloqué`,
      `${CLAIRE} · Échéance : changed ∅ → 30 juin 2027`,
      `${CLAIRE} · Statut : changed À venir → En cours`,
      // The default dataset: its empty fields say nothing.
      `${SEED} · Titre : created  → Organisation d'une formation commune à la gestion de projet`,
      `${SEED} · Statut : created  → À venir`,
      `${SEED} · Avancement : created  → 0 %`,
      `${SEED} · Priorité : created  → Moyenne`,
      `${SEED} · Chantier : created  → Chantier 4 · ${chantierTitle(claire.store, 'c4')}`,
    ]);

    // Who, which laptop, when: Nadia's statut, written when her clock said START + 60 min.
    const status = history.entries.find((entry) => entry.field === 'status' && entry.author.person_name === 'Nadia Benali')!;
    expect(status).toMatchObject({
      at: new Date(START + minutes(60)).toISOString(),
      author: { origin: nadia.store.replicaId, person_name: 'Nadia Benali', partner_name: 'Loir-et-Cher', laptop: 'Portable DRH 41' },
      this_laptop: false,
      kind: 'changed',
      before: [{ origin: claire.store.replicaId, author: CLAIRE, value: 'en_cours', text: 'En cours', known: true }],
      after: { value: 'bloque', text: 'Bloqué' },
      in_conflict: false,
    });
    const claireStatus = history.entries.find((entry) => entry.field === 'status' && entry.author.person_name === 'Claire Martin')!;
    expect(claireStatus).toMatchObject({ this_laptop: true, at: new Date(START + minutes(10)).toISOString(), author: { laptop: 'Portable de Claire' } });
    expect(history.entries.find((entry) => entry.author.origin === 'seed')!.at).toBeNull();
    expect(history.entries.find((entry) => entry.field === 'text')!).toMatchObject({ entity: 'note', long_text: true, field_key: 'note.text' });
    expect(history.entries.find((entry) => entry.field === 'status')!.long_text).toBe(false);

    // The filter: one field, whoever wrote it; the list of fields stays whole.
    const onlyStatus = getActionHistory(claire.store, 'a4-1', 'status');
    expect(onlyStatus.entries.map((entry) => [entry.author.label, entry.after.text])).toEqual([
      [NADIA, 'Bloqué'],
      [CLAIRE, 'En cours'],
      [SEED, 'À venir'],
    ]);
    expect(onlyStatus.fields).toEqual(history.fields);
    expect(getActionHistory(claire.store, 'a4-1', 'note.text').entries.map((entry) => entry.after.text)).toEqual([longNote]);
    expect(getActionHistory(claire.store, 'a4-1', 'text').entries).toEqual([]);
    expect(history.fields.slice(0, 2)).toEqual([
      { key: 'progress', label: 'Avancement' },
      { key: 'chantier_id', label: 'Chantier' },
    ]);
    expect(history.fields.map((field) => field.key)).toEqual([
      'progress',
      'chantier_id',
      'end_date',
      'finalites',
      'priority',
      'status',
      'title',
      'pilot.person_id',
      'step.done',
      'step.label',
      'note.date',
      'note.text',
    ]);

    // Later edits of a row: an old value, then a delete and a restore.
    nadia.clock.now = START + minutes(90);
    updateStep(nadia.store, step, { done: true });
    deleteStep(nadia.store, step);
    restoreRow(nadia.store, 'step', step);
    send(nadia, claire);
    const ofStep = getActionHistory(claire.store, 'a4-1')
      .entries.filter((entry) => entry.entity === 'step')
      .slice(0, 3);
    expect(ofStep.map((entry) => [entry.field_label, entry.kind, entry.before.map((version) => version.text), entry.after.text])).toEqual([
      ["Suppression d'une étape", 'restored', ['supprimé'], 'rétabli'],
      ["Suppression d'une étape", 'deleted', [], 'supprimé'],
      ['Étape faite', 'changed', ['à faire'], 'faite'],
    ]);

    // Both postes read the same history of what both hold.
    send(claire, nadia);
    const strip = (entries: ActionHistoryEntry[]) => entries.map((entry) => ({ ...entry, this_laptop: undefined }));
    expect(strip(getActionHistory(nadia.store, 'a4-1').entries)).toEqual(strip(getActionHistory(claire.store, 'a4-1').entries));
  });

  test("un conflit : ses deux versions vivantes signalées, puis le choix qui remplace les deux, avec l'auteur de chacune", () => {
    const claire = laptop('Claire Martin', '37', 'Portable de Claire');
    const nadia = laptop('Nadia Benali', '41', 'Portable DRH 41');
    send(claire, nadia);
    send(nadia, claire);

    // Neither sees the other's edit before writing hers.
    claire.clock.now = START + minutes(5);
    updateAction(claire.store, 'a4-1', { description: 'Une session pilote au printemps.' });
    nadia.clock.now = START + minutes(7);
    updateAction(nadia.store, 'a4-1', { description: 'Un module de cinq jours à Blois.' });
    send(claire, nadia);
    send(nadia, claire);

    const inConflict = getActionHistory(claire.store, 'a4-1', 'description').entries;
    expect(
      inConflict.map((entry) => [entry.author.label, entry.kind, entry.in_conflict, entry.before.map((version) => version.author), entry.after.text]),
    ).toEqual([
      [NADIA, 'changed', true, [SEED], 'Un module de cinq jours à Blois.'],
      [CLAIRE, 'changed', true, [SEED], 'Une session pilote au printemps.'],
    ]);
    // The description was empty in the default dataset.
    expect(inConflict[0].before[0]).toMatchObject({ origin: 'seed', value: null, text: null, known: true });

    claire.clock.now = START + minutes(20);
    resolveConflict(claire.store, 'action', 'a4-1', 'description', 'Une session pilote au printemps, à Blois.');
    const settled = getActionHistory(claire.store, 'a4-1', 'description').entries;
    expect(settled).toHaveLength(3);
    expect(settled[0]).toMatchObject({
      kind: 'merged',
      author: { label: CLAIRE },
      after: { text: 'Une session pilote au printemps, à Blois.' },
      in_conflict: false,
    });
    expect(settled[0].before.map((version) => [version.author, version.text]).sort()).toEqual([
      [CLAIRE, 'Une session pilote au printemps.'],
      [NADIA, 'Un module de cinq jours à Blois.'],
    ]);
    expect(settled.map((entry) => entry.in_conflict)).toEqual([false, false, false]);
  });

  test("le budget, les financeurs, les élus et les indicateurs suivis de l'action y figurent aussi", () => {
    const claire = laptop('Claire Martin', '37', 'Portable de Claire');
    claire.clock.now = START + minutes(1);
    const line41 = addBudgetLine(claire.store, 'a4-1', { year: 2027, partner_id: 'd41', planned: 12500 });
    claire.clock.now = START + minutes(2);
    updateBudgetLine(claire.store, line41, { spent: 3200.5 });
    addFunding(claire.store, 'a4-1', { funder_type: 'region', funder_name: 'Région Centre-Val de Loire', amount: 5000 });
    addParty(claire.store, 'a4-1', { kind: 'elu', name: 'Jeanne Roux' });
    const indicator = createIndicator(claire.store, { chantier_id: 'c4', name: 'Agents formés' });
    linkIndicator(claire.store, indicator, 'a4-1');
    claire.clock.now = START + minutes(3);
    unlinkIndicator(claire.store, indicator, 'a4-1');
    addBudgetLine(claire.store, 'a1-1', { year: 2027, partner_id: 'd37', planned: 999 }); // another action's

    const entries = getActionHistory(claire.store, 'a4-1').entries.filter((entry) => entry.author.origin !== 'seed');
    expect(entries.map(line)).toEqual([
      `${CLAIRE} · Indicateur « Agents formés » · Suivi d'un indicateur : deleted  → supprimé`,
      `${CLAIRE} · Indicateur « Agents formés » · Indicateur suivi : created  → Agents formés`,
      `${CLAIRE} · « Jeanne Roux » · Nom de l'élu ou du partenaire : created  → Jeanne Roux`,
      `${CLAIRE} · « Jeanne Roux » · Rôle de l'élu ou du partenaire : created  → Élu(e) référent(e)`,
      `${CLAIRE} · Financement « Région Centre-Val de Loire » · Montant du financement (€) : created  → 5\u202f000,00`,
      `${CLAIRE} · Financement « Région Centre-Val de Loire » · Financeur : created  → Région`,
      `${CLAIRE} · Financement « Région Centre-Val de Loire » · État de la demande : created  → Demandé`,
      `${CLAIRE} · Financement « Région Centre-Val de Loire » · Nom du financeur : created  → Région Centre-Val de Loire`,
      // Left empty when the line was made: a value replaced.
      `${CLAIRE} · Budget 2027 Loir-et-Cher · Montant dépensé (€) : changed ∅ → 3\u202f200,50`,
      `${CLAIRE} · Budget 2027 Loir-et-Cher · Partenaire du budget : created  → Loir-et-Cher`,
      `${CLAIRE} · Budget 2027 Loir-et-Cher · Année du budget : created  → 2027`,
      `${CLAIRE} · Budget 2027 Loir-et-Cher · HT ou TTC : created  → TTC`,
      `${CLAIRE} · Budget 2027 Loir-et-Cher · Montant prévu (€) : created  → 12\u202f500,00`,
    ]);
  });

  test('une action inconnue est refusée en français', () => {
    const claire = laptop('Claire Martin', '37', 'Portable de Claire');
    expect(() => getActionHistory(claire.store, 'a99-9')).toThrow("L'action a99-9 est introuvable");
  });
});

function chantierTitle(store: Store, id: string): string {
  return store.db.prepare('SELECT title FROM chantier WHERE id = ?').pluck().get(id) as string;
}
