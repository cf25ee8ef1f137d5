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
import { addAgendaItem, addEntry, createMeeting, READ_ONLY_MESSAGE } from '../../db/meetings/writes';
import { sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { createPerson } from '../../db/people/writes';
import { readDocx } from './docx-reader';

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
    expect(ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37', '--function', 'Cheffe de projet')).toMatch(/^Ordinateur \w+ créé/);
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
    expect(listed(dir).find((row) => row.id === id)).toMatchObject({
      chantier_number: 4,
      reference: '4.5',
      title: 'Séminaire des cadres',
      status: 'en_cours',
      progress: 20,
    });
    ok(dir, 'action', 'set', id, 'progress=55', 'end_date=2020-12-31', 'priority=null', 'to_arbitrate=oui');
    expect(listed(dir).find((row) => row.id === id)).toMatchObject({ progress: 55, end_date: '2020-12-31', priority: null, late: true, to_arbitrate: true });
    expect(ok(dir, 'action', 'list')).toMatch(/^Réf\. .*\n(.*\n)*4\.5 +En cours .*Séminaire des cadres\n/);
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
    expect(fails(dir, 'info')).toMatch(/^Aucune coopération dans .* : lancez d'abord « entente init »/);
    expect(existsSync(databaseFile(dir))).toBe(false);
    expect(fails(dir, 'init', '--as', 'Claire Martin', '--partner', '99')).toBe('Partenaire inconnu : 99. Codes possibles : 37, 41.\n');
    expect(fails(dir, 'init', '--partner', '37')).toBe("L'option --as est obligatoire.\n");
    // A failed init leaves no database that would answer as an empty cooperation.
    expect(existsSync(databaseFile(dir))).toBe(false);
    expect(fails(dir, 'action', 'list')).toMatch(/^Aucune coopération dans /);
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    expect(fails(dir, 'init', '--as', 'Claire Martin', '--partner', '37')).toMatch(/contient déjà une coopération/);
    expect(fails(dir, 'action', 'add', '--chantier', '99', '--title', 'X')).toBe('Chantier inconnu : 99.\n');
    expect(fails(dir, 'action', 'add', '--chantier', '1', '--title', ' ')).toBe("Le titre de l'action ne peut pas être vide.\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'progress=150')).toBe("L'avancement est compris entre 0 et 100 %.\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'progress=beaucoup')).toBe("L'avancement doit être un nombre.\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'end_date=2026-02-30')).toBe("L'échéance : date impossible (format attendu AAAA-MM-JJ).\n");
    expect(fails(dir, 'action', 'set', 'a1-1', 'start_date=2026-05-02', 'end_date=2026-05-01')).toBe("L'échéance ne peut pas précéder la date de début.\n");
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
      /^Invitation écrite dans .*invitation\.entente : \d+ mise\(s\) à jour de la coopération p-coop-37-41\.\nDonnez la phrase de passe/,
    );
    expect(readdirSync(dirname(invitation))).toEqual(['invitation.entente']);

    const marc = join(tempDir(), 'marc');
    const joinAs = ['--as', 'Marc Lefèvre', '--partner', '41', '--function', 'Chargé de mission', '--label', 'Portable DRH'];
    expect(ententeWith('', marc, 'join', invitation, ...joinAs)).toMatchObject({
      code: 1,
      stderr: 'Phrase de passe manquante : définissez ENTENTE_PASSPHRASE.\n',
    });
    expect(existsSync(marc)).toBe(false);
    // The passphrase given with the invitation, mistyped: no advice about a passphrase changed elsewhere.
    expect(ententeWith('Chambord 2026 cooperation', marc, 'join', invitation, ...joinAs)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "La phrase de passe ne correspond pas à celle de cette invitation. Vérifiez celle qu'on vous a donnée avec elle (elle distingue majuscules et minuscules). Rien n'a été créé.\n",
    });
    const truncated = join(tempDir(), 'tronquee.entente');
    const whole = readFileSync(invitation);
    writeFileSync(truncated, whole.subarray(0, whole.length - 300));
    expect(fails(marc, 'join', truncated, ...joinAs)).toMatch(/^Ce fichier d'échange est endommagé ou incomplet/);
    expect(fails(marc, 'info')).toMatch(/^Aucune coopération dans /);
    expect(existsSync(databaseFile(marc))).toBe(false);

    const joined =
      /^Coopération rejointe : « Coopération Indre-et-Loire – Loir-et-Cher » \(p-coop-37-41\) ; ordinateur ([0-9a-z]{12}) créé dans .*, (\d+) mise\(s\) à jour reçue\(s\)\.\n$/.exec(
        ok(marc, 'join', invitation, ...joinAs),
      );
    expect(joined).not.toBeNull();
    const info = JSON.parse(ok(marc, 'info'));
    expect(info.replica).toEqual({ id: joined![1], person_id: expect.any(String), person_name: 'Marc Lefèvre', partner_id: 'd41' });
    expect(joined![1]).not.toBe(claireId);
    expect(listed(marc).find((row) => row.id === action)).toMatchObject({ title: 'Séminaire des cadres' });
    const before = ok(marc, 'dump');
    expect(fails(marc, 'join', invitation, ...joinAs)).toBe('Ce dossier de données contient déjà une coopération.\n');
    expect(ok(marc, 'dump')).toBe(before);

    // Marc's first file for Claire holds only his own changes; then both hold the same.
    const fromMarc = join(tempDir(), 'marc.entente');
    const exported = Number(/^(\d+) mise\(s\) à jour/.exec(ok(marc, 'export', '--to', fromMarc, '--for', claireId))![1]);
    expect(exported).toBeLessThan(Number(joined![2]));
    ok(claire, 'import', fromMarc);
    expect(ok(claire, 'dump')).toBe(ok(marc, 'dump'));

    // A file that is not a full export is not an invitation.
    const forMarc = join(tempDir(), 'pour-marc.entente');
    ok(claire, 'export', '--to', forMarc, '--for', joined![1]);
    expect(fails(tempDir(), 'join', forMarc, ...joinAs)).toBe(
      "Ce fichier d'échange ne contient pas tout l'historique de la coopération : demandez une invitation (Paramètres › Inviter un nouvel ordinateur) à la personne qui vous l'a envoyé.\n",
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
    expect(result.stdout).toContain(
      "zzzzzzzzzzz9/00000001.entente : mis de côté, essayé de nouveau au prochain passage (Ce n'est pas un fichier d'échange Entente.)",
    );
    expect(result.stdout).toMatch(/\d+ mise\(s\) à jour écrite\(s\) dans /);
    expect(fails(dataDir, 'sync-folder', join(folder, 'absent'))).toMatch(/Dossier partagé introuvable/);
  });

  test("sync-folder sur un ordinateur révoqué : ce qui a été lu est dit, puis pourquoi rien n'est écrit, et sort avec 1", () => {
    const [claire, nadia, folder] = [tempDir(), tempDir(), tempDir()];
    ok(claire, 'init', '--as', 'Claire Martin', '--partner', '37');
    const invitation = join(claire, 'invitation.entente');
    ok(claire, 'invite', '--out', invitation);
    const nadiaId = /ordinateur ([0-9a-z]{12}) créé/.exec(ok(nadia, 'join', invitation, '--as', 'Nadia Benali', '--partner', '41'))![1];
    ok(nadia, 'sync-folder', folder);
    ok(claire, 'sync-folder', folder);
    ok(claire, 'revoke', nadiaId);
    const retitled = ok(claire, 'action', 'add', '--chantier', '1', '--title', 'Annuaire commun').trim();
    ok(claire, 'sync-folder', folder);
    // Nadia's laptop, not yet told, works on.
    ok(nadia, 'action', 'add', '--chantier', '2', '--title', 'Écrit après la révocation');

    const round = entente(nadia, 'sync-folder', folder);
    expect(round.code).toBe(1);
    expect(round.stdout).toMatch(new RegExp(`^${JSON.parse(ok(claire, 'info')).replica.id}/00000001\\.entente :\\n`));
    expect(round.stdout).not.toContain('écrite(s) dans');
    expect(round.stderr).toMatch(/^Cet ordinateur a été révoqué par l'ordinateur de Claire Martin \(Indre-et-Loire\)/);
    // What it read is in: Claire's action, and the revocation itself.
    expect(listed(nadia).some((row) => row.id === retitled)).toBe(true);
    expect(readdirSync(join(folder, 'entente-p-coop-37-41', nadiaId))).toEqual(['00000001.entente']);
  });

  test('refus en français : --for inconnu ou soi-même, un champ d’historique inconnu, un dossier là où il faut un fichier', () => {
    const dir = tempDir();
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    const own = JSON.parse(ok(dir, 'info')).replica.id as string;
    const to = join(dir, 'pour.entente');
    expect(fails(dir, 'export', '--to', to, '--for', 'Nadia Benali')).toMatch(/^« Nadia Benali » n'est pas l'identifiant d'un ordinateur/);
    expect(fails(dir, 'export', '--to', to, '--for', 'zzzzzzzzzzzz')).toBe(
      "Aucun ordinateur zzzzzzzzzzzz n'est connu ici : « entente postes » donne l'identifiant de chacun.\n",
    );
    expect(fails(dir, 'export', '--to', to, '--for', own)).toBe("--for désigne un autre ordinateur : celui-ci a déjà tout ce qu'il a écrit.\n");
    expect(existsSync(to)).toBe(false);
    expect(fails(dir, 'action', 'show', 'a1-1', '--field', 'statut')).toMatch(
      /^Pas de champ « statut » dans l'historique de cette action\. Champs : .*status \(Statut\)/,
    );
    const folder = join(dir, 'un dossier');
    mkdirSync(folder);
    expect(fails(dir, 'export', '--to', folder)).toBe("C'est un dossier, pas un fichier : indiquez le nom d'un fichier.\n");
    expect(fails(dir, 'backup', folder)).toBe("C'est un dossier, pas un fichier : indiquez le nom d'un fichier.\n");
    expect(fails(dir, 'backup', join(dir, 'absent', 'copie.sqlite'))).toBe('Dossier ou fichier introuvable : vérifiez le chemin indiqué.\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.partiel'))).toEqual([]);
  });

  test('la phrase de passe tapée au terminal ne s’affiche pas ; Ctrl-D ou Ctrl-C à la question arrête la commande sans rien faire', () => {
    const dir = tempDir();
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    // A real terminal (a pty), as a person uses the command: what it shows, and how it ends.
    const typed = (keys: string, to: string) => {
      const script = `
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.environ.pop('ENTENTE_PASSPHRASE', None)
    os.execv(sys.argv[1], sys.argv[1:])
shown = b''
def read(seconds):
    global shown
    end = time.time() + seconds
    while time.time() < end:
        if select.select([fd], [], [], 0.1)[0]:
            try:
                shown += os.read(fd, 4096)
            except OSError:
                return
while b':' not in shown:
    read(0.2)
os.write(fd, sys.stdin.buffer.read())
read(20)
_, status = os.waitpid(pid, 0)
sys.stdout.write(str(os.waitstatus_to_exitcode(status)) + '\\n' + shown.decode('utf8', 'replace'))
`;
      const result = spawnSync('python3', ['-c', script, process.execPath, CLI, '--data', dir, 'export', '--to', to], {
        input: keys,
        encoding: 'utf8',
        timeout: 60_000,
      });
      const [code, ...lines] = result.stdout.split('\n');
      return { code: Number(code), shown: lines.join('\n') };
    };
    const exported = typed(`${PASSPHRASE}\r`, join(dir, 'tout.entente'));
    expect(exported.code).toBe(0);
    expect(exported.shown).toMatch(/^Phrase de passe de la coopération : \r\n\d+ mise\(s\) à jour exportée\(s\)/);
    expect(exported.shown).not.toContain('Chambord');
    for (const key of ['\u0004', '\u0003']) {
      const stopped = typed(key, join(dir, 'rien.entente'));
      expect(stopped).toEqual({ code: 1, shown: "Phrase de passe de la coopération : \r\nPhrase de passe non saisie : rien n'a été fait.\r\n" });
      expect(existsSync(join(dir, 'rien.entente'))).toBe(false);
    }
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
    // Nadia's ordinateur is new here: told after the import, then listed with the postes until seen.
    expect(ok(claire, 'import', file)).toContain(
      "Nouvel ordinateur dans la coopération : l'ordinateur de Nadia Benali (Loir-et-Cher).\n1 ordinateur(s) arrivé(s) ou révocation(s) reçue(s) à vérifier : entente postes\n",
    );
    expect(ok(claire, 'postes')).toMatch(
      /\nÀ vérifier :\n- L'ordinateur de Nadia Benali \(Loir-et-Cher\) a rejoint la coopération le \d{1,2}(?:er)? \S+ \d{4}\. Sa clé n'est pas confirmée ici\.\nSi tout était attendu : entente postes vus\n$/,
    );
    expect(ok(claire, 'postes', 'vus')).toMatch(/^Ordinateurs arrivés et révocations reçues notés comme attendus/);
    expect(ok(claire, 'postes')).not.toContain('À vérifier');

    const postes = JSON.parse(ok(claire, 'postes', '--json')) as { id: string; person_name: string; fingerprint: string; is_this_laptop: boolean }[];
    expect(postes.map((poste) => [poste.person_name, poste.is_this_laptop])).toEqual([
      ['Claire Martin', true],
      ['Nadia Benali', false],
    ]);
    expect(postes.every((poste) => /^[0-9A-F]{4}( [0-9A-F]{4}){3}$/.test(poste.fingerprint))).toBe(true);
    const nadiaId = postes[1].id;
    expect(ok(claire, 'postes')).toContain(`clé : ${postes[1].fingerprint}, non confirmée ici (entente confirm)`);
    expect(ok(claire, 'postes')).toMatch(/Nadia Benali, Département de Loir-et-Cher, arrivé le \d{1,2}(?:er)? \S+ \d{4}\n/);
    // Nadia's file was written before she had anything of Claire's.
    expect(ok(claire, 'postes')).toMatch(/ne connaissait pas encore cet ordinateur, d'après son dernier fichier \(lu le \d{1,2}(?:er)? \S+ \d{4} à \d+ h/);
    // Her registration is not counted as her work; a name given afterwards reaches the list.
    expect(ok(claire, 'postes', 'nom', 'Portable', 'DRH')).toBe(
      "Cet ordinateur s'appelle désormais « Portable DRH » : les autres ordinateurs le verront après la prochaine synchronisation.\n",
    );
    expect(ok(claire, 'postes')).toMatch(/Claire Martin, Département d'Indre-et-Loire, « Portable DRH », arrivé le/);
    // The fingerprint Nadia reads from her screen, typed as heard.
    expect(fails(claire, 'confirm', nadiaId, '0000 0000 0000 0000')).toMatch(/^Cette empreinte n'est pas celle de la clé de l'ordinateur de Nadia Benali/);
    // A person's name may stand for two laptops (the lost one and its replacement): the id is asked, and said where to find.
    expect(fails(claire, 'confirm', 'Nadia Benali', '0000')).toMatch(
      /^« Nadia Benali » n'est pas l'identifiant d'un ordinateur : « entente postes » donne celui de chacun/,
    );
    expect(ok(claire, 'confirm', nadiaId, ...postes[1].fingerprint.toLowerCase().split(' '))).toBe(
      "Clé de l'ordinateur de Nadia Benali (Loir-et-Cher) confirmée sur cet ordinateur.\n",
    );
    expect(ok(claire, 'postes')).toMatch(new RegExp(`clé : ${postes[1].fingerprint}, confirmée ici le \\d+ \\S+ \\d{4} à \\d+ h`));

    expect(ok(claire, 'revoke', nadiaId)).toMatch(/^L'ordinateur de Nadia Benali \(Loir-et-Cher\) révoqué : ses mises à jour après la n° \d+ seront refusées/);
    expect(fails(claire, 'revoke', nadiaId)).toBe("L'ordinateur de Nadia Benali (Loir-et-Cher) est déjà révoqué.\n");
    expect(ok(claire, 'postes')).toContain("RÉVOQUÉ par l'ordinateur de Claire Martin (Indre-et-Loire)");

    const next = 'prairie-violon-nuage-tambour';
    const changed = spawnSync(process.execPath, [CLI, '--data', claire, 'passphrase', 'change'], {
      encoding: 'utf8',
      env: { ...process.env, ENTENTE_PASSPHRASE: PASSPHRASE, ENTENTE_NEW_PASSPHRASE: next },
    });
    expect([changed.status, changed.stderr]).toEqual([0, '']);
    expect(fails(claire, 'export', '--to', join(claire, 'x.entente'))).toMatch(/^C'est l'ancienne phrase de passe de la coopération/);
    expect(ententeWith(next, claire, 'import', file).code).toBe(0);
    // A laptop still on the old passphrase is told which command takes the new one.
    const sealedWithNext = join(claire, 'nouvelle-phrase.entente');
    expect(ententeWith(next, claire, 'export', '--to', sealedWithNext).code).toBe(0);
    const refused = ententeWith(PASSPHRASE, nadia, 'import', sealedWithNext);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^La phrase de passe ne correspond pas[^\n]*\nEn ligne de commande, pour prendre la nouvelle phrase de passe \(vérifiée sur ce fichier\) : ENTENTE_PASSPHRASE='ancienne' ENTENTE_NEW_PASSPHRASE='nouvelle' entente --data DIR passphrase adopt\n$/,
    );
    // Taken there: checked against that file first.
    const adopt = (typed: string) =>
      spawnSync(process.execPath, [CLI, '--data', nadia, 'passphrase', 'adopt'], {
        encoding: 'utf8',
        env: { ...process.env, ENTENTE_PASSPHRASE: PASSPHRASE, ENTENTE_NEW_PASSPHRASE: typed },
      });
    // Nadia never read a file of Claire's: a typo is refused, and so is the right passphrase,
    // for no ordinateur Nadia knows announces it in the file.
    expect(adopt(`${next}s`).stderr).toMatch(/^Cette phrase de passe n'ouvre pas le fichier qui se dit d'un ordinateur encore inconnu ici :/);
    expect(adopt(next)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/aucun ordinateur de la coopération dont la clé est connue ici ne l'y annonce/),
    });
    expect(ententeWith(next, nadia, 'import', sealedWithNext).code).toBe(1);
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
    expect(text).toMatch(/^4.1 Organisation d'une formation commune à la gestion de projet\n {2}a4-1 · Chantier 4 · /);
    expect(text).toContain('Statut : En cours · Priorité : Moyenne · Avancement : 40 %');
    expect(text).toContain('Échéance : 30 juin 2027');
    const history = text.slice(text.indexOf('Historique ('));
    const at = String.raw`\d{1,2}(er)? [a-zéû]+ \d{4} à \d{1,2} h( \d{2})?`;
    // Newest first: Claire's end date on this poste, then Nadia's edit from hers, then the default dataset.
    expect(history).toMatch(
      new RegExp(
        [
          String.raw`^Historique \(8 modifications\)`,
          String.raw` {2}${at} · Claire Martin \(Indre-et-Loire\), ordinateur « Portable de Claire » \(cet ordinateur\)`,
          String.raw` {4}Échéance : \(vide\) → 30 juin 2027`,
          String.raw` {2}${at} · Nadia Benali \(Loir-et-Cher\), ordinateur « Portable DRH 41 »`,
          String.raw` {4}Avancement : 0 % → 40 %`,
          String.raw` {4}Statut : À venir → En cours`,
          String.raw` {2}Données de départ`,
          String.raw` {4}Titre : Organisation d'une formation commune à la gestion de projet \(création\)`,
        ].join('\n'),
      ),
    );

    const onlyStatus = ok(claire, 'action', 'show', 'a4-1', '--field', 'status');
    const statusLines = onlyStatus.slice(onlyStatus.indexOf('Historique (')).split('\n');
    expect(statusLines[1]).toMatch(new RegExp(String.raw`^ {2}${at} · Nadia Benali \(Loir-et-Cher\), ordinateur « Portable DRH 41 »$`));
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
    expect(ok(nadia, 'action', 'show', 'a4-1')).toContain(`Convention signée.pdf — ${bytes.length} octets, joint le`);
  });

  test('meeting list : un atelier est « interdépartemental » entre Départements seulement', () => {
    const departements = tempDir();
    ok(departements, 'init', '--as', 'Claire Martin', '--partner', '37');
    const atelier = (dir: string) => ok(dir, 'meeting', 'add', '--type', 'atelier', '--date', '2027-04-01', '--time', '09:00').trim();
    const idOf37 = atelier(departements);
    expect(ok(departements, 'meeting', 'list')).toMatch(new RegExp(`^01/04/2027 +09:00 +Atelier interdépartemental +Brouillon +${idOf37} +`, 'm'));

    const touraine = tempDir();
    ok(
      touraine,
      'init',
      '--new-project',
      'Coopération Touraine – Vallée du Cher',
      '--partners',
      "37:Département d'Indre-et-Loire;CCBVC:Communauté de communes Bléré – Val de Cher;CHEN:Commune de Chenonceaux",
      '--kinds',
      'departement;epci;commune',
      '--as',
      'Élise Moreau',
      '--partner',
      'CCBVC',
    );
    const id = atelier(touraine);
    expect(ok(touraine, 'meeting', 'list')).toMatch(new RegExp(`^01/04/2027 +09:00 +Atelier de coopération +Brouillon +${id} +`, 'm'));
  });

  test('meeting add, list, export : le compte rendu en Word (relu par python-docx) et la réunion pour l’agenda (.ics)', () => {
    const dir = tempDir();
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    const copil = ok(
      dir,
      'meeting',
      'add',
      '--type',
      'copil',
      '--date',
      '2027-05-20',
      '--time',
      '14:30',
      '--end',
      '16:30',
      '--place',
      'Château de Blois',
      '--title',
      'Achats groupés',
    ).trim();
    expect(copil).toMatch(/^[0-9a-z]{12}$/);
    const codiri = ok(dir, 'meeting', 'add', '--type', 'codiri', '--date', '2027-03-15', '--time', '09:30').trim();
    const travail = ok(dir, 'meeting', 'add', '--type', 'travail', '--date', '2027-04-02', '--time', '10:00', '--chantier', '4').trim();
    expect(fails(dir, 'meeting', 'add', '--type', 'séminaire', '--date', '2027-04-02', '--time', '10:00')).toBe(
      'Type de réunion inconnu : « séminaire » (codiri, copil, atelier ou travail).\n',
    );
    expect(fails(dir, 'meeting', 'add', '--type', 'travail', '--date', '2027-04-02', '--time', '10:00')).toMatch(/un seul chantier/);
    expect(fails(dir, 'meeting', 'add', '--type', 'atelier', '--date', '2027-02-30', '--time', '10:00')).toMatch(/date impossible/);

    const meetings = JSON.parse(ok(dir, 'meeting', 'list', '--json')) as {
      id: string;
      type: string;
      date: string;
      start_time: string;
      end_time: string;
      title: string;
      validation_status: string;
      place: string | null;
    }[];
    expect(meetings.map((m) => [m.id, m.type, m.date, m.start_time, m.end_time, m.title, m.validation_status, m.place])).toEqual([
      [copil, 'comite_pilotage', '2027-05-20', '14:30', '16:30', 'Achats groupés', 'brouillon', 'Château de Blois'],
      [travail, 'reunion_travail', '2027-04-02', '10:00', '12:00', 'Réunion de travail du 2 avril 2027', 'brouillon', null],
      [codiri, 'codiri', '2027-03-15', '09:30', '11:30', 'CODIRI du 15 mars 2027', 'brouillon', null],
    ]);
    const table = ok(dir, 'meeting', 'list');
    expect(table).toMatch(new RegExp(`^20/05/2027 +14:30 +Comité de pilotage +Brouillon +${copil} +Achats groupés$`, 'm'));
    expect(table).toMatch(new RegExp(`^15/03/2027 +09:30 +CODIRI +Brouillon +${codiri} +CODIRI du 15 mars 2027$`, 'm'));
    expect(table.endsWith('3 réunion(s)\n')).toBe(true);

    const word = join(dir, 'copil.docx');
    expect(ok(dir, 'meeting', 'export', copil, '--to', word)).toMatch(/^Compte rendu écrit dans .*copil\.docx \(\d+ octets\)\.\n$/);
    const docx = readDocx(word);
    expect(docx.core.title).toBe('Compte rendu – Achats groupés');
    expect(docx.headings.slice(0, 2).map((heading) => [heading.style, heading.text])).toEqual([
      ['Title', 'Compte rendu'],
      ['Heading 1', 'Ordre du jour'],
    ]);
    expect(docx.tables[0]).toContainEqual(['Heure', 'de 14\u00a0h\u00a030 à 16\u00a0h\u00a030 (2\u00a0h)']);
    expect(docx.tables[0]).toContainEqual(['Lieu', 'Château de Blois']);
    expect(docx.footer_fields).toEqual(['PAGE', 'NUMPAGES']);

    const calendar = join(dir, 'copil.ics');
    expect(ok(dir, 'meeting', 'export', copil, '--to', calendar)).toBe(`Réunion écrite pour l'agenda dans ${calendar}.\n`);
    const ics = readFileSync(calendar, 'utf8').replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('SUMMARY:Comité de pilotage – Achats groupés\r\n');
    expect(ics).toMatch(/\r\nDTSTART;TZID=Europe\/Paris:20270520T143000\r\n/);
    expect(ics).toContain('LOCATION:Château de Blois\r\n');

    expect(fails(dir, 'meeting', 'export', copil, '--to', join(dir, 'copil.pdf'))).toMatch(/^Format inconnu : « copil\.pdf »/);
    expect(fails(dir, 'meeting', 'export', 'inconnue', '--to', word)).toBe('La réunion inconnue est introuvable (supprimée ou inconnue).\n');
  });

  test('meeting decide et decisions : la décision au premier point (ou à un point « Décisions » créé), refusée sur un compte rendu validé ; le registre et ses références', () => {
    const dir = tempDir();
    ok(dir, 'init', '--as', 'Claire Martin', '--partner', '37');
    const store = track(Store.open(databaseFile(dir)));
    const codiri = createMeeting(store, { type: 'codiri', date: '2027-03-15', start_time: '09:30', duration_minutes: 120 });
    addAgendaItem(store, codiri, { title: 'Chantier RH', chantier_id: 'c4' });
    addAgendaItem(store, codiri, { title: 'Questions diverses' });
    const copil = createMeeting(store, { type: 'comite_pilotage', date: '2027-05-20', start_time: '14:30', duration_minutes: 120 });
    const validated = createMeeting(store, { type: 'comite_pilotage', date: '2027-02-01', start_time: '10:00', duration_minutes: 60 });
    addEntry(store, addAgendaItem(store, validated, { title: 'Budget' }), { kind: 'decision', text: 'Le budget 2027 est arrêté.' });
    sendForValidation(store, validated, '2027-02-03');
    validateMinutes(store, validated, {
      validatedBy: createPerson(store, { name: 'Marc Petit', function: null, partner_id: 'd41', email: null }),
      day: '2027-02-05',
    });
    store.close();

    expect(ok(dir, 'meeting', 'decide', codiri, 'Le séminaire des cadres aura lieu à Blois.')).toBe('CODIRI 2027-1 D1\n');
    expect(ok(dir, 'meeting', 'decide', codiri, 'Une note commune sera rédigée.')).toBe('CODIRI 2027-1 D2\n');
    expect(ok(dir, 'meeting', 'decide', copil, 'Le calendrier est validé.')).toBe('COPIL 2027-2 D1\n');
    expect(fails(dir, 'meeting', 'decide', validated, 'Trop tard.')).toBe(`${READ_ONLY_MESSAGE}\n`);
    expect(fails(dir, 'meeting', 'decide', 'inconnue', 'Rien.')).toBe('La réunion inconnue est introuvable (supprimée ou inconnue).\n');
    expect(fails(dir, 'meeting', 'decide', codiri, '   ')).toBe('Le texte ne peut pas être vide.\n');
    expect(fails(dir, 'meeting', 'decide', codiri)).toBe('Usage : entente meeting decide ID "texte de la décision"\n');

    const rows = JSON.parse(ok(dir, 'decisions', '--json')) as {
      reference: string;
      text: string;
      agenda_item: { number: number; title: string };
      meeting: { id: string };
      draft: boolean;
      followed: boolean;
    }[];
    expect(rows.map((row) => [row.reference, row.meeting.id, row.agenda_item.number, row.agenda_item.title, row.text, row.draft])).toEqual([
      ['COPIL 2027-2 D1', copil, 1, 'Décisions', 'Le calendrier est validé.', true],
      ['CODIRI 2027-1 D1', codiri, 1, 'Chantier RH', 'Le séminaire des cadres aura lieu à Blois.', true],
      ['CODIRI 2027-1 D2', codiri, 1, 'Chantier RH', 'Une note commune sera rédigée.', true],
      ['COPIL 2027-1 D1', validated, 1, 'Budget', 'Le budget 2027 est arrêté.', false],
    ]);
    // Refused on validated minutes: no point « Décisions » was left behind there.
    const after = track(Store.open(databaseFile(dir)));
    expect(after.db.prepare('SELECT count(*) FROM agenda_item WHERE meeting_id = ? AND deleted = 0').pluck().get(validated)).toBe(1);
    after.close();

    const table = ok(dir, 'decisions');
    expect(table).toMatch(/^Référence +Date +Statut +Suivie +Réunion +Décision$/m);
    expect(table).toMatch(/^COPIL 2027-2 D1 +20\/05\/2027 +projet +non +Comité de pilotage du 20 mai 2027 +Le calendrier est validé\.$/m);
    expect(table).toMatch(/^COPIL 2027-1 D1 +01\/02\/2027 +validée +non +Comité de pilotage du 1er février 2027 +Le budget 2027 est arrêté\.$/m);
    expect(table.endsWith('4 décision(s)\n')).toBe(true);
    expect(ok(dir, '--help')).toContain('meeting decide ID "TEXTE"');
  });
});
