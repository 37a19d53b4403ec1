import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { freshProcessEnv } from '../../../test/support/process';

const root = join(import.meta.dirname, '..', '..', '..');

function run(script: string, env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 300_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/**
 * The database is opened by child processes only (as `npm run audit:verify` opens it): a PGlite
 * opened and closed in the test process keeps a timer that holds it open (test/support/process.ts).
 */
const prepare = `
import { migrationDirs } from '${root}/src/app';
import { loadConfig } from '${root}/src/config';
import { audit } from '${root}/src/platform/audit/audit';
import { openDatabase } from '${root}/src/platform/db/database';
import { migrate } from '${root}/src/platform/db/migrate';
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
await migrate(database, migrationDirs);
for (const action of ['test.one', 'test.two', 'test.three']) await audit(database.db, { action, actorLabel: 'Agent « test »' });
const { id } = await database.db.selectFrom('platform_audit').select('id').where('action', '=', 'test.two').executeTakeFirstOrThrow();
if (process.argv[2] === 'tamper') {
  await database.runScript(\`alter table platform_audit disable trigger user; update platform_audit set actor_label = 'Autre' where id = \${id}; alter table platform_audit enable trigger user;\`);
}
console.log('ROW', id);
await database.close();
process.exit(0);
`;

test('npm run audit:verify says the trail is intact, then names the row changed through SQL (exit code 1)', async (t) => {
  const env = await freshProcessEnv(t, 'auditverify', { seeded: true });
  const dir = mkdtempSync(join(tmpdir(), 'guichet-audit-verify-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const helper = join(dir, 'prepare.mts');
  writeFileSync(helper, prepare);

  const prepared = run(helper, env);
  assert.equal(prepared.code, 0, prepared.out);
  const intact = run('scripts/audit-verify.ts', env);
  assert.equal(intact.code, 0, intact.out);
  assert.match(intact.out, /^Journal intègre : \d+ lignes vérifiées\.\nEmpreinte de la dernière ligne : [0-9a-f]{64}/);

  const tampered = run(helper, env, ['tamper']);
  assert.equal(tampered.code, 0, tampered.out);
  const id = /ROW (\d+)/.exec(tampered.out)?.[1];
  const broken = run('scripts/audit-verify.ts', env);
  assert.equal(broken.code, 1, broken.out);
  assert.match(broken.out, new RegExp(`Journal altéré : \\d+ lignes intègres, puis la ligne n° ${id} \\(rang \\d+\\) du \\d{4}-.*son contenu a été modifié`));
});
