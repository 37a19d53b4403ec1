// Issue 4, point 1 — "Start it": `npm start` on a fresh data directory migrates, seeds the demo,
// says in its logs where to open it and which demo accounts exist; the address it gives works in
// a browser; /healthz and /readyz answer; SIGTERM stops it cleanly.
// (Idempotent second start and PostgreSQL: test/integration/process.test.ts.)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from './support/browser';
import { checkPage } from './support/checks';
import { heading } from './support/journey';
import { freePort } from '../support/net';

const root = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-e2e-start-'));
let browser: Browser | undefined;
after(async () => {
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// A fresh data directory is created, migrated and seeded (ROME, 2,400 trainings, the agenda, the search index): about a minute on an idle
// 2-core machine, several under the load of a parallel test run; the timeout only guards against a start that never ends.
test('a fresh start serves the portal at the address its logs give, then stops cleanly', { timeout: 360_000 }, async (t) => {
  const port = await freePort();
  // What `npm start` runs, without npm in between so that the signal reaches the process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'info', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  child.stdout.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // A test that times out is not stopped by node:test: the process and the browser are, here, so
  // that nothing is left running to hold the test file open for ever.
  t.signal.addEventListener('abort', () => {
    child.kill('SIGKILL');
    void browser?.close();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (logs.includes('Guichet is ready')) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
      void exited.then((code) => {
        clearInterval(timer);
        reject(new Error(`Guichet stopped before being ready (exit ${code}):\n${logs}`));
      });
    });
    const address = /open (http:\/\/\S+?\/)(?=["\s])/.exec(logs)?.[1];
    assert.equal(address, `http://localhost:${port}/`, 'the logs say where to open it');
    assert.match(logs, /editeur\.brest@demo\.guichet\.bzh/, 'the logs list the demo accounts');
    assert.match(logs, /demo data created/);

    if (t.signal.aborted) return;
    browser = await launchBrowser();
    const page = await (await newContext(browser)).newPage();
    await checkPage(page, address!);
    assert.match(await heading(page), /Région Bretagne/);
    for (const probe of ['healthz', 'readyz']) {
      const response = await page.goto(`${address}${probe}`);
      assert.equal(response?.status(), 200, probe);
    }
  } finally {
    child.kill('SIGTERM');
  }
  // A stop that hangs names itself with the logs instead of waiting for the test's own timeout.
  const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 30_000).unref())]);
  if (code === 'hung') child.kill('SIGKILL');
  assert.equal(code, 0, `a clean exit within 30 s after SIGTERM:\n${logs.slice(-3000)}`);
  assert.match(logs, /stopping: finishing requests in progress/);
});
