import { randomBytes } from 'node:crypto';
import { readdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { updateAction } from '../../db/actions/writes';
import { attach, attachmentContent, detach, listAttachments, MAX_ATTACHMENT_BYTES, receiveBlobs } from '../../db/attachments/store';
import { dump } from '../../db/project/dump';
import type { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import { syncFolder } from '../../db/sync/folder';
import { newReplica, tempDir } from './helpers';

const PASSPHRASE = 'jardin-lampe-rocher-cabane';
const send = (from: Store, to: Store) => importFile(to, exportFile(from, { secret: PASSPHRASE, forReplica: to.replicaId }).bytes, PASSPHRASE);
const blobCount = (store: Store) => store.db.prepare('SELECT count(*) FROM blob').pluck().get() as number;

describe('documents joints', () => {
  test("joint sur un poste, ouvert à l'identique sur l'autre après un fichier d'échange ; le même document joint deux fois est gardé une fois", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const convention = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(40_000)]);
    const id = attach(claire, 'a4-1', 'Convention signée.pdf', convention);
    const again = attach(claire, 'a5-1', 'Convention (copie).pdf', convention);
    expect(blobCount(claire)).toBe(1);
    expect(listAttachments(claire, 'a4-1')).toMatchObject([
      { id, name: 'Convention signée.pdf', size: convention.length, added_by_name: 'Claire Martin', available: true },
    ]);

    const summary = send(claire, nadia);
    expect(summary.documents).toBe(1);
    expect(attachmentContent(nadia, id).bytes.equals(convention)).toBe(true);
    expect(attachmentContent(nadia, again).bytes.equals(convention)).toBe(true);
    expect(blobCount(nadia)).toBe(1);
    send(nadia, claire);
    expect(dump(nadia)).toBe(dump(claire));

    // The next file carries no document: its bytes travelled once.
    updateAction(claire, 'a4-1', { progress: 10 });
    const next = exportFile(claire, { secret: PASSPHRASE, forReplica: nadia.replicaId }).bytes;
    expect(next.length).toBeLessThan(2_000);

    detach(claire, id);
    expect(listAttachments(claire, 'a4-1')).toEqual([]);
    expect(() => attach(claire, 'a4-1', 'vide.pdf', Buffer.alloc(0))).toThrow('est vide');
    expect(() => attach(claire, 'a4-1', 'énorme.pdf', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1))).toThrow('dépasse 25 Mo');
  });

  test('par le dossier partagé, un document de 20 Mo voyage dans son propre fichier ; les fichiers de modifications restent petits', () => {
    const folder = tempDir();
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const big = randomBytes(20 * 1024 * 1024);
    const id = attach(claire, 'a4-1', 'Note de cadrage.pdf', big);
    const written = syncFolder(claire, folder, PASSPHRASE);
    expect(written.documents).toEqual({ received: 0, written: 1 });
    const posteDir = join(folder, 'entente-p-coop-37-41', claire.replicaId!);
    const changeFile = join(posteDir, '00000001.entente');
    expect(statSync(changeFile).size).toBeLessThan(100_000);
    const [document] = readdirSync(join(posteDir, 'documents'));
    expect(statSync(join(posteDir, 'documents', document)).size).toBeGreaterThan(big.length);

    const round = syncFolder(nadia, folder, PASSPHRASE);
    expect(round.postponed).toEqual([]);
    expect(round.documents).toEqual({ received: 1, written: 0 });
    expect(attachmentContent(nadia, id).bytes.equals(big)).toBe(true);
    // Written once for the whole folder: Nadia does not copy it again.
    expect(readdirSync(join(folder, 'entente-p-coop-37-41', nadia.replicaId!))).not.toContain('documents');
  }, 60_000);

  test("une copie d'un document coupée dans le dossier partagé : un poste qui l'a en écrit une entière, où le suivant le prend", () => {
    const folder = tempDir();
    const [claire, nadia, marc] = [newReplica('Claire Martin', '37'), newReplica('Nadia Benali', '41'), newReplica('Marc Lefèvre', '41')];
    const id = attach(claire, 'a4-1', 'Convention.pdf', randomBytes(50_000));
    syncFolder(claire, folder, PASSPHRASE);
    syncFolder(nadia, folder, PASSPHRASE);
    // Claire's copy cut short since (a copy interrupted by the sync tool, a full disk).
    const claireDocuments = join(folder, 'entente-p-coop-37-41', claire.replicaId!, 'documents');
    const [name] = readdirSync(claireDocuments);
    truncateSync(join(claireDocuments, name), 1_000);
    const first = syncFolder(marc, folder, PASSPHRASE);
    expect(first.documents.received).toBe(0);
    expect(first.postponed).toEqual([{ file: `${claire.replicaId}/documents/${name}`, reason: expect.stringContaining('Endommagé ou incomplet') }]);
    // Nadia holds it: she writes a whole copy, and Marc takes it.
    expect(syncFolder(nadia, folder, PASSPHRASE).documents.written).toBe(1);
    const second = syncFolder(marc, folder, PASSPHRASE);
    expect(second.documents.received).toBe(1);
    expect(second.postponed).toEqual([]);
    expect(attachmentContent(marc, id).bytes.equals(attachmentContent(claire, id).bytes)).toBe(true);
  });

  test('un document annoncé mais pas encore arrivé est dit « en attente », et un document altéré est refusé', () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const id = attach(claire, 'a4-1', 'Compte rendu.docx', Buffer.from('contenu du compte rendu'));
    // Only the changes, as a shared folder's change file carries them.
    importFile(nadia, exportFile(claire, { secret: PASSPHRASE, withBlobs: false }).bytes, PASSPHRASE);
    expect(listAttachments(nadia, 'a4-1')[0].available).toBe(false);
    expect(() => attachmentContent(nadia, id)).toThrow("n'est pas encore arrivé sur cet ordinateur");
    expect(() => receiveBlobs(nadia, [{ sha256: listAttachments(nadia, 'a4-1')[0].sha256, bytes: Buffer.from('autre contenu') }])).toThrow(/altéré/);
    expect(listAttachments(nadia, 'a4-1')[0].available).toBe(false);
  });
});
