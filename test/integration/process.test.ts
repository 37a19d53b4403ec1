import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { testEngine } from '../support/database';
import { freePort } from '../support/net';

const root = join(import.meta.dirname, '..', '..');

interface Started {
  logs: string[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `src/main.ts` as `npm start` does, and waits until it says it is ready. */
async function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "ready" line within 60 s:\n${logs.join('')}`)), 60_000);
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
      child.kill(signal);
      return exited;
    },
  };
}

test('npm start migrates, seeds once, serves, and stops cleanly on SIGTERM; a second start changes nothing', { timeout: 180_000 }, async (t) => {
  const env: Record<string, string> = { PORT: String(await freePort()), HOST: '127.0.0.1' };
  if (testEngine() === 'postgres') {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `guichet_start_${process.pid}`;
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    t.after(async () => {
      const cleaner = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await cleaner.connect();
      await cleaner.query(`drop database if exists "${name}" with (force)`);
      await cleaner.end();
    });
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-start-'));
    env.DATA_DIR = dir;
    t.after(() => rmSync(dir, { recursive: true, force: true }));
  }

  const first = await start(env);
  const log = first.logs.join('');
  assert.match(log, /demo data created/);
  assert.match(log, /admin\.bretagne@demo\.guichet\.bzh/, 'the logs name the demo accounts');
  const ready = await fetch(`http://127.0.0.1:${env.PORT}/readyz`);
  assert.equal(ready.status, 200);
  assert.equal(await first.stop('SIGTERM'), 0, 'a clean exit after SIGTERM');
  assert.match(first.logs.join(''), /stopping: finishing requests in progress/);

  const second = await start(env);
  assert.match(second.logs.join(''), /demo data already present/);
  assert.match(second.logs.join(''), /"migrationsApplied":0/);
  // A browser's pre-opened socket that never sends a request does not hold the stop for ever:
  // after the drain delay it is closed, and the exit is still clean.
  const silent = createConnection(Number(env.PORT), '127.0.0.1');
  await new Promise<void>((resolve) => silent.once('connect', () => resolve()));
  const stopping = Date.now();
  assert.equal(await second.stop('SIGTERM'), 0);
  assert.ok(Date.now() - stopping < 25_000, `stopped in ${Date.now() - stopping} ms`);
  assert.match(second.logs.join(''), /connections still open after 10 s: closing them/);
  silent.destroy();
});
