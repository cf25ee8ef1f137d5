// Which file links main opens, on each system (main/links.ts): the rule, without Electron;
// and an attached document opened: checked before it is written, a changed copy kept.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { tempDir } from '../db/helpers';

const opened = vi.hoisted(() => ({ paths: [] as string[], refusals: [] as string[] }));
vi.mock('electron', () => ({
  shell: {
    openPath: async (path: string) => {
      opened.paths.push(path);
      return '';
    },
  },
  dialog: {},
}));
vi.mock('../../main/dialogs', () => ({
  confirmOpenFile: async () => true,
  tellLinkRefused: async (_parent: unknown, message: string) => void opened.refusals.push(message),
}));
const { externalLinkVerdict, fileLinkVerdict, openDocument } = await import('../../main/links');

describe('liens de fichier', () => {
  test('un document local : ouvert par son chemin, décodé', () => {
    expect(fileLinkVerdict('file:///srv/cooperation/convention%20sign%C3%A9e.pdf', 'linux')).toEqual({ open: '/srv/cooperation/convention signée.pdf' });
    expect(fileLinkVerdict('file:///C:/Users/claire/Documents/note%20de%20cadrage.docx', 'win32')).toEqual({
      open: 'C:\\Users\\claire\\Documents\\note de cadrage.docx',
    });
    expect(fileLinkVerdict('file://localhost/home/claire/plan.xlsx', 'linux')).toEqual({ open: '/home/claire/plan.xlsx' });
  });

  test('un programme ou un script : refusé, quelle que soit la casse de son extension', () => {
    for (const name of [
      'setup.exe',
      'SETUP.EXE',
      'run.bat',
      'x.cmd',
      'raccourci.lnk',
      'maj.ps1',
      'a.vbs',
      'page.hta',
      'outil.js',
      'paquet.msi',
      'ecran.scr',
      'lancer.sh',
      'app.AppImage',
    ]) {
      const verdict = fileLinkVerdict(`file:///C:/outils/${name}`, 'win32');
      expect(verdict, name).toHaveProperty('refused');
      expect((verdict as { refused: string }).refused).toMatch(/programme ou un script/);
    }
  });

  test("un fichier d'un autre ordinateur (\\\\serveur\\partage, file://serveur/…) : refusé", () => {
    for (const platform of ['win32', 'linux'] as const) {
      const verdict = fileLinkVerdict('file://serveur-41/partage/note.pdf', platform);
      expect(verdict).toEqual({ refused: expect.stringMatching(/autre ordinateur du réseau \(serveur-41\)/) });
    }
  });

  test('un nom aux caractères invisibles (nul, sens de lecture) : refusé, le système le lirait autrement', () => {
    for (const [url, platform] of [
      ['file:///Z:/commun/outil.exe%00.pdf', 'win32'],
      ['file:///srv/commun/lanceur.desktop%00.pdf', 'linux'],
      ['file:///C:/commun/facture%E2%80%AEfdp.exe', 'win32'],
      ['file:///srv/commun/note%0A.pdf', 'linux'],
    ] as const) {
      expect(fileLinkVerdict(url, platform), url).toEqual({ refused: expect.stringMatching(/nom trompeur \(caractères invisibles\)/) });
    }
  });

  test('une adresse illisible : refusée avec elle', () => {
    expect(fileLinkVerdict('file://[nope', 'linux')).toEqual({ refused: expect.stringContaining('file://[nope') });
  });
});

describe('liens web et courriel', () => {
  test("une page web d'un hôte nommé, telle quelle ; ni hôte vide, ni identifiants dans l'adresse", () => {
    expect(externalLinkVerdict('https://www.touraine.fr/cooperation?onglet=2#bas')).toEqual({ open: 'https://www.touraine.fr/cooperation?onglet=2#bas' });
    expect(externalLinkVerdict('https://claire:secret@intranet.example/')).toEqual({ refused: expect.stringContaining("n'est pas une adresse de page web") });
    expect(externalLinkVerdict('http://')).toEqual({ refused: expect.stringContaining("n'est pas une adresse valable") });
  });

  test('un courriel à écrire : destinataires, objet et texte seulement, jamais un fichier à joindre', () => {
    expect(externalLinkVerdict('mailto:claire.martin@touraine.fr?subject=CODIRI%20de%20mars&body=Bonjour')).toEqual({
      open: 'mailto:claire.martin@touraine.fr?subject=CODIRI%20de%20mars&body=Bonjour',
    });
    expect(externalLinkVerdict('mailto:a@b.fr?Subject=Note&attach=/home/claire/.ssh/id_ed25519&attachment=C:%5Cx&cc=c@d.fr')).toEqual({
      open: 'mailto:a@b.fr?subject=Note&cc=c%40d.fr',
    });
    expect(externalLinkVerdict('mailto:a@b.fr?attach=/etc/passwd')).toEqual({ open: 'mailto:a@b.fr' });
  });
});

describe('document joint ouvert', () => {
  const sha = 'a'.repeat(64);

  test("un programme joint n'est ni écrit sur le disque ni ouvert", async () => {
    const dataDir = tempDir();
    await openDocument(dataDir, 'outil.exe', sha, Buffer.from('MZ'), undefined);
    expect(opened.refusals.at(-1)).toMatch(/jamais un programme ou un script/);
    expect(existsSync(join(dataDir, 'documents-ouverts'))).toBe(false);
  });

  test('ouvert de nouveau après avoir été modifié : la copie modifiée reste, le document joint s’ouvre à côté', async () => {
    const dataDir = tempDir();
    const original = Buffer.from('budget tel que joint');
    await openDocument(dataDir, 'Budget.xlsx', sha, original, undefined);
    const first = opened.paths.at(-1)!;
    expect(readFileSync(first)).toEqual(original);
    // Saved in place from Excel.
    writeFileSync(first, 'budget modifié');
    await openDocument(dataDir, 'Budget.xlsx', sha, original, undefined);
    const second = opened.paths.at(-1)!;
    expect(second).toBe(join(dataDir, 'documents-ouverts', sha.slice(0, 16), 'Budget (2).xlsx'));
    expect(readFileSync(first, 'utf8')).toBe('budget modifié');
    expect(readFileSync(second)).toEqual(original);
    // Unchanged since: opened as it is.
    await openDocument(dataDir, 'Budget.xlsx', sha, original, undefined);
    expect(opened.paths.at(-1)).toBe(second);
  });
});
