import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { betweenPartners, kindOf, meetingTypeLabels, shortNameOf, withArticle } from '../../common/partners';
import { convocationDocument } from '../../db/meetings/convocation';
import { createMeeting } from '../../db/meetings/writes';
import { createAction } from '../../db/actions/writes';
import { listChantiers } from '../../db/chantiers/reads';
import { listPartners } from '../../db/people/reads';
import { dump } from '../../db/project/dump';
import { createCooperation, type CooperationInput } from '../../db/project/new-project';
import { getProject } from '../../db/project/reads';
import { getRow } from '../../db/store/rows';
import { Store } from '../../db/store/store';
import { exportFile, importFile } from '../../db/sync/exchange';
import { createInvitation, joinProject } from '../../db/sync/invitation';
import { buildCli, changeCount, cliOutput, ELISE as elise, newReplica, runCli, tempDir, TOURAINE, track } from './helpers';

const PASSPHRASE = 'Vallée du Cher 2027 ensemble';
const emptyStore = () => track(Store.open(join(tempDir(), 'entente.sqlite')));

/** The message and field of the refusal of a cooperation, for the expectations. */
function refusalOf(input: CooperationInput, identity = elise): { message: string; field?: string } {
  const store = emptyStore();
  try {
    createCooperation(store, input, identity);
  } catch (error) {
    // Nothing is written when the input is refused.
    expect([store.projectId, store.replicaId, changeCount(store)]).toEqual([undefined, undefined, 0]);
    const { message, field } = error as { message: string; field?: string };
    return { message, field };
  }
  throw new Error('La coopération aurait dû être refusée.');
}

describe('une nouvelle coopération', () => {
  test('ses partenaires, leurs types, ses chantiers numérotés dans l’ordre, sous un identifiant de projet neuf', () => {
    const store = emptyStore();
    const projectId = createCooperation(store, TOURAINE, elise);
    expect(projectId).toMatch(/^p-[0-9a-z]{12}$/);
    expect(projectId).not.toBe('p-coop-37-41');
    expect(createCooperation(emptyStore(), TOURAINE, elise)).not.toBe(projectId);
    expect(getProject(store)).toEqual({ id: projectId, name: 'Coopération Touraine – Vallée du Cher' });
    expect(listPartners(store).map((p) => [p.position, p.code, p.kind, p.short_name])).toEqual([
      [1, '37', 'departement', 'Indre-et-Loire'],
      [2, 'CCBVC', 'epci', 'CC Bléré – Val de Cher'],
      [3, 'CHEN', 'commune', 'Chenonceaux'],
    ]);
    expect(listChantiers(store).map((c) => [c.number, c.title])).toEqual([
      [1, 'Mobilités le long du Cher'],
      [2, 'Tourisme et patrimoine'],
    ]);
    // Everything is this laptop's own changes: no seed, which every laptop would make alike.
    expect(store.db.prepare('SELECT DISTINCT origin FROM changes').pluck().all()).toEqual([store.replicaId]);
    const me = getRow(store, 'person', store.personId!);
    expect(me).toMatchObject({ name: 'Élise Moreau', partner_id: listPartners(store)[1].id });
  });

  test('ses réunions se disent « de coopération », pas « interdépartementales »', () => {
    const store = emptyStore();
    createCooperation(store, TOURAINE, elise);
    const atelier = createMeeting(store, { type: 'atelier', title: 'Idées mobilités', date: '2027-04-01', start_time: '09:00', duration_minutes: 90 });
    const codiri = createMeeting(store, { type: 'codiri', date: '2027-05-03', start_time: '14:00', duration_minutes: 120 });
    expect(convocationDocument(store, atelier).meeting.type_label).toBe('Atelier de coopération');
    expect(convocationDocument(store, atelier).invitation).toMatch(/^Nous vous prions de bien vouloir assister à l'atelier de coopération «/);
    expect(convocationDocument(store, codiri).invitation).toMatch(/^Nous vous prions de bien vouloir assister à la réunion du comité de direction \(CODIRI\)/);
    expect(meetingTypeLabels(listPartners(store)).atelier).toBe('Atelier de coopération');
    expect(meetingTypeLabels([{ name: "Département d'Indre-et-Loire" }, { name: 'Département de Loir-et-Cher' }]).atelier).toBe('Atelier interdépartemental');
  });

  test('sans chantier : la liste est vide, on les ajoutera ensuite', () => {
    const store = emptyStore();
    createCooperation(store, { ...TOURAINE, chantiers: [] }, elise);
    expect(listChantiers(store)).toEqual([]);
  });

  test('refusée, en nommant la ligne en faute, sans rien écrire', () => {
    const [first, second, third] = TOURAINE.partners;
    expect(refusalOf({ ...TOURAINE, partners: [first] })).toEqual({
      message: 'Une coopération réunit de 2 à 6 partenaires (1 indiqué).',
      field: 'partners',
    });
    expect(refusalOf({ ...TOURAINE, partners: Array.from({ length: 7 }, (_, i) => ({ ...first, code: `P${i}` })) }).message).toBe(
      'Une coopération réunit de 2 à 6 partenaires (7 indiqués).',
    );
    expect(refusalOf({ ...TOURAINE, partners: [first, second, { ...third, code: 'ccbvc' }] })).toEqual({
      message: 'Partenaire 3 : le code « ccbvc » est déjà celui du partenaire 2.',
      field: 'partners.2.code',
    });
    expect(refusalOf({ ...TOURAINE, partners: [first, { ...second, name: '  ' }] })).toEqual({
      message: 'Partenaire 2 : le nom du partenaire ne peut pas être vide.',
      field: 'partners.1.name',
    });
    expect(refusalOf({ ...TOURAINE, partners: [first, { ...second, code: 'CC TVL' }] }).field).toBe('partners.1.code');
    expect(refusalOf({ ...TOURAINE, partners: [first, { ...second, code: 'X'.repeat(21) }] }).field).toBe('partners.1.code');
    expect(refusalOf({ ...TOURAINE, name: '' }).field).toBe('name');
    expect(refusalOf({ ...TOURAINE, chantiers: ['Mobilités', 'T'.repeat(301)] }).field).toBe('chantiers.1');
    expect(refusalOf(TOURAINE, { ...elise, partner: '41' })).toEqual({
      message: 'Choisissez votre partenaire parmi ceux de la coopération.',
      field: 'partner',
    });
    expect(refusalOf({ ...TOURAINE, partners: [first, { ...second, kind: 'canton' as never }] }).field).toBe('partners.1.kind');
  });

  test('un deuxième ordinateur la rejoint par invitation, les échanges convergent ; un fichier du projet par défaut est refusé', () => {
    const elisePc = emptyStore();
    const projectId = createCooperation(elisePc, TOURAINE, elise);
    const invitation = createInvitation(elisePc, PASSPHRASE);
    const paul = emptyStore();
    const joined = joinProject(paul, invitation.bytes, PASSPHRASE, { name: 'Paul Girard', function: 'Maire adjoint', partner: 'CHEN' });
    expect(joined.projectId).toBe(projectId);
    const [chantier] = listChantiers(paul);
    createAction(paul, { chantier_id: chantier.id, title: 'Navette estivale Chenonceaux – Bléré' });
    importFile(elisePc, exportFile(paul, { secret: PASSPHRASE, forReplica: elisePc.replicaId }).bytes, PASSPHRASE);
    expect(dump(elisePc)).toBe(dump(paul));

    // Another project's file, even under the same passphrase, changes nothing here.
    const claire = newReplica('Claire Martin', '37');
    const before = changeCount(elisePc);
    const foreign = exportFile(claire, { secret: PASSPHRASE }).bytes;
    expect(() => importFile(elisePc, foreign, PASSPHRASE)).toThrow(/appartient à une autre coopération \(p-coop-37-41\)/);
    expect(changeCount(elisePc)).toBe(before);
    // And the default project refuses the new one's.
    expect(() => importFile(claire, exportFile(elisePc, { secret: PASSPHRASE }).bytes, PASSPHRASE)).toThrow(`autre coopération (${projectId})`);
  });

  test('noms courts et types déduits des noms complets', () => {
    expect(shortNameOf("Département d'Indre-et-Loire")).toBe('Indre-et-Loire');
    expect(shortNameOf('Département de Loir-et-Cher')).toBe('Loir-et-Cher');
    expect(shortNameOf('Région Centre-Val de Loire')).toBe('Centre-Val de Loire');
    expect(shortNameOf("Communauté de communes Touraine Vallée de l'Indre")).toBe("Communauté de communes Touraine Vallée de l'Indre");
    expect(kindOf('Communauté de communes Touraine Vallée de l’Indre')).toBe('epci');
    expect(kindOf('Métropole de Tours')).toBe('metropole');
    expect(kindOf('Commune de Chenonceaux')).toBe('commune');
    expect(kindOf('Syndicat mixte du Pays Loire Touraine')).toBe('autre');
  });

  test('les partenaires dans une phrase, avec leur article', () => {
    expect(betweenPartners(["Département d'Indre-et-Loire", 'Département de Loir-et-Cher'])).toBe(
      "entre le Département d'Indre-et-Loire et le Département de Loir-et-Cher",
    );
    expect(betweenPartners(['Métropole de Tours', 'Agglomération de Blois', 'Département de Loir-et-Cher'])).toBe(
      "entre la Métropole de Tours, l'Agglomération de Blois et le Département de Loir-et-Cher",
    );
    expect(withArticle('Région Centre-Val de Loire')).toBe('la Région Centre-Val de Loire');
  });
});

describe('entente init --new-project', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await buildCli('new-cooperation');
  });

  test('crée la coopération et son premier ordinateur ; une erreur est dite en français', () => {
    const dir = tempDir();
    const out = cliOutput(
      cli,
      dir,
      'init',
      '--new-project',
      'Coopération Touraine – Vallée du Cher',
      '--partners',
      "37:Département d'Indre-et-Loire;CCBVC:Communauté de communes Bléré – Val de Cher:CC Bléré – Val de Cher;CHEN:Commune de Chenonceaux",
      '--kinds',
      'departement;EPCI;commune',
      '--chantiers',
      'Mobilités le long du Cher;Tourisme et patrimoine',
      '--as',
      'Élise Moreau',
      '--partner',
      'CCBVC',
    );
    expect(out).toMatch(/^Ordinateur [0-9a-z]{12} créé dans .* ; coopération « Coopération Touraine – Vallée du Cher » \(p-[0-9a-z]{12}\) créée\.\n$/);
    const store = track(Store.open(join(dir, 'entente.sqlite')));
    expect(listPartners(store).map((p) => [p.code, p.kind, p.short_name])).toEqual([
      ['37', 'departement', 'Indre-et-Loire'],
      ['CCBVC', 'epci', 'CC Bléré – Val de Cher'],
      ['CHEN', 'commune', 'Chenonceaux'],
    ]);
    expect(listChantiers(store).map((c) => c.title)).toEqual(['Mobilités le long du Cher', 'Tourisme et patrimoine']);

    const refused = runCli(
      cli,
      tempDir(),
      'init',
      '--new-project',
      'Seuls',
      '--partners',
      '37:Département d’Indre-et-Loire',
      '--as',
      'Élise Moreau',
      '--partner',
      '37',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('Une coopération réunit de 2 à 6 partenaires (1 indiqué).\n');
    const badKinds = runCli(cli, tempDir(), 'init', '--new-project', 'X', '--partners', '37:A;41:B', '--kinds', 'departement', '--as', 'E', '--partner', '37');
    expect(badKinds.stderr).toContain('--kinds donne 1 type(s) pour 2 partenaire(s)');
    expect(cliOutput(cli, dir, '--help')).toContain('init --new-project "NOM"');
  });
});
