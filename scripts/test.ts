/**
 * `npm test`: type check, lint, the unit and integration tests on PGlite, the same on PostgreSQL
 * when TEST_DATABASE_URL is set, and the browser journeys in Chromium on both engines.
 *
 * Every test file is one job per engine; the jobs run side by side in a pool (GUICHET_TEST_JOBS,
 * 3 by default: the browser journeys spend part of their time waiting, so a third job keeps two
 * cores busy). Each job's output is printed whole when it ends, then the time of every phase.
 * `--only=unit` or `--only=e2e` runs one part; `--no-checks` skips type check and lint; other
 * arguments keep the test files whose path contains one of them.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const checks = !args.includes('--no-checks') && !only;
const filters = args.filter((a) => !a.startsWith('--'));
const poolSize = Math.max(1, Number(process.env.GUICHET_TEST_JOBS ?? 3));

function find(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? find(path, pattern) : pattern.test(name) ? [relative(root, path)] : [];
  });
}

type Engine = 'pglite' | 'postgres';
interface Job {
  phase: string;
  label: string;
  command: string;
  args: string[];
  env: Record<string, string>;
}
interface Outcome {
  job: Job;
  ok: boolean;
  started: number;
  ended: number;
  /** CPU seconds (user + system) of the job and every process it started, when /usr/bin/time is there. */
  cpu: number | null;
}

const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const engineName = (engine: Engine) => (engine === 'pglite' ? 'PGlite' : 'PostgreSQL');
const matches = (file: string) => filters.length === 0 || filters.some((f) => file.includes(f));
const unitFiles = [...find(join(root, 'src'), /\.test\.tsx?$/), ...find(join(root, 'seed'), /\.test\.tsx?$/), ...find(join(root, 'test', 'integration'), /\.test\.tsx?$/)].filter(matches);
const e2eFiles = find(join(root, 'test', 'e2e'), /\.test\.tsx?$/).filter(matches);

const testJob = (phase: string, file: string, engine: Engine): Job => ({
  phase: `${phase} on ${engineName(engine)}`,
  label: `${file} on ${engineName(engine)}`,
  command: process.execPath,
  args: ['--import', 'tsx', '--test', '--test-reporter=spec', file],
  env: { GUICHET_TEST_ENGINE: engine },
});

// The first jobs build what the others need (the database templates) or take long alone (type
// check); the browser journeys come before the unit tests, PGlite's before PostgreSQL's, so that
// a page already checked on one engine is recognised on the other (test/e2e/support/check-memo.ts).
const preparation: Job[] = [];
const jobs: Job[] = [];
if (only !== 'e2e' || e2eFiles.length > 0) {
  for (const engine of engines) {
    if ((only !== 'e2e' && unitFiles.length) || (only !== 'unit' && e2eFiles.length)) {
      preparation.push({ phase: 'test databases', label: `template on ${engineName(engine)}`, command: process.execPath, args: ['--import', 'tsx', 'test/support/prepare.ts'], env: { GUICHET_TEST_ENGINE: engine } });
    }
  }
}
if (checks) {
  jobs.push({ phase: 'type check', label: 'tsc --noEmit', command: process.execPath, args: [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit'], env: {} });
  jobs.push({ phase: 'lint', label: 'eslint .', command: process.execPath, args: [join(root, 'node_modules/eslint/bin/eslint.js'), '.'], env: {} });
}
if (only !== 'unit') for (const engine of engines) for (const file of e2eFiles) jobs.push(testJob('browser journeys in Chromium', file, engine));
if (only !== 'e2e') for (const engine of engines) for (const file of unitFiles) jobs.push(testJob('unit and integration tests', file, engine));
if (!process.env.TEST_DATABASE_URL) console.log('(TEST_DATABASE_URL is not set: the PostgreSQL runs are skipped)');

const checksDir = mkdtempSync(join(tmpdir(), 'guichet-checks-'));
// GNU time reports the CPU time of a job with its children (Chromium included) once they ended.
const timeCommand = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
let jobNumber = 0;

function cpuOf(file: string | null): number | null {
  if (!file || !existsSync(file)) return null;
  const [user, system] = readFileSync(file, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return Number.isFinite(user) && Number.isFinite(system) ? user! + system! : null;
}

function run(job: Job): Promise<Outcome> {
  const started = Date.now();
  const cpuFile = timeCommand ? join(checksDir, `cpu-${jobNumber++}.txt`) : null;
  const [command, args] = timeCommand ? [timeCommand, ['-q', '-o', cpuFile!, '-f', '%U %S', job.command, ...job.args]] : [job.command, job.args];
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, GUICHET_CHECKS_DIR: checksDir, FORCE_COLOR: '0', ...job.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code) => {
      const ended = Date.now();
      const ok = code === 0;
      const cpu = cpuOf(cpuFile);
      process.stdout.write(`\n=== ${job.label} ===\n${Buffer.concat(output).toString('utf8')}`);
      console.log(`=== ${job.label}: ${ok ? 'ok' : 'FAILED'} in ${Math.round((ended - started) / 1000)} s${cpu === null ? '' : `, ${Math.round(cpu)} s of CPU`} ===`);
      resolve({ job, ok, started, ended, cpu });
    });
  });
}

async function pool(queue: Job[], size: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const pending = [...queue];
  const worker = async () => {
    for (let job = pending.shift(); job; job = pending.shift()) outcomes.push(await run(job));
  };
  await Promise.all(Array.from({ length: Math.min(size, pending.length) }, worker));
  return outcomes;
}

const startedAll = Date.now();
const outcomes: Outcome[] = [];
try {
  // The templates first (with the type check and lint beside them), then everything else.
  const checkJobs = jobs.filter((j) => j.phase === 'type check' || j.phase === 'lint');
  outcomes.push(...(await pool([...preparation, ...checkJobs], poolSize)));
  const preparedOk = outcomes.filter((o) => o.job.phase === 'test databases').every((o) => o.ok);
  if (preparedOk) outcomes.push(...(await pool(jobs.filter((j) => !checkJobs.includes(j)), poolSize)));
} finally {
  rmSync(checksDir, { recursive: true, force: true });
}

console.log('\n=== Time of each phase (the jobs of a phase run side by side with others) ===');
const phases = [...new Set(outcomes.map((o) => o.job.phase))];
for (const phase of phases) {
  const of = outcomes.filter((o) => o.job.phase === phase);
  const span = (Math.max(...of.map((o) => o.ended)) - Math.min(...of.map((o) => o.started))) / 1000;
  const busy = of.reduce((sum, o) => sum + (o.ended - o.started), 0) / 1000;
  const failedHere = of.filter((o) => !o.ok).length;
  const cpu = of.reduce((sum, o) => sum + (o.cpu ?? 0), 0);
  console.log(`${phase}: ${of.length} job(s), ${failedHere === 0 ? 'ok' : `${failedHere} FAILED`}, from start to end ${Math.round(span)} s, ${Math.round(busy)} s of jobs${timeCommand ? `, ${Math.round(cpu)} s of CPU` : ''}`);
}
if (timeCommand) {
  console.log('\n=== The 20 jobs that took the most CPU ===');
  for (const o of [...outcomes].sort((a, b) => (b.cpu ?? 0) - (a.cpu ?? 0)).slice(0, 20)) {
    console.log(`${String(Math.round(o.cpu ?? 0)).padStart(5)} s CPU, ${String(Math.round((o.ended - o.started) / 1000)).padStart(4)} s: ${o.job.label}`);
  }
}
const totalCpu = outcomes.reduce((sum, o) => sum + (o.cpu ?? 0), 0);
console.log(`all: ${Math.round((Date.now() - startedAll) / 1000)} s with ${poolSize} jobs at a time${timeCommand ? `, ${Math.round(totalCpu)} s of CPU (${(totalCpu / 60).toFixed(1)} min)` : ''}`);
const failed = outcomes.filter((o) => !o.ok);
const expected = (checks ? 2 : 0) + preparation.length + jobs.length - (checks ? 2 : 0);
if (outcomes.length < expected) console.log(`\n${expected - outcomes.length} job(s) did not run: a test database template could not be built (see above)`);
for (const outcome of failed) console.log(`FAILED: ${outcome.job.label}`);
const success = failed.length === 0 && outcomes.length >= expected;
console.log(success ? '\nnpm test: every part succeeded' : '\nnpm test: some parts FAILED (see above)');
process.exit(success ? 0 : 1);
