import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { createAction, updateAction } from '../../db/actions/writes';
import { keyFigures } from '../../db/chantiers/figures';
import { amendMinutes, sendForValidation, validateMinutes } from '../../db/meetings/validation';
import { addAgendaItem, addEntry, createMeeting } from '../../db/meetings/writes';
import { newsletterEml } from '../../db/newsletters/eml';
import { markdownHtml, markdownText, parseMarkdown } from '../../db/newsletters/markdown';
import { draftNewsletter } from '../../db/newsletters/draft';
import { getNewsletter, listNewsletters } from '../../db/newsletters/reads';
import {
  addNewsletterItem,
  createNewsletter,
  deleteNewsletter,
  editNewsletterItem,
  moveNewsletterItem,
  publishNewsletter,
  removeNewsletterItem,
  updateNewsletter,
} from '../../db/newsletters/writes';
import { counts } from '../../db/project/dump';
import { arbitrate } from '../../db/pistes/arbitration';
import { createPiste } from '../../db/pistes/writes';
import type { Store } from '../../db/store/store';
import { newCooperation, newReplica, sendAll, tempDir } from './helpers';
import { cast, invalid } from './meeting-fixtures';
import { PYTHON } from './python-email';

/** Local noon of a day: the store's wall clock in these tests. */
const noon = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 12).getTime();
};

/**
 * A project started on 1 September 2026 with a first lettre published on 30 September; then,
 * in October, an action réalisée, one lancée, a CODIRI whose validated minutes hold a
 * décision and retain a piste.
 */
function project() {
  const clock = { now: noon('2026-09-01') };
  const store = newReplica('Claire Martin', '37', tempDir(), () => clock.now);
  const people = cast(store);
  const charte = createAction(store, { chantier_id: 'c4', title: 'Charte de la mobilité', status: 'en_cours', description: 'Une charte **commune**.' });
  const guide = createAction(store, { chantier_id: 'c4', title: "Guide commun de l'accueil", status: 'a_venir' });
  const old = createAction(store, { chantier_id: 'c2', title: 'Annuaire partagé', status: 'en_cours' });
  const piste = createPiste(store, { title: 'Bourse commune des stages', proposed_by_partner_id: 'd41' });
  clock.now = noon('2026-09-30');
  const first = createNewsletter(store, '2026-09-30');
  publishNewsletter(store, first, '2026-09-30');

  clock.now = noon('2026-10-12');
  updateAction(store, charte, { status: 'realise' });
  updateAction(store, guide, { status: 'en_cours' });
  const codiri = createMeeting(store, { type: 'codiri', date: '2026-10-14', start_time: '14:00', duration_minutes: 120, place: 'Blois' });
  const point = addAgendaItem(store, codiri, { title: 'Mobilités', chantier_id: 'c4' });
  addEntry(store, point, { kind: 'decision', text: 'Le CODIRI adopte la charte de la mobilité.\nElle sera signée en décembre.' });
  arbitrate(store, piste, codiri, { kind: 'retenue', chantier_id: 'c4' });
  sendForValidation(store, codiri, '2026-10-15');
  validateMinutes(store, codiri, { validatedBy: people.marc, day: '2026-10-20' });
  clock.now = noon('2026-11-02');
  return { store, clock, people, first, actions: { charte, guide, old }, codiri, piste };
}

describe("la lettre d'info", () => {
  test('« Nouvelle lettre » propose la période depuis la dernière lettre et ses faits : actions, décisions, réunions, pistes, chiffres', () => {
    const { store, first, actions, codiri, piste } = project();
    const firstLettre = getNewsletter(store, first);
    expect(firstLettre).toMatchObject({ number: 1, title: 'La lettre de la coopération n° 1', period_start: '2026-09-01', period_end: '2026-09-30' });
    // The first lettre told of the actions lancées in September.
    expect(firstLettre.items.filter((item) => item.kind === 'action_lancee').map((item) => item.source_id)).toEqual([actions.old, actions.charte]);

    const id = createNewsletter(store, '2026-11-02');
    const lettre = getNewsletter(store, id);
    expect(lettre).toMatchObject({
      number: 2,
      title: 'La lettre de la coopération n° 2',
      period_start: '2026-10-01',
      period_end: '2026-11-02',
      period_label: 'du 1er octobre 2026 au 2 novembre 2026',
      published_on: null,
    });
    const kinds = lettre.items.map((item) => [item.kind, item.title]);
    expect(kinds).toEqual([
      ['action_terminee', 'Charte de la mobilité'],
      ['action_lancee', "Guide commun de l'accueil"],
      ['decision', 'Le CODIRI adopte la charte de la mobilité.'],
      ['reunion', 'CODIRI du 14 octobre 2026'],
      ['piste_retenue', 'Bourse commune des stages'],
      ['chiffres', 'Chiffres clés'],
    ]);
    expect(lettre.items[0]).toMatchObject({
      source_id: actions.charte,
      body: expect.stringMatching(/^Chantier 4 «\u00a0.+\u00a0» — action 4\.\d+, réalisée le 12 octobre 2026\.\n\nUne charte \*\*commune\*\*\.$/),
    });
    // A décision of several lines: its first for a title, the others opening the text.
    expect(lettre.items[2].body).toMatch(/^Elle sera signée en décembre\.\n\nCODIRI du 14 octobre 2026, point 1 /);
    expect(lettre.items[3]).toMatchObject({ source_id: codiri, body: 'CODIRI tenu le 14 octobre 2026, Blois.' });
    expect(lettre.items[4].source_id).toBe(piste);
    expect(lettre.items[5].body).toContain('- **1** CODIRI');
    expect(lettre.items[5].body).toContain('- **1** piste identifiée, dont **1** retenue');
    // The action already lancée in September is no news.
    expect(lettre.items.some((item) => item.source_id === actions.old)).toBe(false);
    // One draft at a time.
    expect(invalid(() => createNewsletter(store, '2026-11-03')).message).toBe(
      "La lettre n° 2 est en préparation : publiez-la ou supprimez-la avant d'en commencer une autre.",
    );
  });

  test('un atelier est « interdépartemental » entre Départements seulement, dans son article comme dans les chiffres', () => {
    const ateliers = (store: Store) => {
      createMeeting(store, { type: 'atelier', title: 'Idées', date: '2027-04-01', start_time: '09:00', duration_minutes: 90, place: 'Tours' });
      const items = draftNewsletter(store, '2027-04-02').items;
      return [items.find((item) => item.kind === 'reunion')?.body, items.find((item) => item.kind === 'chiffres')?.body];
    };
    const [article, figures] = ateliers(newReplica());
    expect(article).toBe('Atelier interdépartemental tenu le 1er avril 2027, Tours.');
    expect(figures).toContain('- **1** atelier interdépartemental');
    // No piste in this project: nothing said of them.
    expect(figures).not.toContain('piste');
    const [cooperationArticle, cooperationFigures] = ateliers(newCooperation());
    expect(cooperationArticle).toBe('Atelier de coopération tenu le 1er avril 2027, Tours.');
    expect(cooperationFigures).toContain('- **1** atelier de coopération');
  });

  test('chaque article se retire, se déplace, se réécrit ; on en ajoute ; un brouillon se supprime', () => {
    const { store } = project();
    const id = createNewsletter(store, '2026-11-02');
    const [terminee, lancee, ...rest] = getNewsletter(store, id).items;
    removeNewsletterItem(store, id, lancee.id);
    moveNewsletterItem(store, id, terminee.id, 'down');
    moveNewsletterItem(store, id, rest.at(-1)!.id, 'down');
    editNewsletterItem(store, id, terminee.id, { title: '  La charte est signée ', body: 'Signée par **les deux** présidents.' });
    const added = addNewsletterItem(store, id);
    updateNewsletter(store, id, { editorial: '## Édito\n\nUn automne **riche**.', title: 'Lettre n° 2 — automne 2026' });
    const lettre = getNewsletter(store, id);
    expect(lettre.title).toBe('Lettre n° 2 — automne 2026');
    expect(lettre.items.map((item) => item.id)).toEqual([rest[0].id, terminee.id, ...rest.slice(1).map((item) => item.id), added]);
    expect(lettre.items[1]).toMatchObject({ title: 'La charte est signée', body: 'Signée par **les deux** présidents.' });
    expect(lettre.items.at(-1)).toMatchObject({ kind: 'texte', title: 'Nouvel article', body: null });
    expect(invalid(() => editNewsletterItem(store, id, terminee.id, { title: ' ' })).message).toBe("Le titre d'un article ne peut pas être vide.");
    expect(invalid(() => moveNewsletterItem(store, id, lancee.id, 'up')).message).toBe("Cet article n'est plus dans la lettre : il a sans doute été retiré.");
    expect(invalid(() => updateNewsletter(store, id, { period_start: '2026-12-01' })).message).toBe('La période commence après sa fin : vérifiez ses dates.');
    deleteNewsletter(store, id);
    expect(listNewsletters(store).map((row) => row.number)).toEqual([1]);
  });

  test('publiée, elle ne change plus ; elle est comptée et voyage avec la synchronisation', () => {
    const { store, clock, first } = project();
    const id = createNewsletter(store, '2026-11-02');
    const before = keyFigures(store, { kind: 'all' }, '2026-11-02').figures.find((figure) => figure.key === 'lettres')!;
    expect(before).toMatchObject({ label: "Lettres d'info publiées", value: 1 });
    clock.now = noon('2026-11-03');
    publishNewsletter(store, id, '2026-11-03');
    const published = getNewsletter(store, id);
    expect(published).toMatchObject({ published_on: '2026-11-03', published_by: { id: store.personId, name: 'Claire Martin' } });
    expect(invalid(() => updateNewsletter(store, id, { editorial: 'Trop tard' })).message).toBe(
      'La lettre n° 2 a été publiée : elle ne peut plus être modifiée.',
    );
    expect(invalid(() => removeNewsletterItem(store, id, published.items[0].id)).message).toBe(
      'La lettre n° 2 a été publiée : ses articles ne se retirent plus.',
    );
    expect(invalid(() => deleteNewsletter(store, first)).message).toBe('La lettre n° 1 a été publiée : elle reste dans les archives et ne se supprime pas.');
    expect(invalid(() => publishNewsletter(store, id)).message).toBe('La lettre n° 2 a été publiée : elle ne se publie pas deux fois.');
    expect(keyFigures(store, { kind: 'all' }, '2026-11-03').figures.find((figure) => figure.key === 'lettres')!.value).toBe(2);
    expect(counts(store).newsletters).toBe(2);

    const other = newReplica('Marc Petit', '41');
    sendAll(store, other);
    expect(listNewsletters(other).map((row) => [row.number, row.published_on, row.published_by?.name])).toEqual([
      [2, '2026-11-03', 'Claire Martin'],
      [1, '2026-09-30', 'Claire Martin'],
    ]);
    expect(getNewsletter(other, id).items).toEqual(published.items);
    expect(invalid(() => updateNewsletter(other, id, { title: 'Autre' })).message).toBe('La lettre n° 2 a été publiée : elle ne peut plus être modifiée.');
    // The next lettre starts the day after this one's period.
    expect(getNewsletter(other, createNewsletter(other, '2026-12-15')).period_start).toBe('2026-11-03');
  });

  test('la lettre suivante part du moment où la précédente a été préparée : rien de redit, rien de perdu le jour de sa publication', () => {
    const { store, clock, actions } = project();
    const second = createNewsletter(store, '2026-11-02');
    publishNewsletter(store, second, '2026-11-02');
    const told = (id: string) =>
      getNewsletter(store, id)
        .items.filter((item) => item.kind !== 'chiffres')
        .map((item) => [item.kind, item.source_id]);
    // Drafted again the same day: nothing the lettre n° 2 told.
    const again = createNewsletter(store, '2026-11-02');
    expect(told(again)).toEqual([]);
    deleteNewsletter(store, again);
    // Later that day, an action réalisée: news for the next lettre, drafted weeks later.
    clock.now = noon('2026-11-02') + 3 * 3600_000;
    updateAction(store, actions.guide, { status: 'realise' });
    clock.now = noon('2026-11-20');
    const third = createNewsletter(store, '2026-11-20');
    expect(getNewsletter(store, third)).toMatchObject({ period_start: '2026-11-03', period_end: '2026-11-20' });
    expect(told(third)).toEqual([['action_terminee', actions.guide]]);
  });

  test('une décision est annoncée par la lettre de la période où son compte rendu est validé, une seule fois', () => {
    const clock = { now: noon('2026-09-01') };
    const store = newReplica('Claire Martin', '37', tempDir(), () => clock.now);
    const people = cast(store);
    // A CODIRI of September whose minutes are validated after the lettre of September went out.
    const codiri = createMeeting(store, { type: 'codiri', date: '2026-09-20', start_time: '14:00', duration_minutes: 120 });
    addEntry(store, addAgendaItem(store, codiri, { title: 'Mobilités' }), { kind: 'decision', text: 'Le CODIRI adopte la charte.' });
    clock.now = noon('2026-09-30');
    publishNewsletter(store, createNewsletter(store, '2026-09-30'), '2026-09-30');
    clock.now = noon('2026-10-05');
    sendForValidation(store, codiri, '2026-10-05');
    validateMinutes(store, codiri, { validatedBy: people.marc, day: '2026-10-20' });
    const decisions = (id: string) =>
      getNewsletter(store, id)
        .items.filter((item) => item.kind === 'decision')
        .map((item) => item.title);
    const october = createNewsletter(store, '2026-11-02');
    expect(decisions(october)).toEqual(['Le CODIRI adopte la charte.']);
    publishNewsletter(store, october, '2026-11-02');
    // A version modificative validated later is not told again.
    clock.now = noon('2026-11-10');
    const amended = amendMinutes(store, codiri, 'Coquille');
    sendForValidation(store, amended, '2026-11-10');
    validateMinutes(store, amended, { validatedBy: people.marc, day: '2026-11-12' });
    expect(decisions(createNewsletter(store, '2026-12-01'))).toEqual([]);
  });

  test('« Nouvelle lettre » se crée toujours : les titres trop longs sont coupés, les faits les plus récents gardés dans la limite des articles', () => {
    const clock = { now: noon('2026-09-01') };
    const store = newReplica('Claire Martin', '37', tempDir(), () => clock.now);
    const long = createAction(store, { chantier_id: 'c1', title: `Étude ${'très '.repeat(70)}longue`, status: 'en_cours' });
    for (let day = 2; day <= 30; day++) {
      clock.now = noon(`2026-09-${String(day).padStart(2, '0')}`);
      for (let n = 0; n < 7; n++) createAction(store, { chantier_id: 'c2', title: `Action ${day}-${n}`, status: 'en_cours' });
    }
    const lettre = getNewsletter(store, createNewsletter(store, '2026-09-30'));
    expect(lettre.items).toHaveLength(200);
    expect(lettre.items.at(-1)!.kind).toBe('chiffres');
    // 204 actions lancées: the 199 most recent are kept, in their order; the oldest is left out.
    const lancees = lettre.items.filter((item) => item.kind === 'action_lancee');
    expect(lancees).toHaveLength(199);
    expect(lancees.some((item) => item.source_id === long)).toBe(false);
    expect(lancees.map((item) => item.title).slice(-2)).toEqual(['Action 30-5', 'Action 30-6']);

    const short = newReplica();
    const title = `Étude ${'très '.repeat(70)}longue`;
    const id = createAction(short, { chantier_id: 'c1', title, status: 'en_cours' });
    const article = getNewsletter(short, createNewsletter(short)).items.find((item) => item.source_id === id)!;
    expect(article.title).toHaveLength(300);
    expect(article.title).toBe(`${title.slice(0, 299).trimEnd()}…`);
  });

  test('une lettre vide ne se publie pas', () => {
    const store = newReplica();
    const id = createNewsletter(store);
    for (const item of getNewsletter(store, id).items) removeNewsletterItem(store, id, item.id);
    expect(invalid(() => publishNewsletter(store, id)).message).toBe(
      "La lettre est vide : écrivez l'éditorial ou gardez au moins un article avant de la publier.",
    );
  });
});

describe('le Markdown de la lettre', () => {
  test('titres, paragraphes, listes, liens (web et courriel seulement), gras ; le reste reste du texte', () => {
    const blocks = parseMarkdown(
      '## Le point\n\nUn **grand** pas,\nsur deux lignes.\n\n- [Le site](https://www.touraine.fr) du 37\n- **gras** et [écrire](mailto:lettre@departement41.fr)\n\n### Plus\n[piège](javascript:alert(1)) <b>brut</b>',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, content: [{ kind: 'text', text: 'Le point' }] },
      {
        kind: 'paragraph',
        content: [
          { kind: 'text', text: 'Un ' },
          { kind: 'bold', children: [{ kind: 'text', text: 'grand' }] },
          { kind: 'text', text: ' pas,' },
          // A line ended by its author stays ended (an address, a signature).
          { kind: 'break' },
          { kind: 'text', text: 'sur deux lignes.' },
        ],
      },
      {
        kind: 'list',
        items: [
          [
            { kind: 'link', href: 'https://www.touraine.fr', children: [{ kind: 'text', text: 'Le site' }] },
            { kind: 'text', text: ' du 37' },
          ],
          [
            { kind: 'bold', children: [{ kind: 'text', text: 'gras' }] },
            { kind: 'text', text: ' et ' },
            { kind: 'link', href: 'mailto:lettre@departement41.fr', children: [{ kind: 'text', text: 'écrire' }] },
          ],
        ],
      },
      { kind: 'heading', level: 3, content: [{ kind: 'text', text: 'Plus' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: '[piège](javascript:alert(1)) <b>brut</b>' }] },
    ]);
    const styles = { h2: 'a', h3: 'b', p: 'c', ul: 'd', li: 'e', a: 'f', strong: 'g' };
    const html = markdownHtml(blocks, styles);
    expect(html).toContain('<a href="https://www.touraine.fr" style="f">Le site</a>');
    expect(html).toContain('&lt;b&gt;brut&lt;/b&gt;');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<p style="c">Un <strong style="g">grand</strong> pas,<br>sur deux lignes.</p>');
    expect(markdownText(blocks)).toBe(
      'Le point\n--------\n\nUn grand pas,\nsur deux lignes.\n\n  • Le site (https://www.touraine.fr) du 37\n  • gras et écrire (lettre@departement41.fr)\n\nPlus\n\n[piège](javascript:alert(1)) <b>brut</b>',
    );
  });
});

/** The .eml read back by Python's `email` package: its structure, its HTML's styles and addresses. */
const CHECK = String.raw`
import email, email.policy, json, re, sys
msg = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
html = msg.get_body(preferencelist=('html',))
text = msg.get_body(preferencelist=('plain',))
content = html.get_content()
defects = [repr(d) for part in msg.walk() for d in part.defects]
tags = re.findall(r'<([a-z][a-z0-9]*)\b([^>]*)>', content)
print(json.dumps({
    'content_type': msg.get_content_type(),
    'parts': [part.get_content_type() for part in msg.iter_parts()],
    'subject': str(msg['Subject']),
    'unsent': msg['X-Unsent'],
    'charset': html.get_content_charset(),
    'text': text.get_content(),
    'html': content,
    'unstyled': sorted({name for name, attributes in tags if 'style=' not in attributes and name not in ('html', 'head', 'meta', 'title', 'br')}),
    'urls': re.findall(r'(?:href|src)="([^"]*)"', content),
    'external': re.findall(r'<(?:link|img|script|iframe)\b|url\(|@import', content),
    'defects': defects,
}, ensure_ascii=False))
`;

describe('le courriel de la lettre', () => {
  test('un titre très long : le nom du fichier est coupé avant « .eml », qui reste', () => {
    const { store } = project();
    const id = createNewsletter(store, '2026-11-02');
    updateNewsletter(store, id, { title: `La lettre de la coopération ${'interdépartementale '.repeat(12)}` });
    publishNewsletter(store, id, '2026-11-03');
    const { file_name } = newsletterEml(store, id);
    expect(file_name).toMatch(/^La lettre de la coopération interdépartementale .+….eml$/);
    expect(Buffer.byteLength(file_name)).toBeLessThanOrEqual(204);
  });

  test('multipart/alternative lu par Python : texte brut et HTML aux styles en ligne, sans adresse extérieure hors liens écrits', () => {
    const { store } = project();
    const id = createNewsletter(store, '2026-11-02');
    updateNewsletter(store, id, { editorial: 'Un automne **riche** : voir [le site](https://www.touraine.fr).\n\n- premier\n- second' });
    expect(invalid(() => newsletterEml(store, id)).message).toBe("La lettre n° 2 n'est pas publiée : publiez-la avant d'en préparer le courriel.");
    publishNewsletter(store, id, '2026-11-03');
    const { eml, file_name } = newsletterEml(store, id);
    expect(file_name).toBe('La lettre de la coopération n° 2.eml');
    const file = join(tempDir(), file_name);
    writeFileSync(file, eml);
    const parsed = JSON.parse(execFileSync(PYTHON, ['-c', CHECK, file], { encoding: 'utf8' })) as {
      content_type: string;
      parts: string[];
      subject: string;
      unsent: string;
      charset: string;
      text: string;
      html: string;
      unstyled: string[];
      urls: string[];
      external: string[];
      defects: string[];
    };
    expect(parsed).toMatchObject({
      content_type: 'multipart/alternative',
      parts: ['text/plain', 'text/html'],
      subject: 'La lettre de la coopération n° 2',
      unsent: '1',
      charset: 'utf-8',
      unstyled: [],
      urls: ['https://www.touraine.fr'],
      external: [],
      defects: [],
    });
    expect(parsed.html).toContain('<strong style="font-weight:bold;">riche</strong>');
    expect(parsed.html).toContain('Département d&#39;Indre-et-Loire &nbsp;·&nbsp; Département de Loir-et-Cher');
    expect(parsed.html).toContain('Charte de la mobilité');
    expect(parsed.html).toContain('Lettre d&#39;info de la coopération entre le Département d&#39;Indre-et-Loire et le Département de Loir-et-Cher.');
    expect(parsed.text).toContain('Un automne riche\u00a0: voir le site (https://www.touraine.fr).');
    expect(parsed.text).toContain('  • premier');
    expect(parsed.text).toContain('[Action réalisée] Charte de la mobilité');
    expect(parsed.text).toContain('Période du 1er octobre 2026 au 2 novembre 2026 · publiée le 3 novembre 2026');
  });
});
