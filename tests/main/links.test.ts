// Which file links main opens, on each system (main/links.ts): the rule, without Electron.
import { describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => ({ shell: {}, dialog: {} }));
const { fileLinkVerdict } = await import('../../main/links');

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

  test('une adresse illisible : refusée avec elle', () => {
    expect(fileLinkVerdict('file://[nope', 'linux')).toEqual({ refused: expect.stringContaining('file://[nope') });
  });
});
