// Electronegativity (Doyensec's checker of Electron apps) over main/, preload/ and renderer/
// together, so that its global checks see the whole app. Fails on any finding of severity
// MEDIUM or above (and any global check) that allowed.json does not explain, and on an
// explanation that no longer matches a finding.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '../..');
const require = createRequire(import.meta.url);
const work = join(ROOT, '.cache/electronegativity');
rmSync(work, { recursive: true, force: true });
for (const layer of ['main', 'preload', 'renderer']) {
  cpSync(join(ROOT, layer), join(work, 'app', layer), { recursive: true, filter: (source) => !source.includes('/dev') });
}
const report = join(work, 'findings.sarif');
const run = spawnSync(
  process.execPath,
  [
    join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js'),
    '--input',
    join(work, 'app'),
    '--relative',
    '--electron-version',
    require('electron/package.json').version,
    '--severity',
    'MEDIUM',
    '--verbose',
    'false',
    '--output',
    report,
  ],
  { encoding: 'utf8' },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}

// SARIF, not CSV: this version writes its CSV header and rows in two racing writes.
const sarif = JSON.parse(readFileSync(report, 'utf8'));
/** The findings, as { issue, file, line }; MEDIUM and above (and the global checks, whatever their level). */
const findings = sarif.runs[0].results.map((result) => {
  const location = result.locations?.[0]?.physicalLocation;
  const file = location?.artifactLocation?.uri;
  return { issue: result.ruleId, severity: result.level, file: !file || file === 'file:///' ? 'N/A' : file, line: location?.region?.startLine ?? 0 };
});

const allowed = JSON.parse(readFileSync(join(here, 'allowed.json'), 'utf8'));
const explains = (entry, finding) => entry.issue === finding.issue && entry.file === finding.file;
const unexplained = findings.filter((finding) => !allowed.some((entry) => explains(entry, finding)));
const stale = allowed.filter((entry) => !findings.some((finding) => explains(entry, finding)));
for (const finding of findings) {
  const entry = allowed.find((candidate) => explains(candidate, finding));
  console.log(`${entry ? 'expliqué' : 'À CORRIGER'} · ${finding.severity} ${finding.issue} ${finding.file}:${finding.line}${entry ? ` — ${entry.why}` : ''}`);
}
if (unexplained.length || stale.length) {
  if (unexplained.length) console.error(`\nElectronegativity : ${unexplained.length} constat(s) sans explication dans tests/electronegativity/allowed.json.`);
  if (stale.length) console.error(`\nExplications sans constat (à retirer) : ${stale.map((entry) => `${entry.issue} ${entry.file}`).join(', ')}`);
  process.exit(1);
}
console.log(`Electronegativity : ${findings.length} constat(s), tous expliqués.`);
