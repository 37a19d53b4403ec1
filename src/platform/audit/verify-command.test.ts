import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseScript, freshProcessEnv, runTypeScript } from '../../../test/support/process';

/** Migrates and writes three rows; with `tamper`, changes the second one through SQL and prints its id. */
const prepare = `
await migrate(database, migrationDirs);
for (const action of ['test.one', 'test.two', 'test.three']) await audit(database.db, { action, actorLabel: 'Agent « test »' });
const { id } = await database.db.selectFrom('platform_audit').select('id').where('action', '=', 'test.two').executeTakeFirstOrThrow();
if (process.argv[2] === 'tamper') {
  await database.runScript(\`alter table platform_audit disable trigger user; update platform_audit set actor_label = 'Autre' where id = \${id}; alter table platform_audit enable trigger user;\`);
}
console.log('ROW', id);
`;

test('npm run audit:verify says the trail is intact, then names the row changed through SQL (exit code 1)', async (t) => {
  const env = await freshProcessEnv(t, 'auditverify', { seeded: true });
  const helper = databaseScript(t, prepare);

  const prepared = runTypeScript(helper, env);
  assert.equal(prepared.code, 0, prepared.out);
  const intact = runTypeScript('scripts/audit-verify.ts', env);
  assert.equal(intact.code, 0, intact.out);
  assert.match(intact.out, /^Journal intègre : \d+ lignes? vérifiées?\.\nEmpreinte de la dernière ligne : [0-9a-f]{64}/);

  const tampered = runTypeScript(helper, env, ['tamper']);
  assert.equal(tampered.code, 0, tampered.out);
  const id = /ROW (\d+)/.exec(tampered.out)?.[1];
  const broken = runTypeScript('scripts/audit-verify.ts', env);
  assert.equal(broken.code, 1, broken.out);
  assert.match(broken.out, new RegExp(`Journal altéré : \\d+ lignes? intègres?, puis la ligne n° ${id} \\(rang \\d+\\) du \\d{4}-.*son contenu a été modifié`));
});
