/**
 * Issue 15 d.10: an event reserved to orientation professionals (like pro-only content pages):
 * its page for conseillers of any tenant and agents of its own tenant only; never in the public
 * list, the feeds, the one search, the job sheets, nor savable; 404 for anyone else.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Agent, signInAs, buildTestApp } from '../../../test/support/app';
import { createPerson, signInPerson } from '../accounts/test-support';
import { signInWithToken } from '../content/test-support';
import { eventSavedKind } from './saved-kind';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const form = (overrides: Record<string, string> = {}) => ({
  type: 'atelier', titre: 'Réunion du réseau zygomatique', resume: 'Entre conseillers.', description: '', date_debut: inDays(12), heure_debut: '09:00',
  date_fin: '', heure_fin: '12:00', lieu: 'CIO de Brest', adresse: '', commune: 'Brest', publics: 'lyceens', theme: 'metiers', metiers: 'D1102', domaines: '',
  inscription: '', organisateur: '', publie: 'oui', reserve_pro: 'oui', ...overrides,
});

test('an event reserved to professionals: conseillers and the tenant’s agents read it; the public lists, feeds, search, job sheets and anonymous visitors never', async (t) => {
  const { app } = await buildTestApp(t);
  const { agent: editor, token } = await signInWithToken(app, 'editeur', 'brest');
  const created = await editor.post('/admin/t/brest/agenda/nouveau', { _csrf: token, ...form() });
  assert.equal(created.statusCode, 303);
  const id = /\/admin\/t\/brest\/agenda\/([\w-]+)\?/.exec(String(created.headers.location))![1]!;
  const edit = await editor.get(`/admin/t/brest/agenda/${id}`);
  assert.match(edit.body, /name="reserve_pro" value="oui" checked/);
  assert.match((await editor.get('/admin/t/brest/agenda')).body, /Réservé aux professionnels/);

  // Nowhere in public.
  const path = `/agenda/${id}`;
  const anonymous = new Agent(app);
  assert.equal((await anonymous.get(path)).statusCode, 404);
  assert.equal((await anonymous.get(`${path}.ics`)).statusCode, 404);
  assert.doesNotMatch((await anonymous.get('/agenda?commune=Brest&distance=10')).body, new RegExp(id));
  assert.doesNotMatch((await anonymous.get('/agenda.ics')).body, /zygomatique/);
  assert.doesNotMatch((await anonymous.get('/orientation/metiers/D1102')).body, /zygomatique/);
  assert.doesNotMatch((await anonymous.get('/recherche?q=zygomatique')).body, new RegExp(id));
  assert.equal((await sql`select 1 from search_documents where object_id = ${id}`.execute(app.platform.db)).rows.length, 0);
  assert.equal((await eventSavedKind.resolve(app.platform.db, [id])).size, 0, 'not savable (favourites, shared selections)');
  await createPerson(app.platform.db, { email: 'ana@exemple.fr' });
  assert.equal((await (await signInPerson(app, 'ana@exemple.fr')).get(path)).statusCode, 404);
  assert.equal((await (await signInAs(app, 'editeur', 'quimper')).get(path)).statusCode, 404);

  // A conseiller of another tenant and the tenant's own agents read it, marked, never kept nor indexed.
  const counsellor = await signInAs(app, 'conseiller', 'quimper');
  const read = await counsellor.get(path);
  assert.equal(read.statusCode, 200);
  assert.match(read.body, /Événement réservé aux professionnels/);
  assert.match(read.body, /Réunion du réseau zygomatique/);
  assert.match(read.body, /noindex/);
  assert.doesNotMatch(read.body, /application\/ld\+json/);
  assert.equal(read.headers['cache-control'], 'no-store');
  assert.equal((await counsellor.get(`${path}.ics`)).statusCode, 200);
  assert.equal((await editor.get(path)).statusCode, 200);
  assert.equal((await anonymous.get(path)).statusCode, 404, 'what a pro read was not kept for the public');
  const audited = await sql<{ n: number }>`select count(*)::int as n from platform_audit where action = 'agenda.pro_event_read' and target_id = ${id}`.execute(app.platform.db);
  assert.ok(audited.rows[0]!.n >= 1);

  // Made public again: listed, indexed, readable by all.
  assert.equal((await editor.post(path.replace('/agenda/', '/admin/t/brest/agenda/'), { _csrf: token, ...form({ reserve_pro: '' }) })).statusCode, 303);
  assert.equal((await anonymous.get(path)).statusCode, 200);
  assert.equal((await sql`select 1 from search_documents where object_id = ${id}`.execute(app.platform.db)).rows.length, 1);
});
