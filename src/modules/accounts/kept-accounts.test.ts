import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, secondInstance } from '../../../test/support/app';
import { eventually } from '../../../test/support/eventually';
import { createPerson, signInPerson } from './test-support';
import { accountsDb } from './store';

test('an account kept in memory by one instance is renamed or disabled as soon as another instance changes it', async (t) => {
  const a = await buildTestApp(t);
  const b = await secondInstance(t, a);
  const id = await createPerson(a.database.db, { email: 'gwen@exemple.fr', name: 'Gwenaëlle' });
  const person = await signInPerson(b.app, 'gwen@exemple.fr');
  for (let i = 0; i < 2; i++) {
    const space = await person.get('/mes-demarches');
    assert.equal(space.statusCode, 200);
    assert.match(space.body, /Gwenaëlle/);
  }

  await accountsDb(a.database.db).updateTable('platform_accounts').set({ display_name: 'Gwen Le Bihan' }).where('id', '=', id).execute();
  assert.match((await eventually(() => person.get('/mes-demarches'), (r) => /Gwen Le Bihan/.test(r.body))).body, /Gwen Le Bihan/, 'renamed on A: B shows the new name');

  await accountsDb(a.database.db).updateTable('platform_accounts').set({ disabled_at: new Date() }).where('id', '=', id).execute();
  const after = await eventually(() => person.get('/mes-demarches'), (r) => r.statusCode !== 200);
  assert.notEqual(after.statusCode, 200, 'disabled on A: B no longer treats the person as signed in');
  assert.match(String(after.headers.location), /\/connexion/);
});
