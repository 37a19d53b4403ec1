/**
 * `npm test`: type check, lint, then the unit and integration tests on PGlite, again on
 * PostgreSQL when TEST_DATABASE_URL is set, then the browser journeys in Chromium (on both engines too).
 * `--only=unit` or `--only=e2e` runs one part; `--no-checks` skips type check and lint.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const checks = !args.includes('--no-checks') && !only;
const filters = args.filter((a) => !a.startsWith('--'));

function find(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? find(path, pattern) : pattern.test(name) ? [relative(root, path)] : [];
  });
}

function run(label: string, command: string, commandArgs: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s ===`);
  return result.status === 0;
}

const matches = (file: string) => filters.length === 0 || filters.some((f) => file.includes(f));
const unitFiles = [...find(join(root, 'src'), /\.test\.tsx?$/), ...find(join(root, 'seed'), /\.test\.tsx?$/), ...find(join(root, 'test', 'integration'), /\.test\.tsx?$/)].filter(matches);
const e2eFiles = find(join(root, 'test', 'e2e'), /\.test\.tsx?$/).filter(matches);
const nodeTest = (files: string[]) => ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files];

const results: boolean[] = [];
if (checks) {
  results.push(run('type check', 'npx', ['tsc', '--noEmit']));
  results.push(run('lint', 'npx', ['eslint', '.']));
}
if (only !== 'e2e' && unitFiles.length) {
  results.push(run('unit and integration tests on PGlite', 'node', nodeTest(unitFiles), { GUICHET_TEST_ENGINE: 'pglite' }));
  if (process.env.TEST_DATABASE_URL) {
    results.push(run('unit and integration tests on PostgreSQL', 'node', nodeTest(unitFiles), { GUICHET_TEST_ENGINE: 'postgres' }));
  } else {
    console.log('\n(TEST_DATABASE_URL is not set: the PostgreSQL run is skipped)');
  }
}
if (only !== 'unit' && e2eFiles.length) {
  results.push(run('browser journeys in Chromium on PGlite', 'node', nodeTest(e2eFiles), { GUICHET_TEST_ENGINE: 'pglite' }));
  if (process.env.TEST_DATABASE_URL) {
    results.push(run('browser journeys in Chromium on PostgreSQL', 'node', nodeTest(e2eFiles), { GUICHET_TEST_ENGINE: 'postgres' }));
  }
}
const failed = results.filter((ok) => !ok).length;
console.log(failed === 0 ? '\nnpm test: every part succeeded' : `\nnpm test: ${failed} part(s) FAILED (see above)`);
process.exit(failed === 0 ? 0 : 1);
