import { describe, expect, test } from 'vitest';
import { check } from '../../db/project/check';
import { listConflicts } from '../../db/conflicts/versions';
import { listConflictViews } from '../../db/conflicts/reads';
import { resolveConflict } from '../../db/conflicts/writes';
import { dump } from '../../db/project/dump';
import { addEntry, addParticipant, deleteEntry, updateAgendaItem, updateEntry, updateMeeting, updateParticipant } from '../../db/meetings/writes';
import { minutesDocument } from '../../db/meetings/document';
import { amendMinutes, applyTacitValidations, sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { getMeeting, listMeetings } from '../../db/meetings/reads';
import type { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import { cast, codiri, type Cast } from './meeting-fixtures';
import { allChanges, newReplica } from './helpers';

const PASSPHRASE = 'une phrase de passe commune';

/** Claire's laptop (37) holding a CODIRI, and Marc's (41) that received it. */
function twoReplicas(): { a: Store; b: Store; people: Cast; minutes: ReturnType<typeof codiri> } {
  const a = newReplica('Claire Martin', '37', undefined, () => Date.UTC(2027, 2, 15, 14, 0));
  const b = newReplica('Marc Petit', '41', undefined, () => Date.UTC(2027, 2, 15, 15, 30));
  const people = cast(a);
  const minutes = codiri(a, people);
  meet(a, b);
  expect(dump(a)).toBe(dump(b));
  return { a, b, people, minutes };
}

/** An exchange of real sync files both ways. */
function meet(a: Store, b: Store): void {
  importFile(b, exportFile(a, { secret: PASSPHRASE }).bytes, PASSPHRASE);
  importFile(a, exportFile(b, { secret: PASSPHRASE }).bytes, PASSPHRASE);
}

describe('le même compte rendu modifié sur deux postes', () => {
  test('notes et décision modifiées en même temps : conflits avec les deux versions, rien de perdu ; résolus dans la vue Conflits', () => {
    const { a, b, minutes } = twoReplicas();
    const [rh] = minutes.items;
    updateAgendaItem(a, rh, { notes: 'Notes de Claire : 24 cadres formés, bilan très positif.' });
    updateAgendaItem(b, rh, { notes: 'Notes de Marc : 24 cadres, à reconduire en 2028.' });
    updateEntry(a, minutes.decisions.rh, { text: 'Le séminaire des cadres aura lieu le 24 juin, à Blois.' });
    updateEntry(b, minutes.decisions.rh, { text: 'Le séminaire des cadres aura lieu fin juin, à Tours.' });
    // Edits of other fields of the same minutes merge without conflict.
    updateMeeting(b, minutes.meetingId, { place: 'Hôtel du Département, Blois' });
    meet(a, b);

    for (const store of [a, b]) {
      const conflicts = listConflicts(store);
      expect(conflicts.map((conflict) => [conflict.entity, conflict.row_id, conflict.field])).toEqual([
        ['agenda_item', rh, 'notes'],
        ['entry', minutes.decisions.rh, 'text'],
      ]);
      expect(conflicts[0].versions.map((version) => version.value).sort()).toEqual([
        'Notes de Claire : 24 cadres formés, bilan très positif.',
        'Notes de Marc : 24 cadres, à reconduire en 2028.',
      ]);
      expect(conflicts[1].versions.map((version) => version.value).sort()).toEqual([
        'Le séminaire des cadres aura lieu fin juin, à Tours.',
        'Le séminaire des cadres aura lieu le 24 juin, à Blois.',
      ]);
      expect(getMeeting(store, minutes.meetingId).place).toBe('Hôtel du Département, Blois');
    }
    expect(dump(a)).toBe(dump(b));

    // Each row named as the table shows it: the décision by the text of the version shown.
    const views = listConflictViews(b);
    const shown = views[1].versions.find((version) => version.shown)!.value;
    expect(b.db.prepare('SELECT text FROM entry WHERE id = ?').pluck().get(minutes.decisions.rh)).toBe(shown);
    expect(views.map((view) => [view.row_label, view.meeting_id, view.action_id])).toEqual([
      ["Point « Point d’étape du chantier RH » de l'ordre du jour de la réunion « CODIRI du 15 mars 2027 »", minutes.meetingId, null],
      [`Décision « ${String(shown)} » du point « Point d’étape du chantier RH » de la réunion « CODIRI du 15 mars 2027 »`, minutes.meetingId, null],
    ]);
    expect(views[0].versions.map((version) => version.author).sort()).toEqual(['Claire Martin', 'Marc Petit']);

    resolveConflict(b, 'agenda_item', rh, 'notes', 'Notes communes : 24 cadres formés, à reconduire en 2028.');
    resolveConflict(a, 'entry', minutes.decisions.rh, 'text', 'Le séminaire des cadres aura lieu le 24 juin, à Blois.');
    meet(a, b);
    for (const store of [a, b]) {
      expect(listConflicts(store)).toEqual([]);
      const item = getMeeting(store, minutes.meetingId).agenda[0];
      expect(item.notes).toBe('Notes communes : 24 cadres formés, à reconduire en 2028.');
      expect(item.entries.find((entry) => entry.id === minutes.decisions.rh)).toMatchObject({
        number: 1,
        text: 'Le séminaire des cadres aura lieu le 24 juin, à Blois.',
      });
      expect(check(store).ok).toBe(true);
    }
    expect(dump(a)).toBe(dump(b));
  });

  test('la même personne ajoutée sur les deux postes : un seul participant', () => {
    const { a, b, minutes } = twoReplicas();
    const guest = addParticipant(b, minutes.meetingId, { name: 'Luc Girard', organisation: 'Préfecture' });
    // The person using laptop b, known to a once they have met, added on both sides.
    const marcOfB = b.personId!;
    meet(a, b);
    addParticipant(a, minutes.meetingId, { person_id: marcOfB, attendance: 'present' });
    addParticipant(b, minutes.meetingId, { person_id: marcOfB, attendance: 'present' });
    meet(a, b);
    for (const store of [a, b]) {
      const participants = getMeeting(store, minutes.meetingId).participants.filter((participant) => participant.person_id === marcOfB);
      expect(participants).toHaveLength(1);
      expect(getMeeting(store, minutes.meetingId).participants.map((participant) => participant.id)).toContain(guest);
      expect(listConflicts(store)).toEqual([]);
    }
  });

  test('validé par le silence sur les deux postes sans s’être vus : mêmes lignes, aucun conflit, aucune action en double', () => {
    const { a, b, minutes } = twoReplicas();
    sendForValidation(a, minutes.meetingId, '2027-03-18');
    meet(a, b);
    expect(applyTacitValidations(a, '2027-04-05').validated).toEqual([minutes.meetingId]);
    expect(applyTacitValidations(b, '2027-04-07').validated).toEqual([minutes.meetingId]);
    meet(a, b);
    for (const store of [a, b]) {
      expect(listConflicts(store)).toEqual([]);
      expect(getMeeting(store, minutes.meetingId)).toMatchObject({ validation_status: 'valide', validated_on: '2027-04-02', validation_unseen: [] });
      // Each validation's write is covered by its own mark only: the list's query points at the meeting, the exact reading clears it.
      expect(listMeetings(store).find((row) => row.id === minutes.meetingId)?.validation_unseen_count).toBe(0);
      expect(store.db.prepare("SELECT count(*) FROM action WHERE title = 'Organiser le séminaire des cadres de juin'").pluck().get()).toBe(1);
    }
    expect(dump(a)).toBe(dump(b));
  });

  test('modifié pendant sa validation, sans la connaître : la page du compte rendu validé et son document le disent ; ce que la validation avait reçu, non', () => {
    const { a, b, people, minutes } = twoReplicas();
    sendForValidation(a, minutes.meetingId, '2027-03-18');
    // Received by Marc before he validates: part of what he validated.
    updateEntry(a, minutes.decisions.approlys, { text: 'Le groupement de commandes Approlys est reconduit pour 2028.' });
    meet(a, b);
    // Meanwhile on Claire's laptop, which does not know of the validation yet.
    updateEntry(a, minutes.decisions.rh, { text: 'Le séminaire des cadres aura lieu à Tours, et non à Blois.' });
    const added = addEntry(a, minutes.items[1], { kind: 'decision', text: 'Le comité se réunira de nouveau en septembre.' });
    validateMinutes(b, minutes.meetingId, { validatedBy: people.marc, day: '2027-03-20' });
    expect(getMeeting(b, minutes.meetingId).validation_unseen).toEqual([]);
    expect(listMeetings(b).find((row) => row.id === minutes.meetingId)?.validation_unseen_count).toBe(0);
    meet(a, b);

    for (const store of [a, b]) {
      const meeting = getMeeting(store, minutes.meetingId);
      expect(meeting.validation_status).toBe('valide');
      expect(
        meeting.validation_unseen
          .map(({ row_label, added, fields, author }) => ({ row_label, added, fields, author }))
          .sort((x, y) => (x.added ? 1 : y.added ? -1 : 0)),
      ).toEqual([
        { row_label: expect.stringContaining('séminaire des cadres'), added: false, fields: ['Texte'], author: 'Claire Martin' },
        { row_label: expect.stringContaining('septembre'), added: true, fields: [], author: 'Claire Martin' },
      ]);
      expect(meeting.validation_unseen.flatMap((edit) => edit.refs).every(([origin]) => origin === a.replicaId)).toBe(true);
      // The list of meetings says so too, without reading the rows' labels.
      expect(listMeetings(store).find((row) => row.id === minutes.meetingId)?.validation_unseen_count).toBe(2);
      expect(minutesDocument(store, minutes.meetingId, 'compte_rendu').validation.sentence).toMatch(
        /^Validé le .* par .*Marc Petit.*\. Des modifications faites sur un ordinateur qui n'avait pas encore reçu la validation n'ont pas été validées\u00a0: à vérifier\.$/,
      );
      // Bookkeeping, not a conflict; the same on both laptops.
      expect(listConflicts(store)).toEqual([]);
    }
    expect(getMeeting(a, minutes.meetingId).agenda[1].entries.map((entry) => entry.id)).toContain(added);
    expect(dump(a)).toBe(dump(b));
  });

  test('pendant la validation, une fonction corrigée puis le conflit réglé en connaissance de cause ; une décision ajoutée puis supprimée : rien n’est signalé', () => {
    const { a, b, people, minutes } = twoReplicas();
    sendForValidation(a, minutes.meetingId, '2027-03-18');
    meet(a, b);
    // Claire, not knowing of the validation: Anne Leroy's function at the meeting corrected, a décision added by mistake and deleted.
    const anne = `${minutes.meetingId}:${people.anne}`;
    updateParticipant(a, anne, { function: 'Directrice générale adjointe' });
    deleteEntry(a, addEntry(a, minutes.items[0], { kind: 'decision', text: 'Saisie par erreur.' }));
    // Marc's validation writes the participants as they were that day: the function is in conflict.
    validateMinutes(b, minutes.meetingId, { validatedBy: people.marc, day: '2027-03-20' });
    meet(a, b);
    const listed = (store: Store) => getMeeting(store, minutes.meetingId).validation_unseen.map((edit) => [edit.row_label, edit.added, edit.fields]);
    for (const store of [a, b]) {
      expect(listed(store)).toEqual([[expect.stringContaining('Anne Leroy'), false, ['Fonction']]]);
      expect(listConflicts(store)).toMatchObject([{ entity: 'participant', row_id: anne, field: 'function' }]);
    }
    // Settled in Conflits by someone who sees the validation: made knowing it, no longer listed.
    resolveConflict(a, 'participant', anne, 'function', 'Directrice générale des services');
    meet(a, b);
    for (const store of [a, b]) {
      expect(listed(store)).toEqual([]);
      expect(listMeetings(store).find((row) => row.id === minutes.meetingId)?.validation_unseen_count).toBe(0);
      expect(minutesDocument(store, minutes.meetingId, 'compte_rendu').validation.sentence).toMatch(/^Validé le .* par .*Marc Petit.*\.$/);
    }
    expect(dump(a)).toBe(dump(b));
  });

  test('une version modificative faite sur les deux postes : une seule nouvelle version', () => {
    const { a, b, people, minutes } = twoReplicas();
    sendForValidation(a, minutes.meetingId, '2027-03-18');
    validateMinutes(a, minutes.meetingId, { validatedBy: people.marc, day: '2027-03-20' });
    meet(a, b);
    const fromA = amendMinutes(a, minutes.meetingId, 'Correction du lieu');
    const fromB = amendMinutes(b, minutes.meetingId, 'Correction du lieu');
    expect(fromA).toBe(fromB);
    meet(a, b);
    for (const store of [a, b]) {
      expect(listConflicts(store)).toEqual([]);
      expect(getMeeting(store, fromA).agenda.map((item) => item.entries.length)).toEqual([2, 1]);
    }
    expect(dump(a)).toBe(dump(b));
  });
});

test('une réunion arrivée en partie (un trou dans les échanges) n’apparaît qu’une fois complète', () => {
  const a = newReplica('Claire Martin', '37');
  const b = newReplica('Marc Petit', '41');
  const { meetingId } = codiri(a, cast(a));
  const changes = allChanges(a);
  const withoutDate = changes.filter((change) => !(change.entity === 'meeting' && change.field === 'date'));
  b.applyChanges(withoutDate);
  expect(listMeetings(b)).toEqual([]);
  expect(() => getMeeting(b, meetingId)).toThrow(/introuvable/);
  expect(applyTacitValidations(b, '2030-01-01')).toEqual({ validated: [], blocked: [] });
  b.applyChanges(changes);
  expect(listMeetings(b).map((row) => row.id)).toEqual([meetingId]);
  expect(getMeeting(b, meetingId)).toEqual(getMeeting(a, meetingId));
});

describe('« À arbitrer » d’un poste à l’autre', () => {
  test('un point marqué à arbitrer sur un poste l’est sur l’autre, puis décoché', () => {
    const { a, b, minutes } = twoReplicas();
    const [rh] = minutes.items;
    const arbitrated = (store: Store) => getMeeting(store, minutes.meetingId).agenda.find((item) => item.id === rh)!.to_arbitrate;
    expect(arbitrated(b)).toBe(false);
    updateAgendaItem(a, rh, { to_arbitrate: true });
    meet(a, b);
    expect(arbitrated(b)).toBe(true);
    updateAgendaItem(b, rh, { to_arbitrate: false });
    meet(a, b);
    expect(arbitrated(a)).toBe(false);
    expect(dump(a)).toBe(dump(b));
  });
});
