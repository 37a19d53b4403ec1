import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import pg from 'pg';
import { freshPGliteDataDir, testEngine } from './database';
import { freePort } from './net';

const root = join(import.meta.dirname, '..', '..');

export interface Started {
  /** Everything the process printed so far (stdout and stderr). */
  logs: string[];
  /** Sends the signal and resolves with the exit code (null when killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** How long a start may take: a first start on PGlite creates, migrates and seeds the database, on a loaded CI machine. */
const READY_WITHIN_MS = 120_000;

/** Starts `src/main.ts` as `npm start` does, and waits until it says it is ready. */
export async function startGuichet(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "ready" line within ${READY_WITHIN_MS / 1000} s:\n${logs.join('')}`));
    }, READY_WITHIN_MS);
    const onData = (chunk: Buffer) => {
      logs.push(chunk.toString());
      if (logs.join('').includes('Guichet is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    void exited.then((code) => reject(new Error(`exited with ${code} before being ready:\n${logs.join('')}`)));
  });
  return {
    logs,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * The environment of a Guichet process on a database of its own: a fresh PGlite data directory,
 * or a fresh PostgreSQL database when GUICHET_TEST_ENGINE is postgres, removed when the test
 * ends. Empty (the first start migrates and seeds it), or with `seeded` on PGlite, filled from
 * the tests' migrated and seeded template, which spares the slowest part of a first start.
 */
export async function freshProcessEnv(t: Pick<TestContext, 'after'>, label: string, options: { seeded?: boolean } = {}): Promise<Record<string, string>> {
  const env: Record<string, string> = { PORT: String(await freePort()), HOST: '127.0.0.1' };
  if (testEngine() === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is needed for PostgreSQL tests');
    const name = `guichet_${label}_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    t.after(async () => {
      const cleaner = new pg.Client({ connectionString: adminUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists "${name}" with (force)`);
      await cleaner.end();
    });
  } else {
    // Seeded: a copy of the tests' migrated and seeded template (test/support/database.ts).
    const dir = options.seeded ? await freshPGliteDataDir() : mkdtempSync(join(tmpdir(), `guichet-${label}-`));
    env.DATA_DIR = dir;
    t.after(() => rmSync(dir, { recursive: true, force: true }));
  }
  return env;
}

/**
 * A browser over real HTTP (fetch) for a Guichet process: keeps cookies, never follows
 * redirects (tests read the 303s), and posts forms with the CSRF token the page gave.
 */
export class HttpBrowser {
  private cookies = new Map<string, string>();

  constructor(readonly origin: string) {}

  async request(path: string, init: RequestInit = {}): Promise<{ status: number; location: string | null; body: string; bytes: Buffer; headers: Headers }> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(new URL(path, this.origin), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.keep(line);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, location: response.headers.get('location'), body: bytes.toString('utf8'), bytes, headers: response.headers };
  }

  get(path: string) {
    return this.request(path);
  }

  post(path: string, fields: Record<string, string>) {
    return this.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** A multipart form (one file at most), as a browser sends a form with enctype="multipart/form-data". */
  postMultipart(path: string, fields: Record<string, string>, file: { field: string; filename: string; type: string; data: Buffer }) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append(file.field, new Blob([new Uint8Array(file.data)], { type: file.type }), file.filename);
    return this.request(path, { method: 'POST', body: form });
  }

  private keep(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = value === '' || attributes.some((a) => {
      const [key = '', val = ''] = a.trim().split('=');
      return (key.toLowerCase() === 'max-age' && Number(val) <= 0) || (key.toLowerCase() === 'expires' && Date.parse(val) < Date.now());
    });
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

export function csrfIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF token in the page');
  return match[1]!;
}

/** Runs a TypeScript file (a path from the repository's root, or absolute) with tsx in a child process, as `npm run <script>` does. */
export function runTypeScript(script: string, env: Record<string, string>, args: string[] = []): { code: number | null; out: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 300_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/**
 * A throwaway script that opens the database as the commands do (config from the environment),
 * runs `body` (it sees `database`, `migrate`, `migrationDirs`, `audit` and `process.argv`), then
 * closes it; removed after the test. Tests of commands open the database in child processes only:
 * a PGlite opened and closed in the test process keeps a timer that holds it open.
 */
export function databaseScript(t: TestContext, body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-script-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'script.mts');
  writeFileSync(
    path,
    `import { migrationDirs } from '${root}/src/app';
import { loadConfig } from '${root}/src/config';
import { audit } from '${root}/src/platform/audit/audit';
import { openDatabase } from '${root}/src/platform/db/database';
import { migrate } from '${root}/src/platform/db/migrate';
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
${body}
await database.close();
process.exit(0);
`,
  );
  return path;
}
