// Reading back the PDFs Chromium writes (main/pdf.ts): the pages, and the outline a sommaire's numbers come from.
import { describe, expect, test } from 'vitest';
import { pdfOutline, pdfPageCount } from '../../main/pdf';

/** A PDF as Skia writes one: a page tree two levels deep, an outline with a literal and a UTF-16 title. */
function pdf(): Buffer {
  const utf16 = (text: string) => `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
  const objects = [
    '1 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Outlines 20 0 R>>\nendobj',
    '2 0 obj\n<</Type /Pages\n/Kids [3 0 R 4 0 R]\n/Count 3>>\nendobj',
    '3 0 obj\n<</Type /Pages\n/Parent 2 0 R\n/Kids [10 0 R 11 0 R]\n/Count 2>>\nendobj',
    '4 0 obj\n<</Type /Pages\n/Parent 2 0 R\n/Kids [12 0 R]\n/Count 1>>\nendobj',
    // Pages written out of their order: the tree gives it.
    '12 0 obj\n<</Type /Page\n/Parent 4 0 R\n/Resources <</Font <</F1 30 0 R>>>>>>\nendobj',
    '10 0 obj\n<</Type /Page\n/Parent 3 0 R>>\nendobj',
    '11 0 obj\n<</Type /Page\n/Parent 3 0 R>>\nendobj',
    '20 0 obj\n<</Type /Outlines\n/First 21 0 R\n/Count 3>>\nendobj',
    '21 0 obj\n<</Title (Couverture \\(projet\\) \\\\ 2027)\n/Dest [10 0 R /XYZ 7 831 0]\n/Next 22 0 R>>\nendobj',
    `22 0 obj\n<</Title ${utf16('3. Les chantiers « à jour »')}\n/Dest [11 0 R /XYZ 7 824 0]\n/First 23 0 R>>\nendobj`,
    `23 0 obj\n<</Title ${utf16('Chantier 9 · Numérique')}\n/Dest [12 0 R /XYZ 7 790 0]>>\nendobj`,
    '40 0 obj\n<</Title (Dossier du CODIRI)\n/Producer (Skia/PDF)>>\nendobj',
  ];
  return Buffer.from(`%PDF-1.4\n${objects.join('\n')}\n%%EOF\n`, 'latin1');
}

describe('PDF écrit par Chromium', () => {
  test('ses pages, et son plan : chaque titre avec sa page, dans l’ordre de l’arbre des pages', () => {
    expect(pdfPageCount(pdf())).toBe(3);
    expect(pdfOutline(pdf())).toEqual([
      { title: 'Couverture (projet) \\ 2027', page: 1 },
      { title: '3. Les chantiers « à jour »', page: 2 },
      { title: 'Chantier 9 · Numérique', page: 3 },
    ]);
  });

  test('sans plan, ou illisible : aucun titre, sans erreur', () => {
    expect(pdfOutline(Buffer.from('%PDF-1.4\n1 0 obj\n<</Type /Pages\n/Kids [2 0 R]>>\nendobj\n'))).toEqual([]);
    expect(pdfOutline(Buffer.from('pas un PDF'))).toEqual([]);
    // A UTF-16 title cut in the middle of a character: what is whole is kept.
    const cut = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<</Type /Pages\n/Kids [2 0 R]>>\nendobj\n2 0 obj\n<</Type /Page>>\nendobj\n3 0 obj\n<</Title <FEFF0041004200>\n/Dest [2 0 R /XYZ 0 0 0]>>\nendobj\n',
    );
    expect(pdfOutline(cut)).toEqual([{ title: 'AB', page: 1 }]);
    expect(pdfPageCount(Buffer.from('pas un PDF'))).toBeUndefined();
  });
});
