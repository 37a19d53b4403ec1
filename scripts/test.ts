/**
 * `npm test`: type check, lint, the unit and integration tests on PGlite, the same on PostgreSQL
 * when TEST_DATABASE_URL is set, and the browser journeys in Chromium on both engines.
 *
 * Every test file is one job per engine; the jobs run side by side in a pool (GUICHET_TEST_JOBS,
 * 3 by default: the browser journeys spend part of their time waiting, so a third job keeps two
 * cores busy). Each slot of the pool runs its test jobs in a shared test process
 * (test/support/worker.ts) that runs up to 30 files one after the other: Node's start and the
 * loading of the application are paid once, not per file (GUICHET_TEST_PROCESS_PER_FILE=1: one
 * process per file, as before). Each job's output is printed whole when it ends, then the time and CPU of every
 * phase and the costliest jobs. `--only=unit` or `--only=e2e` runs one part; `--no-checks` skips
 * type check and lint; other arguments keep the test files whose path contains one of them.
 *
 * What keeps it short (README.md, "Time of the test run"): the test databases are copies of
 * a template data directory built once, with small shared buffers (a PGlite start costs less than
 * half); the seed rebuilds the search index in bulk (test/e2e/start.test.ts and
 * test/integration/process.test.ts seed a fresh database; seed/reindex.test.ts rebuilds it);
 * the test processes are shared by many files and load the code with a TypeScript loader of their
 * own (test/support/loader.ts) and Node's compile cache; the longest jobs start first so that the
 * run does not end on one long job.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { WorkerAnswer } from '../test/support/worker';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const checks = !args.includes('--no-checks') && !only;
const filters = args.filter((a) => !a.startsWith('--'));
const poolSize = Math.max(1, Number(process.env.GUICHET_TEST_JOBS ?? 3));
const cacheDir = join(root, '.cache');

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
  /** Waits for the test databases' templates. */
  needsTemplates?: boolean;
  /** Size of the test file: the order of a first run, before any job's time is known. */
  size?: number;
  /** A test file that a worker process may run among others (test/support/worker.ts). */
  test?: { file: string; engine: Engine };
  /** A file that compares timings: it runs at the end, when no other job runs beside it. */
  quiet?: boolean;
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

// Each test file runs in one process, directly (no `--test` runner process above it), with the
// in-process TypeScript loader when this Node has module.registerHooks (≥ 22.15), else tsx.
const sharedProcesses = process.env.GUICHET_TEST_PROCESS_PER_FILE !== '1';
const loader = typeof (nodeModule as { registerHooks?: unknown }).registerHooks === 'function' ? join(root, 'test/support/loader.ts') : 'tsx';

const testJob = (phase: string, file: string, engine: Engine): Job => ({
  phase: `${phase} on ${engineName(engine)}`,
  label: `${file} on ${engineName(engine)}`,
  command: process.execPath,
  args: ['--import', loader, '--test-reporter=spec', file],
  env: { GUICHET_TEST_ENGINE: engine },
  needsTemplates: true,
  size: statSync(join(root, file)).size,
  // A file that ends its process itself, or says it needs a process of its own, runs alone.
  test: sharedProcesses && !/^\s*process\.exit\(|^\/\/ Runs in a test process of its own:/m.test(readFileSync(join(root, file), 'utf8')) ? { file, engine } : undefined,
  // A file whose first lines say `// Measures time:` compares timings (e.g. that an answer does
  // not tell whether an address has an account): on a machine busy with two other jobs its
  // medians drift by tens of milliseconds, so it runs after the others, one job at a time.
  quiet: /^\/\/ Measures time:/m.test(readFileSync(join(root, file), 'utf8')),
});

const preparation: Job[] = [];
if ((only !== 'e2e' && unitFiles.length) || (only !== 'unit' && e2eFiles.length)) {
  for (const engine of engines) {
    preparation.push({ phase: 'test databases', label: `template on ${engineName(engine)}`, command: process.execPath, args: ['--import', loader, 'test/support/prepare.ts'], env: { GUICHET_TEST_ENGINE: engine } });
  }
}
const checkJobs: Job[] = [];
if (checks) {
  checkJobs.push({ phase: 'type check', label: 'tsc --noEmit', command: process.execPath, args: [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit'], env: {} });
  checkJobs.push({ phase: 'lint', label: 'eslint .', command: process.execPath, args: [join(root, 'node_modules/eslint/bin/eslint.js'), '.'], env: {} });
}

// Longest first, by the CPU each job took in the last run on this checkout (.cache), else by the
// size of its file. The browser journeys on PGlite come before those on PostgreSQL, in the same
// order, so that a page already checked on one engine is recognised on the other
// (test/e2e/support/check-memo.ts); then the unit and integration tests of both engines.
// A fresh clone (CI) has no .cache: it starts from the costs committed in test/support/test-costs.json
// (copied from a full run's .cache/test-durations.json from time to time; only an order, never a limit).
const durationsFile = join(cacheDir, 'test-durations.json');
const committedCosts = join(root, 'test', 'support', 'test-costs.json');
const costsFile = existsSync(durationsFile) ? durationsFile : existsSync(committedCosts) ? committedCosts : null;
const known: Record<string, number> = costsFile ? (JSON.parse(readFileSync(costsFile, 'utf8')) as Record<string, number>) : {};
const byCost = (a: Job, b: Job) => (known[b.label] ?? 0) - (known[a.label] ?? 0) || (b.size ?? 0) - (a.size ?? 0);
const e2eOrder = e2eFiles.map((file) => testJob('browser journeys in Chromium', file, 'pglite')).sort(byCost).map((job) => e2eFiles.find((file) => job.label.startsWith(`${file} on`))!);
const tests: Job[] = [];
if (only !== 'unit') for (const engine of engines) tests.push(...e2eOrder.map((file) => testJob('browser journeys in Chromium', file, engine)));
if (only !== 'e2e') tests.push(...engines.flatMap((engine) => unitFiles.map((file) => testJob('unit and integration tests', file, engine))).sort(byCost));
if (!process.env.TEST_DATABASE_URL) console.log('(TEST_DATABASE_URL is not set: the PostgreSQL runs are skipped)');

const checksDir = mkdtempSync(join(tmpdir(), 'guichet-checks-'));
// The copies of the PGlite test databases: in memory (/dev/shm) when the system has it.
const databasesDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'guichet-test-databases-'));
// GNU time reports the CPU time of a job with its children (Chromium included) once they ended.
const timeCommand = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
let jobNumber = 0;

/** CPU seconds of every process this run started and that ended (cutime + cstime of /proc/self/stat), on Linux. */
function childrenCpu(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

function cpuOf(file: string | null): number | null {
  if (!file || !existsSync(file)) return null;
  const [user, system] = readFileSync(file, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return Number.isFinite(user) && Number.isFinite(system) ? user! + system! : null;
}

function run(job: Job): Promise<Outcome> {
  const started = Date.now();
  const cpuFile = timeCommand ? join(checksDir, `cpu-${jobNumber++}.txt`) : null;
  const [command, commandArgs] = timeCommand ? [timeCommand, ['-q', '-o', cpuFile!, '-f', '%U %S', job.command, ...job.args]] : [job.command, job.args];
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      cwd: root,
      env: {
        ...process.env,
        GUICHET_CHECKS_DIR: checksDir,
        GUICHET_TEST_TMP: databasesDir,
        NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(cacheDir, 'node-compile-cache'),
        FORCE_COLOR: '0',
        ...job.env,
      },
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

/**
 * A process that runs test files one after the other (test/support/worker.ts): the start of
 * Node and the loading of the application are paid once for many files. A worker runs a file at
 * most once (an imported module does not run again) and is replaced after FILES_PER_WORKER files
 * or when it holds more than MAX_WORKER_RSS bytes.
 */
interface TestWorker {
  child: ChildProcess;
  files: Set<string>;
  alive: boolean;
  rss: number;
  /** What the process printed outside any file (a crash). */
  loose: string[];
  answer?: (answer: WorkerAnswer | null) => void;
  ready: Promise<void>;
  exited: Promise<void>;
}
const FILES_PER_WORKER = Number(process.env.GUICHET_TEST_FILES_PER_PROCESS ?? 30);
const MAX_WORKER_RSS = 1_500_000_000;
let workersStarted = 0;

function startWorker(): TestWorker {
  workersStarted++;
  const child = fork(join(root, 'test/support/worker.ts'), [], {
    cwd: root,
    execArgv: ['--import', loader],
    env: {
      ...process.env,
      GUICHET_CHECKS_DIR: checksDir,
      GUICHET_TEST_TMP: databasesDir,
      NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(cacheDir, 'node-compile-cache'),
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let isReady = () => {};
  const testWorker: TestWorker = { child, files: new Set(), alive: true, rss: 0, loose: [], ready: new Promise((resolve) => (isReady = resolve)), exited: Promise.resolve() };
  child.stdout!.on('data', (chunk: Buffer) => testWorker.loose.push(chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => testWorker.loose.push(chunk.toString('utf8')));
  child.on('message', (message: WorkerAnswer | { ready: true }) => {
    if ('file' in message) testWorker.answer?.(message);
    else isReady();
  });
  testWorker.exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      testWorker.alive = false;
      if (code !== 0 || signal) testWorker.loose.push(`(the test process ended with ${signal ?? `code ${code}`})\n`);
      testWorker.answer?.(null);
      isReady();
      resolve();
    }),
  );
  return testWorker;
}

async function stopWorker(testWorker: TestWorker): Promise<void> {
  if (testWorker.alive) testWorker.child.send({ stop: true });
  const timer = setTimeout(() => testWorker.child.kill('SIGKILL'), 10_000);
  await testWorker.exited;
  clearTimeout(timer);
  const loose = testWorker.loose.join('').trim();
  if (loose) process.stdout.write(`\n=== printed by a test process outside its files ===\n${loose}\n`);
}

async function runInWorker(testWorker: TestWorker, job: Job): Promise<Outcome> {
  const started = Date.now();
  const { file, engine } = job.test!;
  testWorker.files.add(file);
  await testWorker.ready;
  const answer = await new Promise<WorkerAnswer | null>((resolve) => {
    testWorker.answer = resolve;
    if (testWorker.alive) testWorker.child.send({ file, engine });
    else resolve(null);
  });
  testWorker.answer = undefined;
  const ended = Date.now();
  let output = answer?.output ?? '';
  if (!answer) {
    // The process died during the file: what it printed is this file's.
    output += testWorker.loose.splice(0).join('');
  }
  testWorker.rss = answer?.rss ?? 0;
  const ok = answer?.ok ?? false;
  process.stdout.write(`\n=== ${job.label} ===\n${output}`);
  console.log(`=== ${job.label}: ${ok ? 'ok' : 'FAILED'} in ${Math.round((ended - started) / 1000)} s${answer ? `, ${Math.round(answer.cpu)} s of CPU` : ''} ===`);
  return { job, ok, started, ended, cpu: answer?.cpu ?? null };
}

/**
 * Runs the queue `size` jobs at a time. The templates, type check and lint start first; a test
 * job waits for the templates (and is not run if one could not be built).
 */
const templateDone = new Map<Job, (ok: boolean) => void>();
let templatesOk = true;
async function pool(queue: Job[], size: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const pending = [...queue];
  // The templates are built by the first pool; a later one (the quiet jobs) finds them done.
  const templates = Promise.all(
    preparation.filter((job) => queue.includes(job)).map(
      (job) =>
        new Promise<void>((resolve) => {
          templateDone.set(job, (ok) => {
            templatesOk &&= ok;
            resolve();
          });
        }),
    ),
  );
  const worker = async () => {
    let testWorker: TestWorker | undefined;
    // The next job, but not a file this slot's worker process already ran (on the other engine).
    const next = () => {
      const index = pending.findIndex((job) => !job.test || !testWorker?.files.has(job.test.file));
      return index === -1 ? pending.shift() : pending.splice(index, 1)[0];
    };
    for (let job = next(); job; job = next()) {
      if (job.needsTemplates) {
        await templates;
        if (!templatesOk) continue;
      }
      let outcome: Outcome;
      if (job.test) {
        if (testWorker && (testWorker.files.has(job.test.file) || !testWorker.alive)) {
          await stopWorker(testWorker);
          testWorker = undefined;
        }
        testWorker ??= startWorker();
        outcome = await runInWorker(testWorker, job);
        if (!testWorker.alive || testWorker.files.size >= FILES_PER_WORKER || testWorker.rss > MAX_WORKER_RSS) {
          await stopWorker(testWorker);
          testWorker = undefined;
        }
      } else {
        outcome = await run(job);
      }
      outcomes.push(outcome);
      templateDone.get(job)?.(outcome.ok);
    }
    if (testWorker) await stopWorker(testWorker);
  };
  await Promise.all(Array.from({ length: Math.min(size, pending.length) }, worker));
  return outcomes;
}

const startedAll = Date.now();
const outcomes: Outcome[] = [];
try {
  outcomes.push(...(await pool([...preparation, ...checkJobs, ...tests.filter((job) => !job.quiet)], poolSize)));
  const quiet = tests.filter((job) => job.quiet);
  if (quiet.length) {
    console.log(`\n=== ${quiet.length} job(s) that compare timings, one at a time on an otherwise idle run ===`);
    outcomes.push(...(await pool(quiet, 1)));
  }
} finally {
  rmSync(checksDir, { recursive: true, force: true });
  rmSync(databasesDir, { recursive: true, force: true });
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
  // The order of the next run: what each job cost this time (kept for the jobs not run now).
  mkdirSync(cacheDir, { recursive: true });
  for (const o of outcomes) if (o.cpu !== null && o.job.size !== undefined) known[o.job.label] = Math.round(o.cpu * 10) / 10;
  writeFileSync(durationsFile, JSON.stringify(known, null, 1));
}
// The reaped children miss Chromium's renderers (not reaped by Chromium); the shared test processes
// count them in each job's CPU (test/support/worker.ts): the larger of the two, a lower bound.
const totalCpu = Math.max(childrenCpu() ?? 0, outcomes.reduce((sum, o) => sum + (o.cpu ?? 0), 0));
console.log(`all: ${Math.round((Date.now() - startedAll) / 1000)} s with ${poolSize} jobs at a time (${workersStarted} test processes for ${outcomes.filter((o) => o.job.test).length} shared-process test jobs)${timeCommand ? `, ${Math.round(totalCpu)} s of CPU (${(totalCpu / 60).toFixed(1)} min)` : ''}`);
const failed = outcomes.filter((o) => !o.ok);
const expected = preparation.length + checkJobs.length + tests.length;
if (outcomes.length < expected) console.log(`\n${expected - outcomes.length} job(s) did not run: a test database template could not be built (see above)`);
for (const outcome of failed) console.log(`FAILED: ${outcome.job.label}`);
const success = failed.length === 0 && outcomes.length >= expected;
console.log(success ? '\nnpm test: every part succeeded' : '\nnpm test: some parts FAILED (see above)');
process.exit(success ? 0 : 1);
