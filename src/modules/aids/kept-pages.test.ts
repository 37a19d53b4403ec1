import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, csrfTokenFrom, secondInstance, signInAs } from '../../../test/support/app';
import { eventually } from '../../../test/support/eventually';
import { demoAids } from '../../../seed/aids';
import { aidsDb, saveAid } from './store';

const BASE = '/admin/t/bretagne/aides';
const ID = 'test-aide-deux-instances';
const NAME = 'Aide aux ateliers de réparation de vélos';

/** Asks until the page says what is expected: a notification takes a few milliseconds to arrive. */
test('a public page of aids kept by one instance changes as soon as another instance publishes, edits or unpublishes the aid', async (t) => {
  const a = await buildTestApp(t);
  const b = await secondInstance(t, a);
  const base = demoAids().find((d) => d.tenantId === 'bretagne')!.aid;
  await saveAid(aidsDb(a.database.db), { tenantId: 'bretagne', status: 'draft', aid: { ...base, id: ID, name: NAME } });
  const visitor = (url: string) => b.app.inject({ url });

  // Instance B keeps the pages where the draft is absent (asked twice: the second is the kept one).
  for (let i = 0; i < 2; i++) {
    assert.equal((await visitor(`/aides/${ID}`)).statusCode, 404, 'a draft is never public');
    assert.doesNotMatch((await visitor('/aides?q=ateliers')).body, /ateliers de réparation/);
    assert.doesNotMatch((await visitor('/collectivites/bretagne/aides?q=ateliers')).body, /ateliers de réparation/);
  }

  // An editor publishes it through instance A's back office.
  const editor = await signInAs(a.app, 'editeur', 'bretagne');
  const token = csrfTokenFrom((await editor.get(`${BASE}/${ID}`)).body);
  assert.equal((await editor.post(`${BASE}/${ID}/publier`, { _csrf: token })).statusCode, 303);
  const page = await eventually(() => visitor(`/aides/${ID}`), (r) => r.statusCode === 200);
  assert.equal(page.statusCode, 200, 'instance B shows the aid published on instance A');
  assert.match(page.body, /ateliers de réparation de vélos/);
  assert.match((await eventually(() => visitor('/aides?q=ateliers'), (r) => /ateliers de réparation/.test(r.body))).body, /ateliers de réparation/);
  assert.match((await visitor('/collectivites/bretagne/aides?q=ateliers')).body, /ateliers de réparation/);
  assert.doesNotMatch((await visitor('/collectivites/brest/aides?q=ateliers')).body, /ateliers de réparation/, 'another tenant’s list never shows it');

  // An edit made on A (here straight in the database, as an import would) is seen on B.
  await saveAid(aidsDb(a.database.db), { tenantId: 'bretagne', status: 'published', aid: { ...base, id: ID, name: `${NAME} et de trottinettes` } });
  assert.match((await eventually(() => visitor(`/aides/${ID}`), (r) => /trottinettes/.test(r.body))).body, /trottinettes/);

  // A write that no instance's code saw (plain SQL): the trigger's notification alone empties the pages.
  await sql`update aids set status = 'draft' where id = ${ID}`.execute(a.database.db);
  assert.equal((await eventually(() => visitor(`/aides/${ID}`), (r) => r.statusCode === 404)).statusCode, 404, 'unpublished on A: gone from B');
  assert.doesNotMatch((await eventually(() => visitor('/aides?q=ateliers'), (r) => !/ateliers de réparation/.test(r.body))).body, /ateliers de réparation/);
});

test('while an instance cannot hear the others, it keeps no page', async (t) => {
  const { app, database } = await buildTestApp(t);
  const { db } = database;
  database.changes.setLive(false);
  // A change nobody tells of: no trigger, no write through Kysely's builder.
  await sql`alter table aids disable trigger aids_notify_change`.execute(db);
  t.after(() => sql`alter table aids enable trigger aids_notify_change`.execute(db).catch(() => undefined));
  assert.match((await app.inject({ url: '/aides?q=permis' })).body, /Aide au code et au permis|permis/);
  await sql`update aids set name = 'Permis : un nom changé en silence' where id = 'bretagne-aide-code-permis'`.execute(db);
  assert.match((await app.inject({ url: '/aides?q=permis' })).body, /un nom changé en silence/, 'read again, not kept');
});
