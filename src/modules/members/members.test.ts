import assert from 'node:assert/strict';
import test from 'node:test';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import type { SavedItem, SavedKind } from '../../platform/saved';
import { Agent, buildTestApp, csrfTokenFrom } from '../../../test/support/app';
import { freshDatabase } from '../../../test/support/database';
import { startTestInbox } from '../../../test/support/mail';
import { createPerson, signInPerson } from '../accounts/test-support';
import { REMINDER_JOB } from './index';

const SHEET = '/orientation/metiers/D1102';

async function aPlaceId(app: Agent['app']): Promise<string> {
  const row = await app.platform.db.withTables<{ help_places: { id: string; name: string } }>().selectFrom('help_places').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

test('a person saves a job and a place from their pages, writes a private note, exports, removes; nobody else reaches them', async (t) => {
  const { app } = await buildTestApp(t);
  // Signed out: the sheet leads to sign-in and back to it.
  const visitor = await new Agent(app).get(SHEET);
  assert.match(visitor.body, /href="\/connexion\?suite=%2Forientation%2Fmetiers%2FD1102"/);

  await createPerson(app.platform.db, { email: 'lea@exemple.fr', name: 'Léa' });
  const lea = await signInPerson(app, 'lea@exemple.fr');
  const sheet = await lea.get(SHEET);
  assert.match(sheet.body, /<form class="save-control"[^>]*action="\/mon-compte\/favoris"/);
  // Without the CSRF token: refused.
  const forged = await lea.post('/mon-compte/favoris', { type: 'metier', cle: 'D1102', retour: SHEET });
  assert.equal(forged.statusCode, 403);
  const saved = await lea.post('/mon-compte/favoris', { _csrf: csrfTokenFrom(sheet.body), type: 'metier', cle: 'D1102', retour: SHEET });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `${SHEET}#enregistrer`);
  assert.match((await lea.get(SHEET)).body, /Enregistré dans <a href="\/mon-compte\/favoris">mes favoris<\/a>/);
  // Saving twice changes nothing; a job that does not exist, another site as « retour »: refused / home.
  await lea.post('/mon-compte/favoris', { _csrf: csrfTokenFrom(sheet.body), type: 'metier', cle: 'D1102', retour: SHEET });
  assert.equal((await lea.post('/mon-compte/favoris', { _csrf: csrfTokenFrom(sheet.body), type: 'metier', cle: 'Z9999', retour: SHEET })).statusCode, 404);
  assert.equal((await lea.post('/mon-compte/favoris', { _csrf: csrfTokenFrom(sheet.body), type: 'inconnu', cle: 'x', retour: SHEET })).statusCode, 404);

  const placeId = await aPlaceId(app);
  const place = await lea.get(`/aide-de-proximite/lieux/${placeId}`);
  assert.equal(place.statusCode, 200);
  const fromPlace = await lea.post('/mon-compte/favoris', { _csrf: csrfTokenFrom(place.body), type: 'lieu', cle: placeId, retour: '//ailleurs.example/' });
  assert.equal(fromPlace.headers.location, '/mon-compte/favoris#enregistrer');

  const list = await lea.get('/mon-compte/favoris');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Boulanger/);
  assert.match(list.body, /Lieu d’aide/);
  const ids = [...list.body.matchAll(/action="\/mon-compte\/favoris\/([0-9a-f-]{36})\/note"/g)].map((m) => m[1]!);
  assert.equal(ids.length, 2);
  const token = csrfTokenFrom(list.body);
  assert.equal((await lea.post(`/mon-compte/favoris/${ids[0]}/note`, { _csrf: token, note: 'Demander un stage =SOMME(1)' })).statusCode, 303);
  assert.match((await lea.get('/mon-compte/favoris')).body, /Demander un stage =SOMME\(1\)/);
  const csv = await lea.get('/mon-compte/favoris.csv');
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  assert.match(csv.body, /'=SOMME\(1\)|Demander un stage =SOMME/);
  assert.match(csv.body, /Boulanger/);

  // Another person reaches none of them.
  await createPerson(app.platform.db, { email: 'max@exemple.fr', name: 'Max' });
  const max = await signInPerson(app, 'max@exemple.fr');
  const maxList = await max.get('/mon-compte/favoris');
  assert.doesNotMatch(maxList.body, /Boulanger/);
  const maxToken = csrfTokenFrom((await max.get(SHEET)).body);
  assert.equal((await max.post(`/mon-compte/favoris/${ids[0]}/note`, { _csrf: maxToken, note: 'piraté' })).statusCode, 404);
  assert.equal((await max.post(`/mon-compte/favoris/${ids[0]}/retirer`, { _csrf: maxToken })).statusCode, 404);
  await max.post('/mon-compte/favoris/tout-supprimer', { _csrf: maxToken });
  assert.match((await lea.get('/mon-compte/favoris')).body, /Demander un stage/);

  // Remove one, then all.
  assert.equal((await lea.post(`/mon-compte/favoris/${ids[1]}/retirer`, { _csrf: token })).statusCode, 303);
  assert.equal((await lea.get('/mon-compte/favoris')).body.match(/\/note"/g)?.length, 1);
  await lea.post('/mon-compte/favoris/tout-supprimer', { _csrf: token });
  assert.match((await lea.get('/mon-compte/favoris')).body, /pas encore de favori/);

  const actions = (await app.platform.db.selectFrom('platform_audit').select('action').where('action', 'like', 'members.%').execute()).map((r) => r.action);
  for (const action of ['members.favourite_add', 'members.favourite_note', 'members.favourites_export', 'members.favourite_remove', 'members.favourites_clear']) assert.ok(actions.includes(action), action);
  assert.ok(!actions.some((a) => a.endsWith('_read')), 'a person looking at their own list is not journaled');
});

/** A dated kind, as the agenda module will declare: its events happen at the given dates. */
function eventKind(dates: Map<string, Date>): SavedKind {
  return {
    id: 'evenement',
    label: 'Événement',
    plural: 'Événements',
    tables: [],
    dated: true,
    isKey: (key) => /^ev-\d+$/.test(key),
    async resolve(_db, keys) {
      const found = new Map<string, SavedItem>();
      for (const key of keys) {
        const date = dates.get(key);
        if (date) found.set(key, { title: `Forum des métiers ${key}`, url: `/agenda/${key}`, date, place: 'Parc des expositions, Brest' });
      }
      return found;
    },
  };
}

test('the reminder of a dated favourite is mailed once, two days before, even across a restart', async (t) => {
  const inbox = await startTestInbox(t);
  const database = await freshDatabase();
  t.after(() => database.close());
  const config = loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent', SMTP_URL: inbox.url });
  const now = new Date('2026-12-10T08:00:00Z');
  const dates = new Map([
    ['ev-1', new Date('2026-12-11T14:00:00Z')], // in 30 hours: reminded
    ['ev-2', new Date('2026-12-15T14:00:00Z')], // in 5 days: not yet
    ['ev-3', new Date('2026-12-09T14:00:00Z')], // past: never
  ]);
  const start = async () => {
    const app = await buildApp({ config, database });
    (app.platform.savedKinds as Map<string, SavedKind>).set('evenement', eventKind(dates));
    await app.ready();
    return app;
  };

  const first = await start();
  const accountId = await createPerson(database.db, { email: 'yann@exemple.fr', name: 'Yann' });
  await database.db
    .withTables<{ members_favourites: { id: string; account_id: string; kind: string; item_key: string; note: string } }>()
    .insertInto('members_favourites')
    .values(['ev-1', 'ev-2', 'ev-3'].map((key, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, account_id: accountId, kind: 'evenement', item_key: key, note: i === 0 ? 'Apporter mon CV' : '' })))
    .execute();
  assert.equal(await first.platform.jobs.runNow(REMINDER_JOB, now), true);
  await first.platform.mailer.drain();
  const mail = await inbox.waitFor('yann@exemple.fr', /Rappel/);
  assert.match(mail.subject, /Forum des métiers ev-1/);
  assert.match(mail.text, /Apporter mon CV/);
  assert.match(mail.text, /Parc des expositions, Brest/);
  // The same sweep again: nothing more.
  await first.platform.jobs.runNow(REMINDER_JOB, new Date(now.getTime() + 60_000));
  await first.platform.mailer.drain();
  await first.close();

  // A restart (a new process on the same database): nothing sent twice.
  const second = await start();
  t.after(() => second.close());
  await second.platform.jobs.runNow(REMINDER_JOB, new Date(now.getTime() + 15 * 60_000));
  await second.platform.mailer.drain();
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(inbox.mails.filter((m) => m.to.includes('yann@exemple.fr')).length, 1);
  // Three days later, ev-2 is within two days: its reminder goes, once.
  await second.platform.jobs.runNow(REMINDER_JOB, new Date('2026-12-13T15:00:00Z'));
  await second.platform.mailer.drain();
  await inbox.waitFor('yann@exemple.fr', /ev-2/);
  assert.equal(inbox.mails.length, 2);
  // Two instances claiming the job at once: only one runs it.
  const claims = await Promise.all([second.platform.jobs.runNow(REMINDER_JOB, now, false), second.platform.jobs.runNow(REMINDER_JOB, now, false)]);
  assert.ok(claims.filter(Boolean).length <= 1);
});
