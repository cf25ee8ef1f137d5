import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { databaseFile } from '../../db/paths';
import { Store } from '../../db/store/store';
import type { ActionRow } from '../../db/actions/types';
import { buildCli, tempDir, track } from './helpers';

let CLI: string;
const PASSPHRASE = 'Chambord 2026 coopération';

beforeAll(async () => {
  CLI = await buildCli('cli');
}, 60_000);

function ententeWith(passphrase: string, dataDir: string, ...args: string[]) {
  const env = { ...process.env, ENTENTE_PASSPHRASE: passphrase };
  const result = spawnSync(process.execPath, [CLI, '--data', dataDir, ...args], { encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const entente = (dataDir: string, ...args: string[]) => ententeWith(PASSPHRASE, dataDir, ...args);

function ok(dataDir: string, ...args: string[]): string {
  const result = entente(dataDir, ...args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

function fails(dataDir: string, ...args: string[]): string {
  const result = entente(dataDir, ...args);
  expect(result.code).toBe(1);
  return result.stderr;
}

const listed = (dataDir: string) => JSON.parse(ok(dataDir, 'action', 'list', '--json')) as ActionRow[];

// Each command is a new Node process: slow on a busy machine.
describe('entente', { timeout: 60_000 }, () => {
  test('init, info, action add/set/list, dump, backup, check', () => {
    const dir = tempDir();
    expect(ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37', '--function', 'Cheffe de projet')).toMatch(/^Poste \w+ créé/);
    const info = JSON.parse(ok(dir, 'info'));
    expect(info.project).toEqual({ id: 'p-coop-37-41', name: 'Coopération Indre-et-Loire – Loir-et-Cher' });
    expect(info.replica).toMatchObject({ id: expect.any(String), person_name: 'Claire Martin', partner_id: 'd37' });
    expect(info.counts).toMatchObject({ partners: 2, people: 1, chantiers: 9, actions: 14, meetings: 0, pistes: 0, conflicts: 0 });

    const id = ok(
      dir,
      'action',
      'add',
      '--chantier',
      '4',
      '--title',
      'Séminaire des cadres',
      'status=en_cours',
      'progress=20',
      'finalites=innovation,echange_pratiques',
    ).trim();
    expect(listed(dir).find((row) => row.id === id)).toMatchObject({ chantier_number: 4, title: 'Séminaire des cadres', status: 'en_cours', progress: 20 });
    ok(dir, 'action', 'set', id, 'progress=55', 'end_date=2020-12-31', 'priority=null');
    expect(listed(dir).find((row) => row.id === id)).toMatchObject({ progress: 55, end_date: '2020-12-31', priority: null, late: true });
    expect(ok(dir, 'action', 'list')).toMatch(/Séminaire des cadres/);
    expect(JSON.parse(ok(dir, 'info')).counts.actions).toBe(15);

    const state = JSON.parse(ok(dir, 'dump'));
    expect(state.entities.action.find((row: { id: string }) => row.id === id)).toMatchObject({ finalites: ['innovation', 'echange_pratiques'], progress: 55 });

    const copy = join(tempDir(), 'copie.sqlite');
    expect(ok(dir, 'backup', copy)).toMatch(/^Sauvegarde écrite/);
    expect(existsSync(`${copy}-wal`)).toBe(false);
    const backup = track(Store.open(copy));
    expect(backup.db.prepare('SELECT progress FROM action WHERE id = ?').pluck().get(id)).toBe(55);
    backup.close();

    expect(ok(dir, 'check')).toBe('Aucun problème détecté.\n');
    const raw = new Database(databaseFile(dir));
    raw.prepare('UPDATE action SET progress = 99 WHERE id = ?').run(id);
    raw.close();
    const checked = entente(dir, 'check');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/Table action : 1 ligne/);
  });

  test('refusals exit 1 with a French sentence', () => {
    const dir = tempDir();
    expect(fails(dir, 'info')).toMatch(/^Aucune base de données dans .* : lancez d'abord « entente init »\./);
    expect(existsSync(databaseFile(dir))).toBe(false);
    expect(fails(dir, 'init', '--as', 'Claire Martin', '--partner', '99')).toBe('Partenaire inconnu : 99. Codes possibles : 37, 41.\n');
    expect(fails(dir, 'init', '--partner', '37')).toBe("L'option --as est obligatoire.\n");
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    expect(fails(dir, 'init', '--as', 'Claire Martin', '--partner', '37')).toMatch(/contient déjà un projet/);
    expect(fails(dir, 'action', 'add', '--chantier', '99', '--title', 'X')).toBe('Chantier inconnu : 99.\n');
    expect(fails(dir, 'action', 'add', '--chantier', '1', '--title', ' ')).toBe("Le titre de l'action ne peut pas être vide.\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'progress=150')).toBe("L'avancement est compris entre 0 et 100 %.\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'progress=beaucoup')).toBe("L'avancement doit être un nombre.\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'end_date=2026-02-30')).toBe('La date de fin prévisionnelle : date impossible (format attendu AAAA-MM-JJ).\n');
    expect(fails(dir, 'action', 'set', 'a1-1', 'start_date=2026-05-02', 'end_date=2026-05-01')).toBe(
      'La date de fin prévisionnelle ne peut pas précéder la date de début.\n',
    );
    expect(fails(dir, 'action', 'set', 'a1-1', 'couleur=bleu')).toBe("Champ inconnu pour l'action : couleur.\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'progress')).toMatch(/^Argument inattendu : progress/);
    expect(fails(dir, 'action', 'frobnicate')).toMatch(/^Commande inconnue : action frobnicate/);
    expect(fails(dir, '--verbose', 'info')).toMatch(/^Option inconnue : --verbose/);
    expect(fails(dir)).toMatch(/^Commande manquante/);
    expect(ok(dir, '--help')).toMatch(/^Usage : entente/);
  });

  test('invite puis join : le nouveau poste reçoit tout le projet sous un identifiant neuf ; une invitation refusée le laisse sans projet', () => {
    const claire = tempDir();
    ok(claire, 'init', '--as', 'Claire Martin', '--partner', '37');
    const action = ok(claire, 'action', 'add', '--chantier', '4', '--title', 'Séminaire des cadres').trim();
    const claireId = JSON.parse(ok(claire, 'info')).replica.id as string;
    const invitation = join(tempDir(), 'invitation.entente');
    expect(fails(claire, 'invite')).toBe("L'option --out est obligatoire.\n");
    expect(ok(claire, 'invite', '--out', invitation)).toMatch(
      /^Invitation écrite dans .*invitation\.entente : \d+ modification\(s\) du projet p-coop-37-41\.\nDonnez la phrase de passe/,
    );
    expect(readdirSync(dirname(invitation))).toEqual(['invitation.entente']);

    const marc = join(tempDir(), 'marc');
    const joinAs = ['--as', 'Marc Lefèvre', '--partner', '41', '--function', 'Chargé de mission', '--label', 'Portable DRH'];
    expect(ententeWith('', marc, 'join', invitation, ...joinAs)).toMatchObject({
      code: 1,
      stderr: 'Phrase de passe manquante : définissez ENTENTE_PASSPHRASE.\n',
    });
    expect(existsSync(marc)).toBe(false);
    expect(ententeWith('Chambord 2026 cooperation', marc, 'join', invitation, ...joinAs)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^La phrase de passe ne correspond pas/),
    });
    const truncated = join(tempDir(), 'tronquee.entente');
    const whole = readFileSync(invitation);
    writeFileSync(truncated, whole.subarray(0, whole.length - 300));
    expect(fails(marc, 'join', truncated, ...joinAs)).toMatch(/^Ce fichier d'échange est endommagé ou incomplet/);
    expect(fails(marc, 'info')).toMatch(/pas encore de projet/);

    const joined =
      /^Projet « Coopération Indre-et-Loire – Loir-et-Cher » \(p-coop-37-41\) rejoint : poste ([0-9a-z]{12}) créé dans .*, (\d+) modification\(s\) reçue\(s\)\.\n$/.exec(
        ok(marc, 'join', invitation, ...joinAs),
      );
    expect(joined).not.toBeNull();
    const info = JSON.parse(ok(marc, 'info'));
    expect(info.replica).toEqual({ id: joined![1], person_id: expect.any(String), person_name: 'Marc Lefèvre', partner_id: 'd41' });
    expect(joined![1]).not.toBe(claireId);
    expect(listed(marc).find((row) => row.id === action)).toMatchObject({ title: 'Séminaire des cadres' });
    const before = ok(marc, 'dump');
    expect(fails(marc, 'join', invitation, ...joinAs)).toBe('Ce dossier de données contient déjà un projet.\n');
    expect(ok(marc, 'dump')).toBe(before);

    // Marc's first file for Claire holds only his own changes; then both hold the same.
    const fromMarc = join(tempDir(), 'marc.entente');
    const exported = Number(/^(\d+) modification/.exec(ok(marc, 'export', '--to', fromMarc, '--for', claireId))![1]);
    expect(exported).toBeLessThan(Number(joined![2]));
    ok(claire, 'import', fromMarc);
    expect(ok(claire, 'dump')).toBe(ok(marc, 'dump'));

    // A file that is not a full export is not an invitation.
    const forMarc = join(tempDir(), 'pour-marc.entente');
    ok(claire, 'export', '--to', forMarc, '--for', joined![1]);
    expect(fails(tempDir(), 'join', forMarc, ...joinAs)).toBe(
      "Ce fichier d'échange ne contient pas tout l'historique du projet : demandez une invitation (Paramètres › Inviter un nouveau poste) au poste qui vous l'a envoyé.\n",
    );
  });

  test("sync-folder : un fichier illisible d'un inconnu est nommé, le passage se fait et sort avec 0", () => {
    const dataDir = tempDir();
    ok(dataDir, 'init', '--as', 'Claire Martin', '--partner', '37');
    const folder = tempDir();
    const strangerDir = join(folder, 'entente-p-coop-37-41', 'zzzzzzzzzzz9');
    mkdirSync(strangerDir, { recursive: true });
    writeFileSync(join(strangerDir, '00000001.entente'), 'pas un fichier Entente');
    const result = entente(dataDir, 'sync-folder', folder);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("zzzzzzzzzzz9/00000001.entente : repris au prochain passage (Ce fichier n'est pas un fichier d'échange Entente.");
    expect(result.stdout).toMatch(/\d+ modification\(s\) écrite\(s\) dans /);
    expect(fails(dataDir, 'sync-folder', join(folder, 'absent'))).toMatch(/Dossier partagé introuvable/);
  });

  test('postes, revoke, passphrase change : les clés et la révocation depuis un terminal', () => {
    const [claire, nadia] = [tempDir(), tempDir()];
    // With ENTENTE_PASSPHRASE, init makes the poste's keys; a new passphrase has 12 characters at least.
    const short = ententeWith('onze lettre', claire, 'init', '--as', 'Claire Martin', '--partner', '37');
    expect([short.code, short.stderr]).toEqual([1, 'La phrase de passe doit compter au moins 12 caractères.\n']);
    expect(ok(claire, 'init', '--as', 'Claire Martin', '--partner', '37')).toMatch(/créé dans .*, avec ses clés\./);
    ok(nadia, 'init', '--as', 'Nadia Benali', '--partner', '41');
    const file = join(nadia, 'nadia.entente');
    ok(nadia, 'export', '--to', file);
    ok(claire, 'import', file);

    const postes = JSON.parse(ok(claire, 'postes', '--json')) as { id: string; person_name: string; fingerprint: string; is_this_laptop: boolean }[];
    expect(postes.map((poste) => [poste.person_name, poste.is_this_laptop])).toEqual([
      ['Claire Martin', true],
      ['Nadia Benali', false],
    ]);
    expect(postes.every((poste) => /^[0-9A-F]{4}( [0-9A-F]{4}){3}$/.test(poste.fingerprint))).toBe(true);
    const nadiaId = postes[1].id;
    expect(ok(claire, 'postes')).toContain(`clé : ${postes[1].fingerprint}`);

    expect(ok(claire, 'revoke', nadiaId)).toMatch(/^poste de Nadia Benali \(Loir-et-Cher\) révoqué : ses modifications après la n° \d+ seront refusées/);
    expect(fails(claire, 'revoke', nadiaId)).toBe('Le poste de Nadia Benali (Loir-et-Cher) est déjà révoqué.\n');
    expect(ok(claire, 'postes')).toContain('RÉVOQUÉ par le poste de Claire Martin (Indre-et-Loire)');

    const next = 'prairie-violon-nuage-tambour';
    const changed = spawnSync(process.execPath, [CLI, '--data', claire, 'passphrase', 'change'], {
      encoding: 'utf8',
      env: { ...process.env, ENTENTE_PASSPHRASE: PASSPHRASE, ENTENTE_NEW_PASSPHRASE: next },
    });
    expect([changed.status, changed.stderr]).toEqual([0, '']);
    expect(fails(claire, 'export', '--to', join(claire, 'x.entente'))).toMatch(/^C'est l'ancienne phrase de passe du projet/);
    expect(ententeWith(next, claire, 'import', file).code).toBe(0);
  });

  test('action show : la fiche et son historique, qui, sur quel poste, ancienne → nouvelle valeur ; --field, --json', () => {
    const [claire, nadia] = [tempDir(), tempDir()];
    ok(claire, 'init', '--as', 'Claire Martin', '--partner', '37', '--label', 'Portable de Claire');
    ok(nadia, 'init', '--as', 'Nadia Benali', '--partner', '41', '--label', 'Portable DRH 41');
    ok(nadia, 'action', 'set', 'a4-1', 'status=en_cours', 'progress=40');
    const file = join(nadia, 'nadia.entente');
    ok(nadia, 'export', '--to', file);
    ok(claire, 'import', file);
    ok(claire, 'action', 'set', 'a4-1', 'end_date=2027-06-30');
    expect(ok(claire, '--help')).toContain('action show ID [--json] [--field CHAMP]');

    const text = ok(claire, 'action', 'show', 'a4-1');
    expect(text).toMatch(/^Organisation d'une formation commune à la gestion de projet\n {2}a4-1 · Chantier 4 · /);
    expect(text).toContain('Statut : En cours · Priorité : Moyenne · Avancement : 40 %');
    expect(text).toContain('Date de fin prévisionnelle : 30 juin 2027');
    const history = text.slice(text.indexOf('Historique ('));
    const at = String.raw`\d{1,2}(er)? [a-zéû]+ \d{4} à \d{1,2} h( \d{2})?`;
    // Newest first: Claire's end date on this poste, then Nadia's edit from hers, then the default dataset.
    expect(history).toMatch(
      new RegExp(
        [
          String.raw`^Historique \(8 modifications\)`,
          String.raw` {2}${at} · Claire Martin \(Indre-et-Loire\), poste « Portable de Claire » \(ce poste\)`,
          String.raw` {4}Date de fin prévisionnelle : \(vide\) → 30 juin 2027`,
          String.raw` {2}${at} · Nadia Benali \(Loir-et-Cher\), poste « Portable DRH 41 »`,
          String.raw` {4}Avancement : 0 % → 40 %`,
          String.raw` {4}Statut : À venir → En cours`,
          String.raw` {2}Données de départ`,
          String.raw` {4}Titre : Organisation d'une formation commune à la gestion de projet \(création\)`,
        ].join('\n'),
      ),
    );

    const onlyStatus = ok(claire, 'action', 'show', 'a4-1', '--field', 'status');
    const statusLines = onlyStatus.slice(onlyStatus.indexOf('Historique (')).split('\n');
    expect(statusLines[1]).toMatch(new RegExp(String.raw`^ {2}${at} · Nadia Benali \(Loir-et-Cher\), poste « Portable DRH 41 »$`));
    expect([statusLines[0], ...statusLines.slice(2)]).toEqual([
      'Historique (2 modifications)',
      '    Statut : À venir → En cours',
      '  Données de départ',
      '    Statut : À venir (création)',
      '',
    ]);

    const shown = JSON.parse(ok(claire, 'action', 'show', 'a4-1', '--json'));
    expect(shown.action).toMatchObject({ id: 'a4-1', status: 'en_cours', progress: 40, end_date: '2027-06-30' });
    expect(shown.chantier).toMatchObject({ id: 'c4', number: 4 });
    expect(shown.pilots.map((pilot: { partner_name: string }) => pilot.partner_name)).toEqual(['Indre-et-Loire', 'Loir-et-Cher']);
    const nadiaStatus = shown.history.entries.find(
      (entry: { field: string; author: { person_name: string } }) => entry.field === 'status' && entry.author.person_name === 'Nadia Benali',
    );
    expect(nadiaStatus).toMatchObject({
      author: { label: 'Nadia Benali (Loir-et-Cher)', laptop: 'Portable DRH 41' },
      this_laptop: false,
      kind: 'changed',
      before: [{ origin: 'seed', author: 'Données de départ', value: 'a_venir', text: 'À venir', known: true }],
      after: { value: 'en_cours', text: 'En cours' },
    });
    expect(Date.parse(nadiaStatus.at)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(shown.history.fields.map((field: { key: string }) => field.key)).toEqual(['progress', 'chantier_id', 'end_date', 'priority', 'status', 'title']);

    expect(fails(claire, 'action', 'show', 'a99-9')).toBe("L'action a99-9 est introuvable (supprimée ou inconnue).\n");
    expect(fails(claire, 'action', 'show')).toBe('Usage : entente action show ID [--json] [--field CHAMP]\n');
  });

  test('indicator add et value ; action show les montre avec leurs valeurs', () => {
    const dir = tempDir();
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    const id = ok(dir, 'indicator', 'add', 'a4-1', '--name', 'Agents en mobilité', '--unit', 'agents', '--target', '40', '--target-date', '2027-12-31').trim();
    expect(id).toMatch(/^[0-9a-z]{12}$/);
    ok(dir, 'indicator', 'value', id, '--date', '2027-03-31', '--value', '12,5', '--comment', 'Premier trimestre');
    expect(fails(dir, 'indicator', 'value', id, '--date', '2027-02-30', '--value', '3')).toMatch(/date impossible/);
    expect(fails(dir, 'indicator', 'value', id, '--date', '2027-04-30', '--value', 'beaucoup')).toBe('Nombre attendu : « beaucoup ».\n');
    const shown = ok(dir, 'action', 'show', 'a4-1');
    expect(shown).toContain(`Agents en mobilité [${id}] · cible 40 agents au 31 décembre 2027`);
    expect(shown).toContain('31 mars 2027 : 12,5 agents (Claire Martin) — Premier trimestre');
    const json = JSON.parse(ok(dir, 'action', 'show', 'a4-1', '--json'));
    expect(json.indicators[0]).toMatchObject({ id, latest: { value: 12.5 }, gap: 27.5 });
    expect(json.budget).toMatchObject({ lines: [], fundings: [] });
  });

  test("attach, attachments, attachment save : un document joint voyage et s'enregistre à l'identique", () => {
    const [claire, nadia] = [tempDir(), tempDir()];
    ok(claire, 'init', '--as', 'Claire Martin', '--partner', '37');
    ok(nadia, 'init', '--as', 'Nadia Benali', '--partner', '41');
    const pdf = join(claire, 'Convention signée.pdf');
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('é'.repeat(5000))]);
    writeFileSync(pdf, bytes);
    const id = ok(claire, 'attach', 'a4-1', pdf).trim();
    const listed = JSON.parse(ok(claire, 'attachments', 'a4-1', '--json'));
    expect(listed).toEqual([
      expect.objectContaining({
        id,
        name: 'Convention signée.pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        available: true,
      }),
    ]);
    const file = join(claire, 'pour-nadia.entente');
    ok(claire, 'export', '--to', file);
    ok(nadia, 'import', file);
    const copy = join(nadia, 'copie.pdf');
    expect(ok(nadia, 'attachment', 'save', id, '--to', copy)).toContain('« Convention signée.pdf » enregistré');
    expect(readFileSync(copy).equals(bytes)).toBe(true);
    expect(fails(nadia, 'attach', 'a4-1', join(nadia, 'absent.pdf'))).toMatch(/introuvable/);
  });
});
