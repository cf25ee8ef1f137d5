import { describe, expect, test } from 'vitest';
import { addNote, createAction, updateAction } from '../../db/actions/writes';
import { listConflictViews } from '../../db/conflicts/reads';
import { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import { MAX_LINES } from '../../db/sync/changes';
import { folderRound, importExchangeFile } from '../../db/sync/operations';
import { folderState, lastImportFailure } from '../../db/sync/status';
import { listJournal } from '../../db/sync/journal';
import { newReplica, tempDir } from './helpers';

const PASSPHRASE = 'Loire 2026 coopération';
const send = (from: Store, to: Store) => importFile(to, exportFile(from, { secret: PASSPHRASE, forReplica: to.replicaId }).bytes, PASSPHRASE);
const title = (store: Store, id: string) => store.db.prepare('SELECT title FROM action WHERE id = ?').pluck().get(id) as string;

function pair() {
  const a = newReplica('Claire Martin', '37');
  const b = newReplica('Marc Petit', '41');
  send(a, b);
  send(b, a);
  return { a, b };
}

describe("ce qu'un import a changé, action par action", () => {
  test('statut, échéance, nouvelle action et note : en mots, avec la personne qui a modifié', () => {
    const { a, b } = pair();
    updateAction(a, 'a4-1', { status: 'en_cours', end_date: '2027-06-30' });
    send(a, b);
    updateAction(b, 'a4-1', { status: 'bloque', end_date: '2027-09-15' });
    const created = createAction(b, { chantier_id: 'c4', title: 'Bourse commune de l’emploi' });
    addNote(b, 'a4-1', { text: 'Attente de la convention du 41', date: '2026-12-01' });

    const { action_changes: changes } = send(b, a);
    expect(changes.more).toBe(0);
    expect(changes.actions).toEqual([
      {
        action_id: 'a4-1',
        reference: '4.1',
        title: title(a, 'a4-1'),
        lines: [
          'Statut : En cours → Bloqué, par Marc Petit',
          'Échéance : 30 juin 2027 → 15 septembre 2027, par Marc Petit',
          'Note de suivi du 1er décembre 2026 ajoutée, par Marc Petit : « Attente de la convention du 41 »',
        ],
      },
      { action_id: created, reference: '4.5', title: 'Bourse commune de l’emploi', lines: ['Nouvelle action, par Marc Petit'] },
    ]);
  });

  test('deux modifications concurrentes du même champ : la ligne dit le conflit, pas une valeur', () => {
    const { a, b } = pair();
    updateAction(a, 'a4-1', { status: 'en_cours' });
    send(a, b);
    updateAction(a, 'a4-1', { status: 'realise' });
    updateAction(b, 'a4-1', { status: 'bloque' });

    const [action] = send(b, a).action_changes.actions;
    expect(action.lines).toHaveLength(1);
    expect(action.lines[0]).toMatch(/^Statut : deux versions concurrentes \(.*Bloqué par Marc Petit.*\), à choisir dans l'écran Conflits$/);
    expect(action.lines[0]).toContain('Réalisé par Claire Martin');
  });

  test('une modification déjà remplacée ici par une plus récente ne dit rien', () => {
    const { a, b } = pair();
    updateAction(b, 'a4-1', { progress: 20 });
    send(b, a);
    updateAction(a, 'a4-1', { progress: 40 });
    // B's file again, with nothing new for A: the progress shown here stays 40 %.
    updateAction(b, 'a1-1', { progress: 10 });
    const { action_changes: changes } = send(b, a);
    expect(changes.actions.map((action) => action.action_id)).toEqual(['a1-1']);
    expect(changes.actions[0].lines).toEqual([expect.stringMatching(/^Avancement : .* → 10 %, par Marc Petit$/)]);
  });

  test(`au-delà de ${MAX_LINES} lignes, le reste est compté`, () => {
    const { a, b } = pair();
    for (let i = 0; i < MAX_LINES + 5; i++) createAction(b, { chantier_id: 'c2', title: `Action ${i}` });
    const { action_changes: changes } = send(b, a);
    expect(changes.actions).toHaveLength(MAX_LINES);
    expect(changes.more).toBe(5);
  });
});

describe('Conflits : la valeur avant les deux modifications', () => {
  test("l'ancêtre commun est la version que les deux modifications ont remplacée, même après plusieurs modifications d'un côté", () => {
    const { a, b } = pair();
    updateAction(a, 'a4-1', { status: 'en_cours' });
    send(a, b);
    updateAction(a, 'a4-1', { status: 'en_pause' });
    updateAction(a, 'a4-1', { status: 'realise' });
    updateAction(b, 'a4-1', { status: 'bloque' });
    send(b, a);

    const [conflict] = listConflictViews(a).filter((view) => view.field === 'status');
    expect(conflict.versions.map((version) => version.value).sort()).toEqual(['bloque', 'realise']);
    expect(conflict.before).toMatchObject({ value: 'en_cours', author: 'Claire Martin', replica: "l'ordinateur de Claire Martin (Indre-et-Loire)" });
    expect(conflict.versions.find((version) => version.value === 'bloque')).toMatchObject({ author: 'Marc Petit' });
  });

  test('un champ vide avant les deux modifications : la valeur avant est vide, écrite à la création', () => {
    const { a, b } = pair();
    const created = createAction(a, { chantier_id: 'c4', title: 'Plateforme partagée' });
    send(a, b);
    updateAction(a, created, { end_date: '2027-03-01' });
    updateAction(b, created, { end_date: '2027-04-01' });
    send(b, a);
    const [conflict] = listConflictViews(a).filter((view) => view.field === 'end_date');
    expect(conflict.versions).toHaveLength(2);
    expect(conflict.before).toMatchObject({ value: null, author: 'Claire Martin' });
  });
});

describe('dossier partagé et échecs', () => {
  test("un passage du dossier partagé garde ce qu'il a changé, action par action, jusqu'au prochain passage qui apporte du nouveau", () => {
    const folder = tempDir();
    const { a, b } = pair();
    folderRound(a, folder, PASSPHRASE);
    folderRound(b, folder, PASSPHRASE);
    updateAction(b, 'a4-1', { status: 'bloque' });
    folderRound(b, folder, PASSPHRASE);
    folderRound(a, folder, PASSPHRASE);
    const kept = folderState(a).last_changes;
    expect(kept?.changes.actions).toEqual([
      { action_id: 'a4-1', reference: '4.1', title: title(a, 'a4-1'), lines: [expect.stringMatching(/^Statut : .* → Bloqué, par Marc Petit$/)] },
    ]);
    // Its file's journal entry names the action by its reference too (computed when read, not for each file of a round).
    const imported = listJournal(a).find((entry) => entry.kind === 'import');
    expect(imported?.kind === 'import' && imported.summary.action_changes.actions.map((action) => action.reference)).toEqual(['4.1']);
    // A round with nothing new keeps it.
    folderRound(a, folder, PASSPHRASE, { now: new Date(Date.now() + 60_000) });
    expect(folderState(a).last_changes).toEqual(kept);
  });

  test("un import refusé reste affiché jusqu'au prochain import réussi ; le journal garde les deux", () => {
    const { a, b } = pair();
    updateAction(b, 'a4-1', { progress: 30 });
    const file = exportFile(b, { secret: PASSPHRASE }).bytes;
    expect(() => importExchangeFile(a, file, 'une autre phrase de passe')).toThrow(/phrase de passe/);
    expect(lastImportFailure(a)?.message).toMatch(/phrase de passe/);
    importExchangeFile(a, file, PASSPHRASE);
    expect(lastImportFailure(a)).toBeNull();
    expect(
      listJournal(a)
        .map((entry) => entry.kind)
        .slice(0, 2),
    ).toEqual(['import', 'error']);
  });
});
