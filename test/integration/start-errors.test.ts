import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort } from '../support/net';

const root = join(import.meta.dirname, '..', '..');

test('starting with the database down prints one French line and exits with code 1', { timeout: 120_000 }, async () => {
  const closedPort = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `postgres://guichet:secret@127.0.0.1:${closedPort}/guichet`, PORT: String(await freePort()), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  assert.equal(code, 1);
  assert.equal(stdout, '');
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line, got:\n${stderr}`);
  assert.equal(
    lines[0],
    `Guichet ne peut pas démarrer : la base de données PostgreSQL à 127.0.0.1:${closedPort} (base « guichet ») ne répond pas (connexion refusée). Vérifiez DATABASE_URL et que PostgreSQL est lancé.`,
  );
  assert.doesNotMatch(stderr, /secret/, 'the password is never printed');
});
