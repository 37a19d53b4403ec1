import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseScript, freshProcessEnv, runTypeScript } from '../../../test/support/process';

/** Migrates and writes rows of 500, 400 and 2 days ago; with `tamper`, changes the young one through SQL. */
const prepare = `
if (process.argv[2] === 'tamper') {
  await database.runScript(\`alter table platform_audit disable trigger user; update platform_audit set actor_label = 'Autre' where action = 'test.young'; alter table platform_audit enable trigger user;\`);
} else {
  await migrate(database, migrationDirs);
  for (const [days, action] of [[500, 'test.old'], [400, 'test.old'], [2, 'test.young']]) {
    await database.runScript(\`insert into platform_audit (at, action, actor_label) values (now() - interval '\${days} days', '\${action}', 'Agent « test »')\`);
  }
}
`;

test('npm run audit:purge deletes the rows older than a year, and npm run audit:verify then passes from the anchor and still names a changed row', async (t) => {
  const env = await freshProcessEnv(t, 'auditpurge');
  const helper = databaseScript(t, prepare);
  const prepared = runTypeScript(helper, env);
  assert.equal(prepared.code, 0, prepared.out);

  const purged = runTypeScript('scripts/audit-purge.ts', env);
  assert.equal(purged.code, 0, purged.out);
  assert.match(purged.out, /^2 lignes du journal de plus d’un an effacées ; leur ancre est enregistrée\.\nJournal intègre : 1 ligne vérifiée\.\n\(Les 2 lignes les plus anciennes ont été effacées après un an/);
  const again = runTypeScript('scripts/audit-purge.ts', env);
  assert.match(again.out, /^Aucune ligne du journal n’a plus d’un an : rien à effacer\./);

  const verified = runTypeScript('scripts/audit-verify.ts', env);
  assert.equal(verified.code, 0, verified.out);
  assert.match(verified.out, /^Journal intègre : 1 ligne vérifiée\.\n\(Les 2 lignes les plus anciennes/);

  assert.equal(runTypeScript(helper, env, ['tamper']).code, 0);
  const broken = runTypeScript('scripts/audit-verify.ts', env);
  assert.equal(broken.code, 1, broken.out);
  assert.match(broken.out, /^Journal altéré : 0 ligne intègre, puis la ligne n° \d+ \(rang 3\) .*son contenu a été modifié/);
});
