// « Exporter tout » of the default project, then of a large one (thousands of actions with
// their pilotes, étapes and notes, meetings, pistes and their évaluations): every CSV read
// back as Excel in French reads it (Python's csv module, « ; », UTF-8 with BOM), each line
// as wide as its header, and as many lines as the project holds: what `entente info`
// counts, what the LISEZMOI announces, what the store has.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { setPilot } from '../../db/actions/pilots';
import { addNote, addStep, createAction } from '../../db/actions/writes';
import { exportAll } from '../../db/exports/export-all';
import { createPerson } from '../../db/people/writes';
import { createPiste, scorePiste } from '../../db/pistes/writes';
import { counts } from '../../db/project/dump';
import type { Store } from '../../db/store/store';
import { ACTION_STATUSES, PRIORITIES } from '../../common/vocabulary';
import { cast, codiri } from './meeting-fixtures';
import { newReplica, tempDir } from './helpers';

const PYTHON = '/usr/bin/python3';

/** Each CSV of the folder as Python's csv module reads it: its header, its number of lines, and the lines not as wide as the header. */
const READ_CSV = `
import csv, json, os, sys
out = {}
for name in sorted(os.listdir(sys.argv[1])):
    if not name.endswith('.csv'): continue
    with open(os.path.join(sys.argv[1], name), encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f, delimiter=';', strict=True))
    out[name] = {'header': rows[0], 'lines': len(rows) - 1, 'ragged': [i + 1 for i, r in enumerate(rows) if len(r) != len(rows[0])]}
print(json.dumps(out))
`;

type CsvFile = { header: string[]; lines: number; ragged: number[] };

function readCsvFolder(folder: string): Record<string, CsvFile> {
  const run = spawnSync(PYTHON, ['-c', READ_CSV, folder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Record<string, CsvFile>;
}

/** Which files `entente info` counts, by its keys. */
const INFO_FILES = {
  partners: 'partenaires.csv',
  people: 'personnes.csv',
  chantiers: 'chantiers.csv',
  actions: 'actions.csv',
  meetings: 'reunions.csv',
  pistes: 'pistes.csv',
} as const;

/** Exports the project and checks every CSV against the store; answers the files read. */
function exportAndCheck(store: Store): Record<string, CsvFile> {
  const folder = join(tempDir(), 'Export');
  const result = exportAll(store, folder);
  const files = readCsvFolder(folder);
  const csvNames = readdirSync(folder).filter((name) => name.endsWith('.csv'));
  expect(Object.keys(files).sort()).toEqual(csvNames.sort());
  // The LISEZMOI names each file's table and announces its lines.
  const readme = readFileSync(join(folder, 'LISEZMOI.txt'), 'utf8');
  const announced = new Map([...readme.matchAll(/^(\S+\.csv) \[(\w+)\] : (\d+) ligne\(s\)$/gm)].map((m) => [m[1], { entity: m[2], lines: Number(m[3]) }]));
  expect([...announced.keys()].sort()).toEqual(csvNames.sort());
  for (const [name, file] of Object.entries(files)) {
    const { entity, lines } = announced.get(name)!;
    expect(file.ragged, name).toEqual([]);
    expect(file.header[0], name).toBe('Identifiant');
    expect(file.lines, name).toBe(lines);
    expect(file.lines, name).toBe(result.counts[name]);
    expect(file.lines, name).toBe(store.db.prepare(`SELECT count(*) FROM ${entity} WHERE deleted = 0`).pluck().get());
  }
  const info = counts(store);
  for (const [key, name] of Object.entries(INFO_FILES)) expect(files[name].lines, name).toBe(info[key as keyof typeof INFO_FILES]);
  return files;
}

// A small deterministic generator: the same project on every run.
let seed = 37_41;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Texts a CSV must quote: « ; », quotes, line breaks, a would-be formula, accents. */
const TEXTS = [
  'Mutualiser les achats ; groupement de commandes',
  'Séminaire « cadres » des deux Départements',
  'Le "grand témoin" invité\npuis restitution',
  '- premier groupe en mars\r\n- second en juin',
  '=SOMME(A1:A3) reste du texte',
  'Échanges de pratiques entre collèges',
];

const ACTIONS = 3_000;
const MEETINGS = 30;
const PISTES = 200;

function largeProject(): Store {
  const store = newReplica();
  store.transaction(() => {
    const people = cast(store);
    const pilots: Record<string, string[]> = { d37: [people.anne, people.paul], d41: [people.marc, people.emilie] };
    for (let i = 0; i < 60; i++) {
      const partner = i % 2 ? 'd41' : 'd37';
      pilots[partner].push(createPerson(store, { name: `Agent ${i}`, function: pick([null, 'Chef de service']), partner_id: partner, email: null }));
    }
    const chantiers = Array.from({ length: 9 }, (_, i) => `c${i + 1}`);
    for (let i = 0; i < ACTIONS; i++) {
      const id = createAction(store, {
        chantier_id: pick(chantiers),
        title: `${pick(TEXTS).split('\n')[0]} n° ${i}`,
        status: pick(ACTION_STATUSES),
        priority: pick(PRIORITIES),
        start_date: '2027-01-15',
        end_date: random() < 0.5 ? '2027-12-31' : null,
        progress: Math.floor(random() * 101),
        description: random() < 0.5 ? pick(TEXTS) : null,
      });
      for (const partner of ['d37', 'd41']) if (random() < 0.7) setPilot(store, id, partner, { person_id: pick(pilots[partner]) });
      if (random() < 0.3) addStep(store, id, pick(TEXTS).split('\n')[0]);
      if (random() < 0.3) addNote(store, id, { text: pick(TEXTS), date: '2027-02-01' });
    }
    for (let i = 0; i < MEETINGS; i++) codiri(store, people, { date: `2027-${String((i % 12) + 1).padStart(2, '0')}-15` });
    for (let i = 0; i < PISTES; i++) {
      const piste = createPiste(store, {
        title: `Piste ${i} : ${pick(TEXTS).split('\n')[0]}`,
        description: pick(TEXTS),
        proposed_by_partner_id: pick(['d37', 'd41']),
      });
      scorePiste(store, piste, { evaluator_person_id: people.anne, plus_value: 3, faisabilite: 2, comment: pick(TEXTS) });
      if (i % 2) scorePiste(store, piste, { evaluator_person_id: people.marc, plus_value: 4, faisabilite: 1 });
    }
  });
  return store;
}

describe('Exporter tout', { timeout: 60_000 }, () => {
  test('du projet par défaut : chaque CSV se relit, autant de lignes que le projet en compte', () => {
    const files = exportAndCheck(newReplica());
    expect(files['chantiers.csv'].lines).toBe(9);
    expect(files['partenaires.csv'].lines).toBe(2);
  });

  test("d'un grand projet : des milliers d'actions, des réunions, des pistes, chaque CSV relu ligne pour ligne", () => {
    const store = largeProject();
    const info = counts(store);
    expect(info).toMatchObject({ actions: ACTIONS + 14, meetings: MEETINGS, pistes: PISTES });
    const files = exportAndCheck(store);
    expect(files['evaluations-des-pistes.csv'].lines).toBe(PISTES * 1.5);
    expect(files['participants.csv'].lines).toBe(MEETINGS * 7);
    expect(files['pilotes.csv'].lines).toBeGreaterThan(ACTIONS);
    expect(files['notes.csv'].lines).toBeGreaterThan(ACTIONS / 5);
  });
});
