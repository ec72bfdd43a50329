/**
 * `npm run reliability`: runs the reliability and security tests and prints what they tried and what held,
 * per category (README "Reliability"). `npm run reliability -- --last` prints the figures of the last run
 * of those tests (e.g. from `npm test`) without running anything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORIES, reliabilityDir, type TallyRow } from '../test/support/tally';

const TESTS: ReadonlyArray<readonly [string, string]> = [
  ['unit', 'test/unit/fuzz.test.ts'],
  [
    'integration',
    'test/integration/(webhook-corpus|webhook-signatures|delivery-chaos|faults|send-failures|send-then-fail|contended-load|crash|fuzz-server|personal-data|document-links|admin-api-auth|document-swap|s3-stand-in|upload-caps|local-exposure|input-hygiene)\\.test\\.ts',
  ],
  ['infra', 'test/infra/stacks.test.ts'],
  ['browser', 'test/browser/(admin(-xss)?|document-script)\\.test\\.ts'],
];

function run(dir: string): boolean {
  let ok = true;
  for (const [project, pattern] of TESTS) {
    const result = spawnSync(join('node_modules', '.bin', 'jest'), [pattern, '--selectProjects', project], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, RELIABILITY_DIR: dir },
    });
    ok &&= result.status === 0;
  }
  return ok;
}

function totals(dir: string): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  if (!existsSync(dir)) return [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const { rows: fileRows } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { rows: TallyRow[] };
    for (const row of fileRows) {
      const what = row.what.startsWith('log lines without') ? 'log lines without NIK, secret, token or document link (all integration files)' : row.what;
      const key = `${row.category}\u0000${what}`;
      const total = rows.get(key) ?? { category: row.category, what, tried: 0, held: 0 };
      total.tried += row.tried;
      total.held += row.held;
      rows.set(key, total);
    }
  }
  return [...rows.values()].sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
}

const last = process.argv.includes('--last');
const dir = last ? reliabilityDir() : mkdtempSync(join(tmpdir(), 'si-bapao-reliability-'));
const passed = last || run(dir);
const rows = totals(dir);
console.log('| category | what was tried | tried | held |');
console.log('| --- | --- | ---: | ---: |');
for (const row of rows) console.log(`| ${row.category} | ${row.what} | ${row.tried.toLocaleString('en-US')} | ${row.held.toLocaleString('en-US')} |`);
const broken = rows.filter((row) => row.held !== row.tried);
if (!last) rmSync(dir, { recursive: true, force: true });
if (!passed || broken.length > 0) {
  console.error(`${broken.length} row(s) did not hold${passed ? '' : '; some tests failed'}`);
  process.exit(1);
}
