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

/** In a child process, as the commands open the database (see verify-command.test.ts). */
const prepare = `
import { migrationDirs } from '${root}/src/app';
import { loadConfig } from '${root}/src/config';
import { openDatabase } from '${root}/src/platform/db/database';
import { migrate } from '${root}/src/platform/db/migrate';
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
if (process.argv[2] === 'tamper') {
  await database.runScript(\`alter table platform_audit disable trigger user; update platform_audit set actor_label = 'Autre' where action = 'test.young'; alter table platform_audit enable trigger user;\`);
} else {
  await migrate(database, migrationDirs);
  for (const [days, action] of [[500, 'test.old'], [400, 'test.old'], [2, 'test.young']]) {
    await database.runScript(\`insert into platform_audit (at, action, actor_label) values (now() - interval '\${days} days', '\${action}', 'Agent « test »')\`);
  }
}
await database.close();
process.exit(0);
`;

test('npm run audit:purge deletes the rows older than a year, and npm run audit:verify then passes from the anchor and still names a changed row', async (t) => {
  const env = await freshProcessEnv(t, 'auditpurge');
  const dir = mkdtempSync(join(tmpdir(), 'guichet-audit-purge-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const helper = join(dir, 'prepare.mts');
  writeFileSync(helper, prepare);
  const prepared = run(helper, env);
  assert.equal(prepared.code, 0, prepared.out);

  const purged = run('scripts/audit-purge.ts', env);
  assert.equal(purged.code, 0, purged.out);
  assert.match(purged.out, /^2 lignes du journal de plus d’un an effacées ; leur ancre est enregistrée\.\nJournal intègre : 1 lignes vérifiées\.\n\(Les 2 lignes les plus anciennes ont été effacées après un an/);
  const again = run('scripts/audit-purge.ts', env);
  assert.match(again.out, /^Aucune ligne du journal n’a plus d’un an : rien à effacer\./);

  const verified = run('scripts/audit-verify.ts', env);
  assert.equal(verified.code, 0, verified.out);
  assert.match(verified.out, /^Journal intègre : 1 lignes vérifiées\.\n\(Les 2 lignes les plus anciennes/);

  assert.equal(run(helper, env, ['tamper']).code, 0);
  const broken = run('scripts/audit-verify.ts', env);
  assert.equal(broken.code, 1, broken.out);
  assert.match(broken.out, /^Journal altéré : 0 lignes intègres, puis la ligne n° \d+ \(rang 3\) .*son contenu a été modifié/);
});
