/**
 * Issue 15 c.7: the agenda of orientation events — filters (dates, commune and distance, type, job
 * domain), bad filters (422, message next to the field), the event page (JSON-LD, .ics), the feed
 * keeping the filters (valid RFC 5545), past events out of lists but their pages kept, agents'
 * create and edit, tenant isolation, the OpenAgenda import (dry run, all or nothing, idempotent),
 * the one search and the job sheets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { seedId } from '../../../seed/ids';
import { buildTestApp } from '../../../test/support/app';
import { elementCount, postMultipart, signInWithToken } from '../content/test-support';
import { agendaDb, insertEvent } from './store';
import type { EventInput } from './tables';

const demo = (key: string) => seedId('agenda', key);
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000);
const base: EventInput = {
  kind: 'portes_ouvertes', title: 'Portes ouvertes passées', summary: '', description: '', starts_at: day(-3).toISOString(), ends_at: new Date(day(-3).getTime() + 3_600_000).toISOString(),
  place_name: 'Lycée', address: '', commune_code: '56121', commune_name: 'Lorient', latitude: 47.75, longitude: -3.37, audiences: ['lyceens'], theme: 'formations',
  rome_codes: [], domains: [], registration_url: null, organiser: '', published: true,
};
/** The text of a field's error message (without its hidden « Erreur : »). */
const fieldError = (html: string, field: string) => (new RegExp(`id="erreur-${field}"[^>]*>(?:<span[^>]*>[^<]*</span>)?([^<]*)`).exec(html)?.[1] ?? '');
const listedIds = (html: string) => [...html.matchAll(/<a href="\/agenda\/([\w-]+)">/g)].map((m) => m[1]!);
const formOf = (overrides: Record<string, string> = {}) => ({
  type: 'forum', titre: 'Forum des métiers de Brest', resume: 'Rencontrer des pros.', description: '', date_debut: day(20).toISOString().slice(0, 10), heure_debut: '09:00',
  date_fin: '', heure_fin: '17:00', lieu: 'Le Quartz', adresse: '60 rue du Château', commune: 'Brest', publics: 'lyceens', theme: 'metiers', metiers: 'D1102', domaines: '',
  inscription: 'https://example.org/inscription', organisateur: '', publie: 'oui', ...overrides,
});

test('/agenda lists upcoming events soonest first, paginated, with filters by commune and distance, type, domain and dates; bad filters answer 422 next to the field', async (t) => {
  const { app } = await buildTestApp(t);
  const page = await app.inject({ url: '/agenda' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /40 événements à venir/);
  assert.match(page.body, /Page 1 sur 4/);
  assert.ok(elementCount(page.body) < 280, `DOM ${elementCount(page.body)}`);
  const near = await app.inject({ url: '/agenda?commune=Lorient&distance=10&type=portes_ouvertes' });
  assert.equal(near.statusCode, 200);
  const ids = listedIds(near.body);
  assert.deepEqual(ids.slice(0, 3), [demo('po-dupuy-de-lome'), demo('po-iut-lorient'), demo('po-colbert')]);
  assert.ok(!ids.includes(demo('po-quimper-chaptal')), 'Quimper is farther than 10 km');
  assert.match(near.body, /à 10 km de Lorient au plus/);
  assert.match(near.body, /href="\/agenda\.ics\?commune=Lorient&amp;distance=10&amp;type=portes_ouvertes"/);
  const health = await app.inject({ url: '/agenda?domaine=J' });
  assert.deepEqual(new Set(listedIds(health.body)), new Set([demo('at-rennes-sante'), demo('po-saint-brieuc-sante')]));
  const dates = await app.inject({ url: `/agenda?du=${day(9).toISOString().slice(0, 10)}&au=${day(11).toISOString().slice(0, 10)}&type=portes_ouvertes` });
  assert.deepEqual(listedIds(dates.body), [demo('po-dupuy-de-lome')]);

  for (const [query, field, message] of [
    ['commune=Atlantis', 'commune', /Nous ne trouvons pas de commune « Atlantis »/],
    ['type=concert', 'type', /Choisissez un type d’événement/],
    ['domaine=Z', 'domaine', /Ce domaine n’existe pas/],
    ['du=2027-02-30', 'du', /Écrivez une date/],
    ['du=2027-03-02&au=2027-03-01', 'au', /après la date de début/],
    ['commune=Lorient&distance=7', 'distance', /Choisissez une distance/],
  ] as const) {
    const bad = await app.inject({ url: `/agenda?${query}` });
    assert.equal(bad.statusCode, 422, query);
    assert.match(fieldError(bad.body, field), message, query);
    assert.doesNotMatch(bad.body, /événements? à venir/);
    const feed = await app.inject({ url: `/agenda.ics?${query}` });
    assert.equal(feed.statusCode, 422);
    assert.match(String(feed.headers['content-type']), /problem\+json/);
  }
});

test('an event page: details, « Donnée de démonstration », schema.org Event JSON-LD, « Ajouter à mon agenda » as valid iCalendar; the feed keeps the filters', async (t) => {
  const { app } = await buildTestApp(t);
  const id = demo('po-dupuy-de-lome');
  const page = await app.inject({ url: `/agenda/${id}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Donnée de démonstration/);
  assert.match(page.body, /Lycée Dupuy-de-Lôme, 4 rue Jean le Coutaller, Lorient/);
  assert.match(page.body, /<a href="\/orientation\/metiers\/H2913">/);
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)![1]!);
  assert.equal(ld['@type'], 'Event');
  assert.equal(ld.location.address.addressLocality, 'Lorient');
  assert.match(ld.startDate, /^\d{4}-\d{2}-\d{2}T/);
  assert.match(page.body, new RegExp(`href="/agenda/${id}\\.ics"`));

  const one = await app.inject({ url: `/agenda/${id}.ics` });
  assert.equal(one.statusCode, 200);
  assert.match(String(one.headers['content-type']), /^text\/calendar/);
  const text = one.body;
  assert.ok(text.split('\n').slice(0, -1).every((line) => line.endsWith('\r')), 'every line ends with CRLF');
  assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
  const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  assert.equal(vevents.length, 1);
  const ev = vevents[0]!;
  assert.equal(ev.getFirstPropertyValue('uid'), `${id}@localhost`);
  assert.ok(ev.getFirstPropertyValue('dtstamp'));
  assert.equal((ev.getFirstPropertyValue('dtstart') as ICAL.Time).zone?.tzid, 'UTC');
  assert.match(String(ev.getFirstPropertyValue('summary')), /Portes ouvertes du lycée Dupuy-de-Lôme/);
  assert.equal((await app.inject({ url: `/agenda/${id}.ics` })).body, text, 'the same file twice: stable UID and DTSTAMP');

  const feed = await app.inject({ url: '/agenda.ics?commune=Lorient&distance=10&type=portes_ouvertes' });
  assert.equal(feed.statusCode, 200);
  const uids = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
  assert.ok(uids.includes(`${id}@localhost`));
  assert.ok(!uids.some((u) => u.startsWith(demo('sa-azimut-brest'))), 'the filters are kept');
  assert.equal(new ICAL.Component(ICAL.parse((await app.inject({ url: '/agenda.ics' })).body)).getAllSubcomponents('vevent').length, 40);
  assert.equal((await app.inject({ url: '/agenda/inconnu' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/agenda/inconnu.ics' })).statusCode, 404);
});

test('a past event leaves the lists, the feed, the search and the job sheets, but keeps its page', async (t) => {
  const { app } = await buildTestApp(t);
  const db = agendaDb(app.platform.db);
  await insertEvent(db, { id: 'passe-1', tenantId: 'lorient', actorId: null, input: { ...base, rome_codes: ['H2913'] } });
  const page = await app.inject({ url: '/agenda/passe-1' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Cet événement est passé/);
  assert.doesNotMatch(page.body, /Ajouter à mon agenda/);
  assert.ok(!listedIds((await app.inject({ url: '/agenda?commune=Lorient' })).body).includes('passe-1'));
  assert.doesNotMatch((await app.inject({ url: '/agenda.ics' })).body, /passe-1/);
  assert.doesNotMatch((await app.inject({ url: '/orientation/metiers/H2913' })).body, /passe-1/);
  const sheet = await app.inject({ url: '/orientation/metiers/H2913' });
  assert.match(sheet.body, new RegExp(`<a href="/agenda/${demo('po-dupuy-de-lome')}">Portes ouvertes du lycée Dupuy-de-Lôme</a>`));
  assert.doesNotMatch(sheet.body, /événements à son sujet viendront/);
});

test('agents create and change their tenant’s events (checked, 422 keeping what was typed), indexed in the one search; another tenant’s agents can neither see nor change them', async (t) => {
  const { app } = await buildTestApp(t);
  const { agent, token } = await signInWithToken(app, 'editeur', 'brest');
  const bad = await agent.post('/admin/t/brest/agenda/nouveau', { _csrf: token, ...formOf({ titre: '', commune: 'Atlantis', heure_fin: '08:00', metiers: 'pain' }) });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /id="erreur-titre"/);
  assert.match(fieldError(bad.body, 'commune'), /Nous ne trouvons pas de commune/);
  assert.match(bad.body, /id="erreur-metiers"/);
  assert.match(bad.body, /value="Le Quartz"/);
  const created = await agent.post('/admin/t/brest/agenda/nouveau', { _csrf: token, ...formOf() });
  assert.equal(created.statusCode, 303);
  const id = /\/admin\/t\/brest\/agenda\/([\w-]+)\?/.exec(String(created.headers.location))![1]!;
  const publicPage = await app.inject({ url: `/agenda/${id}` });
  assert.match(publicPage.body, /Forum des métiers de Brest/);
  assert.match(publicPage.body, /Ville de Brest|Brest/);
  const doc = (await sql<{ title: string; url: string }>`select title, url from search_documents where type = 'evenement' and object_id = ${id}`.execute(app.platform.db)).rows[0];
  assert.equal(doc?.url, `/agenda/${id}`);
  const search = await app.inject({ url: '/recherche?q=forum+metiers+brest' });
  assert.match(search.body, new RegExp(`/agenda/${id}`));
  assert.match((await app.inject({ url: '/orientation/metiers/D1102' })).body, /Forum des métiers de Brest/);

  const changed = await agent.post(`/admin/t/brest/agenda/${id}`, { _csrf: token, ...formOf({ titre: 'Forum des métiers de la mer', publie: '' }) });
  assert.equal(changed.statusCode, 303);
  assert.equal((await app.inject({ url: `/agenda/${id}` })).statusCode, 404, 'unpublished');
  assert.equal((await sql`select 1 from search_documents where object_id = ${id}`.execute(app.platform.db)).rows.length, 0);
  const version = (await sql<{ version: number }>`select version from agenda_events where id = ${id}`.execute(app.platform.db)).rows[0]!.version;
  assert.equal(version, 2);

  // Isolation: an editor of Quimper gets 403 on Brest's routes, and Brest's event is not in Quimper's space.
  const other = await signInWithToken(app, 'editeur', 'quimper');
  for (const url of ['/admin/t/brest/agenda', `/admin/t/brest/agenda/${id}`, '/admin/t/brest/agenda/nouveau', '/admin/t/brest/agenda/import']) {
    assert.equal((await other.agent.get(url)).statusCode, 403, url);
  }
  assert.equal((await other.agent.post(`/admin/t/brest/agenda/${id}`, { _csrf: other.token, ...formOf({ titre: 'Volé' }) })).statusCode, 403);
  assert.equal((await other.agent.get(`/admin/t/quimper/agenda/${id}`)).statusCode, 404);
  assert.equal((await other.agent.post(`/admin/t/quimper/agenda/${id}`, { _csrf: other.token, ...formOf({ titre: 'Volé' }) })).statusCode, 404);
  assert.doesNotMatch((await other.agent.get('/admin/t/quimper/agenda')).body, new RegExp(id));
  const title = (await sql<{ title: string }>`select title from agenda_events where id = ${id}`.execute(app.platform.db)).rows[0]!.title;
  assert.equal(title, 'Forum des métiers de la mer');
});

const IN_30_DAYS = day(30);
const openAgenda = (events: unknown[]) => Buffer.from(JSON.stringify({ total: events.length, events }));
const oaEvent = (uid: number, overrides: Record<string, unknown> = {}) => ({
  uid,
  title: { fr: `Portes ouvertes ${uid}` },
  description: { fr: 'Venez découvrir nos formations.' },
  longDescription: { fr: '<p>Visite des <b>ateliers</b>.</p>' },
  keywords: { fr: ['portes ouvertes', 'H2913'] },
  timings: [{ begin: IN_30_DAYS.toISOString(), end: new Date(IN_30_DAYS.getTime() + 4 * 3_600_000).toISOString() }],
  location: { name: 'Lycée Jean Moulin', address: 'Rue du Lycée', city: 'Quimper', postalCode: '29000', insee: '29232', latitude: 47.99, longitude: -4.1 },
  registration: [{ type: 'link', value: 'https://example.org/inscription' }],
  status: 1,
  ...overrides,
});

test('the OpenAgenda import: a dry run with a line-by-line French report, nothing written while a line has an error, then all at once, and the same file twice changes nothing', async (t) => {
  const { app } = await buildTestApp(t);
  const { agent, token } = await signInWithToken(app, 'editeur', 'quimper');
  const count = async () => Number((await sql<{ n: string }>`select count(*) as n from agenda_events where tenant_id = 'quimper'`.execute(app.platform.db)).rows[0]!.n);
  const before = await count();
  const upload = (data: Buffer) => postMultipart(agent, '/admin/t/quimper/agenda/import', token, [['fichier', { filename: 'events.v2.json', type: 'application/json', data }]]);

  const notJson = await upload(Buffer.from('{oops'));
  assert.equal(notJson.statusCode, 422);
  assert.match(notJson.body, /n’est pas du JSON valide/);

  const withError = await upload(openAgenda([oaEvent(1), oaEvent(2, { timings: [] }), oaEvent(3, { keywords: { fr: ['concert'] }, title: { fr: 'Fest-noz' } })]));
  assert.equal(withError.statusCode, 303);
  const report = await agent.get(String(withError.headers.location));
  assert.match(report.body, /1 événement à créer, 0 à modifier, 0 inchangé, <strong>2 en erreur/);
  assert.match(report.body, /horaires : Les horaires/);
  assert.match(report.body, /type : Le type n’a pas été reconnu/);
  assert.match(report.body, /Rien ne sera importé/);
  const refused = await agent.post(`${withError.headers.location}/appliquer`, { _csrf: token });
  assert.equal(refused.statusCode, 303);
  assert.equal(await count(), before, 'all or nothing: nothing written');

  const file = openAgenda([oaEvent(1), oaEvent(2)]);
  const good = await upload(file);
  const goodReport = await agent.get(String(good.headers.location));
  assert.match(goodReport.body, /2 événements à créer/);
  await agent.post(`${good.headers.location}/appliquer`, { _csrf: token });
  assert.equal(await count(), before + 2);
  const imported = await app.inject({ url: '/agenda/oa-quimper-1' });
  assert.match(imported.body, /Visite des ateliers\./);
  assert.match(imported.body, /Lycée Jean Moulin/);
  assert.match((await app.inject({ url: '/agenda?commune=Quimper&type=portes_ouvertes' })).body, /oa-quimper-2/);

  const again = await upload(file);
  assert.match((await agent.get(String(again.headers.location))).body, /0 événement à créer, 0 à modifier, 2 inchangés/);
  await agent.post(`${again.headers.location}/appliquer`, { _csrf: token });
  const versions = (await sql<{ version: number }>`select version from agenda_events where id like 'oa-quimper-%'`.execute(app.platform.db)).rows.map((r) => r.version);
  assert.deepEqual(versions, [1, 1], 'unchanged events are not written again');
  const changed = await upload(openAgenda([oaEvent(1, { title: { fr: 'Portes ouvertes du lycée Jean Moulin' } }), oaEvent(2)]));
  assert.match((await agent.get(String(changed.headers.location))).body, /0 événement à créer, 1 à modifier, 1 inchangé/);

  // Another tenant cannot read nor apply Quimper's import.
  const other = await signInWithToken(app, 'editeur', 'brest');
  const importPath = String(changed.headers.location).replace('/quimper/', '/brest/');
  assert.equal((await other.agent.get(importPath)).statusCode, 404);
  assert.equal((await other.agent.post(`${importPath}/appliquer`, { _csrf: other.token })).statusCode, 404);
});
