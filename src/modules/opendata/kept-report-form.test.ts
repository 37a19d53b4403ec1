/**
 * « Signaler une erreur » is kept rendered per target for visitors without a session (bench:
 * 3 % of bare Fastify, the target looked up and the page rendered at every view): every visitor
 * still gets a token of their own secret, a POST without a valid token is still refused, and a
 * change of the target on another instance shows at once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Agent, buildTestApp, csrfTokenFrom, secondInstance } from '../../../test/support/app';
import { eventually } from '../../../test/support/eventually';
import { createPerson, signInPerson } from '../accounts/test-support';

const withoutToken = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');

test('the kept report form gives each visitor a token of their own, and the POST is checked as before', async (t) => {
  const { app } = await buildTestApp(t);
  const url = '/signaler/collectivites/brest';
  const first = new Agent(app);
  const second = new Agent(app);

  const a1 = await first.get(url);
  assert.equal(a1.statusCode, 200);
  assert.equal(a1.headers['cache-control'], 'no-store');
  assert.equal(a1.headers['content-encoding'], undefined, 'a page with a CSRF token is never compressed');
  assert.match(String(a1.headers['set-cookie']), /guichet_csrf=/, 'a first visit gets its secret');
  const a2 = await first.get(url);
  assert.equal(a2.headers['set-cookie'], undefined, 'the secret is kept by the browser');
  const b1 = await second.get(url);
  const tokens = [csrfTokenFrom(a1.body), csrfTokenFrom(a2.body), csrfTokenFrom(b1.body)];
  assert.equal(new Set(tokens).size, 3, 'a fresh token at every view');
  assert.equal(withoutToken(a2.body), withoutToken(a1.body), 'the same page around the token');
  assert.equal(withoutToken(b1.body), withoutToken(a1.body));
  assert.match(a1.body, /Signaler une erreur sur « Ville de Brest »/);

  const message = { message: 'Le numéro de téléphone est faux.', courriel: '', site: '' };
  assert.equal((await first.post(url, message)).statusCode, 403, 'no token');
  assert.equal((await first.post(url, { ...message, _csrf: tokens[2]! })).statusCode, 403, 'another visitor’s token');
  assert.equal((await new Agent(app).post(url, { ...message, _csrf: tokens[0]! })).statusCode, 403, 'a token without its secret’s cookie');
  const sent = await first.post(url, { ...message, _csrf: tokens[1]! });
  assert.equal(sent.statusCode, 200);
  assert.match(sent.body, /Merci, votre signalement est envoyé/);

  // A signed-in person gets the page made for them (their name in the header), never the kept one.
  await createPerson(app.platform.db, { email: 'gwenola@exemple.fr', name: 'Gwenola' });
  const person = await signInPerson(app, 'gwenola@exemple.fr');
  const theirs = await person.get(url);
  assert.match(theirs.body, /Mon compte<span class="visually-hidden"> \(Gwenola\)/);
  assert.doesNotMatch((await first.get(url)).body, /Gwenola/);
});

test('a report form kept by one instance follows its target changed on another', async (t) => {
  const a = await buildTestApp(t);
  const b = await secondInstance(t, a);
  const db = a.database.db;
  const aid = (await sql<{ id: string; name: string }>`select id, name from aids where tenant_id = 'brest' and status = 'published' order by id limit 1`.execute(db)).rows[0]!;
  const url = `/signaler/aides/${aid.id}`;
  const form = () => b.app.inject({ url });

  assert.ok((await form()).body.includes(`Signaler une erreur sur « ${aid.name} »`));
  assert.equal(withoutToken((await form()).body), withoutToken((await form()).body), 'kept');

  await sql`update aids set name = 'Aide renommée sur une autre instance' where id = ${aid.id}`.execute(db);
  const renamed = await eventually(form, (r) => r.body.includes('Aide renommée sur une autre instance'));
  assert.match(renamed.body, /Signaler une erreur sur « Aide renommée sur une autre instance »/, 'renamed on A: B shows the new name');

  await sql`update aids set status = 'draft' where id = ${aid.id}`.execute(db);
  assert.equal((await eventually(form, (r) => r.statusCode === 404)).statusCode, 404, 'unpublished on A: no form on B');
});

test('while an instance cannot hear the others, the report form is made afresh at every view', async (t) => {
  const { app, database } = await buildTestApp(t);
  const { db } = database;
  database.changes.setLive(false);
  // A change nobody tells of: no trigger, no write through Kysely's builder.
  await sql`alter table aids disable trigger aids_notify_change`.execute(db);
  t.after(() => sql`alter table aids enable trigger aids_notify_change`.execute(db).catch(() => undefined));
  const url = '/signaler/aides/bretagne-aide-code-permis';
  const form = await app.inject({ url });
  assert.equal(form.statusCode, 200);
  assert.ok(csrfTokenFrom(form.body));
  await sql`update aids set name = 'Un nom changé en silence' where id = 'bretagne-aide-code-permis'`.execute(db);
  assert.match((await app.inject({ url })).body, /Signaler une erreur sur « Un nom changé en silence »/, 'read again, not kept');
});
