import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent } from '../../../test/support/app';
import { readProfile } from '../profile';
import { buildListeningApp, franceConnectAs } from './test-support';

test('sign in with FranceConnect: a new account with certified fields', async (t) => {
  const { app } = await buildListeningApp(t);
  const agent = new Agent(app);
  const { response } = await franceConnectAs(agent, 'jeanne-le-bihan');
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  assert.equal(response.headers.location, '/mon-compte/profil');
  const account = await app.platform.db.selectFrom('platform_accounts').selectAll().where('email', '=', 'jeanne.lebihan@exemple.fr').executeTakeFirstOrThrow();
  const profile = await readProfile(app.platform.db, account.id);
  assert.equal(profile.family_name?.value, 'Morvan');
  assert.equal(profile.family_name?.source, 'franceconnect');
});
