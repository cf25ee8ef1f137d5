// The partners' logos (Paramètres › Partenaires): checked, kept in the project as an
// attachment of the partner, printed in the documents, and carried to the other postes.
import { describe, expect, test } from 'vitest';
import { exportFile, importFile } from '../../db/sync/exchange';
import { syncFolder } from '../../db/sync/folder';
import { partnerLogos, removePartnerLogo, setPartnerLogo } from '../../db/people/logos';
import { minutesDocument } from '../../db/meetings/document';
import { attendanceSheetDocument, convocationDocument } from '../../db/meetings/convocation';
import { listAttachments } from '../../db/attachments/store';
import type { Store } from '../../db/store/store';
import { cast, codiri } from './meeting-fixtures';
import { newReplica, tempDir } from './helpers';
import { pngImage } from './images';

const PASSPHRASE = 'jardin-lampe-rocher-cabane';
const send = (from: Store, to: Store) => importFile(to, exportFile(from, { secret: PASSPHRASE, forReplica: to.replicaId }).bytes, PASSPHRASE);
const SVG = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>');

describe('les logos des partenaires', () => {
  test('PNG, JPEG ou SVG de 1 Mo au plus, sinon un refus en français ; un nouveau logo remplace le précédent, et se retire', () => {
    const store = newReplica();
    expect(() => setPartnerLogo(store, 'd37', 'logo.gif', Buffer.from('GIF89a……'))).toThrow(
      "« logo.gif » n'est pas une image PNG, JPEG ou SVG : choisissez le logo dans l'un de ces formats.",
    );
    expect(() => setPartnerLogo(store, 'd37', 'vide.png', Buffer.alloc(0))).toThrow('Le fichier « vide.png » est vide.');
    const huge = Buffer.concat([pngImage(2, 2), Buffer.alloc(1024 * 1024)]);
    expect(() => setPartnerLogo(store, 'd37', 'photo.png', huge)).toThrow('Le logo « photo.png » dépasse 1 Mo : choisissez une image plus légère.');
    expect(() => setPartnerLogo(store, 'd99', 'logo.png', pngImage(2, 2))).toThrow('Partenaire inconnu');

    setPartnerLogo(store, 'd37', 'cd37.png', pngImage(300, 100));
    setPartnerLogo(store, 'd41', 'cd41.svg', SVG);
    expect([...partnerLogos(store).values()].map((logo) => [logo.partner_id, logo.name, logo.type, logo.width, logo.height])).toEqual([
      ['d37', 'cd37.png', 'image/png', 300, 100],
      ['d41', 'cd41.svg', 'image/svg+xml', null, null],
    ]);
    setPartnerLogo(store, 'd37', 'cd37-2027.png', pngImage(120, 60));
    expect(listAttachments(store, 'd37').map((attachment) => attachment.name)).toEqual(['cd37-2027.png']);
    expect(partnerLogos(store).get('d37')).toMatchObject({ name: 'cd37-2027.png', width: 120, height: 60 });
    expect(partnerLogos(store).get('d37')!.data_url.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);

    removePartnerLogo(store, 'd41');
    expect(partnerLogos(store).has('d41')).toBe(false);
  });

  test("en tête du compte rendu, de la convocation et de l'émargement ; voyage par fichier d'échange et par le dossier partagé", () => {
    const claire = newReplica('Claire Martin', '37');
    const nadia = newReplica('Nadia Benali', '41');
    const logo = pngImage(200, 80);
    setPartnerLogo(claire, 'd37', 'Logo CD37.png', logo);
    const { meetingId } = codiri(claire, cast(claire));
    const printed = (store: Store) => minutesDocument(store, meetingId, 'compte_rendu').partners.map((partner) => [partner.id, partner.logo?.width ?? null]);
    expect(printed(claire)).toEqual([
      ['d37', 200],
      ['d41', null],
    ]);
    expect(convocationDocument(claire, meetingId).partners[0].logo?.data_url).toBe(`data:image/png;base64,${logo.toString('base64')}`);
    expect(attendanceSheetDocument(claire, meetingId).partners[0].logo).not.toBeNull();

    const summary = send(claire, nadia);
    expect(summary.documents).toBe(1);
    expect(printed(nadia)).toEqual(printed(claire));

    // Nadia sets Loir-et-Cher's: the shared folder brings it to Claire, bytes and all.
    const folder = tempDir();
    setPartnerLogo(nadia, 'd41', 'Logo CD41.png', pngImage(90, 90));
    syncFolder(nadia, folder, PASSPHRASE);
    const round = syncFolder(claire, folder, PASSPHRASE);
    expect(round.documents.received).toBe(1);
    expect(partnerLogos(claire).get('d41')).toMatchObject({ name: 'Logo CD41.png', width: 90, height: 90 });
  });
});
