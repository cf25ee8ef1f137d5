// `npm run bench:pistes`: 1,000 pistes, each scored by 10 evaluators (5 per partner), then
// the reads behind the pistes' screens — the list, the matrice, the ranking, and the
// synthèse's one call — timed (median of RUNS), printed with their target. The synthèse's
// PDF is timed where Chromium prints it: tests/e2e/specs/matrice.spec.ts, « synthèse de
// 130 pistes », prints « synthèse 130 pistes : X ms ».
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FINALITES } from '../common/vocabulary';
import { createPerson } from '../db/people/writes';
import { listPisteLines, listPistes, matrixOf, pisteMatrix, rankedByFinalite, rankedOf } from '../db/pistes/reads';
import { createPiste, scorePiste } from '../db/pistes/writes';
import { initReplica } from '../db/project/setup';
import { Store } from '../db/store/store';

const PISTES = 1000;
const EVALUATORS_PER_PARTNER = 5;
const RUNS = 7;
/** The pistes' screens' first render: their read must leave the screen time to draw. */
const TARGET_MS = 200;

// A small deterministic generator: the same pistes on every run.
let seed = 20261201;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const WORDS =
  'mutualiser observatoire commun achats groupés formation des agents plateforme partagée transport scolaire collèges numérique tourisme routes'.split(' ');

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fr = (value: number, digits = 0) => value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function timed(label: string, read: () => unknown): void {
  read(); // once before timing: statements prepared, caches warm, as on a screen shown twice
  const times = Array.from({ length: RUNS }, () => {
    const start = process.hrtime.bigint();
    read();
    return ms(start);
  });
  const value = median(times);
  console.log(`${label.padEnd(52)} ${`${fr(value, 1)} ms`.padStart(10)}   objectif < ${TARGET_MS} ms : ${value < TARGET_MS ? 'atteint' : 'MANQUÉ'}`);
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-pistes-'));
  const store = Store.open(join(dir, 'entente.sqlite'));
  try {
    const start = process.hrtime.bigint();
    initReplica(store, { name: 'Claire Martin', function: 'Cheffe de projet', partner: '37' });
    const evaluators = [
      store.personId!,
      ...['d37', 'd41'].flatMap((partner) =>
        Array.from({ length: partner === 'd37' ? EVALUATORS_PER_PARTNER - 1 : EVALUATORS_PER_PARTNER }, (_, i) =>
          createPerson(store, { name: `Évaluateur ${partner} n° ${i + 1}`, function: null, partner_id: partner, email: null }),
        ),
      ),
    ];
    store.transaction(() => {
      for (let n = 0; n < PISTES; n++) {
        const title = Array.from({ length: int(3, 7) }, () => WORDS[int(0, WORDS.length - 1)]).join(' ');
        const finalites = FINALITES.filter(() => random() < 0.3);
        const piste = createPiste(store, { title, proposed_by_partner_id: n % 2 ? 'd41' : 'd37', finalites });
        for (const evaluator of evaluators) scorePiste(store, piste, { evaluator_person_id: evaluator, plus_value: int(1, 4), faisabilite: int(1, 4) });
      }
    });
    const scores = store.db.prepare('SELECT count(*) FROM piste_score WHERE deleted = 0').pluck().get() as number;
    console.log(`\nPistes : ${fr(PISTES)} pistes, ${fr(scores)} évaluations (${evaluators.length} évaluateurs), créées en ${fr(ms(start) / 1000, 1)} s`);
    timed('Liste des pistes (listPistes)', () => listPistes(store));
    timed('Lignes de la liste (listPisteLines)', () => listPisteLines(store));
    timed('Matrice (pisteMatrix)', () => pisteMatrix(store));
    timed('Classement par finalité (rankedByFinalite)', () => rankedByFinalite(store));
    timed('Synthèse : une lecture, matrice et classement', () => {
      const pistes = listPistes(store);
      return [matrixOf(pistes), rankedOf(pistes)];
    });
    console.log(`Charge de la machine pendant la mesure : ${fr(loadavg()[0], 1)} pour ${availableParallelism()} processeur(s).`);
    console.log('Le PDF de la synthèse (130 pistes) est mesuré par tests/e2e/specs/matrice.spec.ts : « synthèse 130 pistes : X ms ».');
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
