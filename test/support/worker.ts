/**
 * A test process that runs many test files, one after the other, for `npm test`
 * (scripts/test.ts): starting Node, loading the application and its libraries cost ~2.5 s of
 * CPU per process, more than many test files themselves. The runner sends a file and its engine
 * over IPC; the worker runs it with node:test's `run({ isolation: 'none' })` in this process and
 * answers with its output, whether it passed, and the CPU it took.
 *
 * A test file here gets what it gets in a process of its own: a fresh root test (its top-level
 * hooks apply to its tests only), its own database (test/support/database.ts), and the end of
 * the file is its end: after its last test and its top-level `after` hooks (a hook of a marker
 * file registered after it runs last), node:test's end of process is played (`beforeExit`), which
 * reports the summary. What the application keeps in module-level caches must be keyed by the
 * database (docs/architecture.md, « Tests »). A file that ends its process itself
 * (`process.exit`) runs in a process of its own (scripts/test.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

interface Request {
  file: string;
  engine: string;
}
export interface WorkerAnswer {
  file: string;
  ok: boolean;
  output: string;
  /** CPU seconds (user + system) of this process and of the child processes that ended while the file ran (Chromium). */
  cpu: number;
  rss: number;
}

const markers = mkdtempSync(join(tmpdir(), 'guichet-worker-'));
process.once('exit', () => rmSync(markers, { recursive: true, force: true }));
let fileNumber = 0;
const seen = new Set<string>();

/**
 * CPU ticks (1/100 s) of this process and of every process under it, alive or ended: the shared
 * Chromium (test/e2e/support/browser.ts) and its renderers live across files, so what they used
 * during a file is counted from their own /proc/<pid>/stat. For each process: utime, stime,
 * cutime and cstime (its children that ended). This process only outside Linux.
 */
function cpuTicks(): number {
  try {
    const own = statFields('self');
    if (!own) throw new Error('no /proc');
    const children = new Map<number, number[]>();
    const ticks = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const fields = statFields(name);
      if (!fields) continue;
      const pid = Number(name);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      ticks.set(pid, [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0));
    }
    let total = [11, 12, 13, 14].reduce((sum, i) => sum + Number(own[i]), 0);
    const pending = [...(children.get(process.pid) ?? [])];
    for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
      total += ticks.get(pid) ?? 0;
      pending.push(...(children.get(pid) ?? []));
    }
    return total;
  } catch {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1e4;
  }
}

/** The fields of /proc/<pid>/stat after the command's name (state first), or null if it ended. */
function statFields(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
let current: { output: string[] } | undefined;
/** The file started last: an error outside any test comes from it or from one before it. */
let lastStarted: string | undefined;
/** Errors thrown by nobody's test: between two files, or after node:test stopped listening. */
const strays: string[] = [];

const write = (original: typeof process.stdout.write) =>
  function (this: NodeJS.WriteStream, chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean {
    if (!current) return original.call(this, chunk, encoding as BufferEncoding, callback);
    current.output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) queueMicrotask(() => done());
    return true;
  } as typeof process.stdout.write;
process.stdout.write = write(process.stdout.write);
process.stderr.write = write(process.stderr.write);

const stray = (error: unknown) => {
  // node:test's own handlers fail the running test; only what escapes them is ours.
  if (process.listenerCount('uncaughtException') > 1 && current) return;
  strays.push(`An error outside any test (in or after ${lastStarted ?? 'the start of the process'}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
};
process.on('uncaughtException', stray);
process.on('unhandledRejection', stray);

async function runFile({ file, engine }: Request): Promise<WorkerAnswer> {
  process.env.GUICHET_TEST_ENGINE = engine;
  lastStarted = `${file} on ${engine}`;
  const output: string[] = [];
  current = { output };
  if (strays.length) output.push(...strays.splice(0));
  const failedBefore = output.length > 0;
  if (seen.has(resolve(file))) return { file, ok: false, output: `${file} already ran in this process: an imported module does not run again\n`, cpu: 0, rss: process.memoryUsage.rss() };
  seen.add(resolve(file));
  const cpuBefore = cpuTicks();
  const marker = join(markers, `end-${fileNumber++}.mjs`);
  writeFileSync(marker, "import { after } from 'node:test';\nafter(() => globalThis.__guichetFileEnded?.());\n");
  let success = true;
  let topLevel = 0;
  let completed = 0;
  let reported: Promise<void> = Promise.resolve();
  const ended = new Promise<void>((resolveEnded) => {
    let fallback: NodeJS.Timeout | undefined;
    (globalThis as { __guichetFileEnded?: () => void }).__guichetFileEnded = () => {
      clearTimeout(fallback);
      resolveEnded();
    };
    const stream = run({ files: [resolve(file), marker], isolation: 'none' });
    stream.on('test:enqueue', (data: { nesting: number }) => {
      if (data.nesting === 0) topLevel++;
    });
    stream.on('test:complete', (data: { nesting: number }) => {
      // A top-level `after` hook that throws stops the hooks after it, the marker's too: the end
      // of the last test is then the end of the file, once the other hooks had time to run.
      if (data.nesting === 0 && ++completed === topLevel) fallback = setTimeout(resolveEnded, 30_000);
    });
    stream.on('test:summary', (data: { success: boolean }) => {
      success &&= data.success;
    });
    reported = new Promise<void>((resolveReported) => {
      const text = stream.compose(spec);
      text.on('data', (chunk: string | Buffer) => output.push(String(chunk)));
      text.on('end', resolveReported);
      text.on('error', resolveReported);
    });
  });
  await ended;
  // node:test reports the summary and ends its streams when the process is about to exit.
  process.emit('beforeExit', 0);
  await Promise.race([reported, new Promise((resolveLate) => setTimeout(resolveLate, 10_000).unref())]);
  rmSync(marker, { force: true });
  const used = cpuTicks() - cpuBefore;
  current = undefined;
  const ok = success && !failedBefore && (process.exitCode ?? 0) === 0;
  process.exitCode = 0;
  return { file, ok, output: output.join(''), cpu: used / 100, rss: process.memoryUsage.rss() };
}

process.on('message', (request: Request | { stop: true }) => {
  if ('stop' in request) {
    // What the files left running for the next ones (the shared Chromium) is closed first.
    const hooks = (globalThis as { __guichetBeforeStop?: Array<() => Promise<void>> }).__guichetBeforeStop ?? [];
    void Promise.allSettled(hooks.map((hook) => hook())).then(() => process.disconnect());
    return;
  }
  void runFile(request).then((answer) => process.send!(answer));
});
// The browser journeys run here share one Chromium (test/e2e/support/browser.ts).
process.env.GUICHET_SHARED_BROWSER = '1';
process.send!({ ready: true });
