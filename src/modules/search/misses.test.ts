/**
 * Searches without results: counted by day, tenant and normalised words only (no address, no
 * cookie, never the query as typed), bounded, and shown week by week in each tenant's back office;
 * the Région's administrators see the whole platform.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Agent, buildTestApp, signInAs } from '../../../test/support/app';
import { MAX_ROWS_PER_DAY, missRecorderOf, missWords, OTHER_SEARCHES } from './misses';

const IP = '203.0.113.77';

test('only normalised words are kept: lower case, no accents, no punctuation, no long numbers, bounded', () => {
  assert.equal(missWords('  Zorglüb   TRALALA !! 0612345678 29200 '), 'zorglub tralala 29200');
  assert.equal(missWords('<script>alert(1)</script>'), 'script alert 1 script');
  assert.equal(missWords('!!! ***'), '');
  assert.equal(missWords('mot '.repeat(50)).split(' ').length, 8);
  assert.ok(missWords(`${'a'.repeat(39)} `.repeat(10)).length <= 100);
});

test('a search that finds nothing is counted by day, tenant and words, without address nor cookie', async (t) => {
  const { app } = await buildTestApp(t);
  const visitor = new Agent(app);
  visitor.setCookie('suivi', 'cookie-de-la-personne');
  const headers = { 'x-forwarded-for': IP, 'user-agent': 'Navigateur de Test' };
  const page = await visitor.get(`/recherche?q=${encodeURIComponent('Zorglüb  TRALALA 0612345678')}&collectivite=brest`, headers);
  assert.equal(page.statusCode, 200);
  // The road does not end: advice, the whole of Bretagne already searched, the nearest human help.
  assert.match(page.body, /Aucun résultat pour/);
  assert.match(page.body, /La recherche a déjà porté sur toute la Bretagne, pas seulement sur Ville de Brest/);
  assert.match(page.body, /href="\/aide-de-proximite\?commune=Brest"/);
  assert.match(page.body, /Ou contactez Ville de Brest au <a href="tel:\+33298008080">02 98 00 80 80<\/a>/);
  // Twice: the second answer is the kept one, and it is counted all the same.
  for (let i = 0; i < 2; i++) assert.equal((await visitor.get(`/api/v1/recherche?q=${encodeURIComponent('zorglub, tralala!')}&collectivite=brest`, headers)).statusCode, 200);
  assert.equal((await visitor.get(`/recherche?q=${encodeURIComponent('Xyzzy plugh')}`, headers)).statusCode, 200);
  // Searches that found something, and empty ones, are not counted.
  await visitor.get('/recherche?q=permis', headers);
  await visitor.get('/recherche?q=', headers);
  await missRecorderOf(app.platform.db).flush();

  const rows = (await sql<Record<string, unknown>>`select * from search_misses`.execute(app.platform.db)).rows.sort((a, b) => String(a.tenant_id).localeCompare(String(b.tenant_id)));
  const today = new Date().toISOString().slice(0, 10);
  assert.deepEqual(
    rows.map((r) => ({ ...r, day: r.day instanceof Date ? r.day.toISOString().slice(0, 10) : String(r.day).slice(0, 10) })),
    [
      { day: today, tenant_id: 'brest', words: 'zorglub tralala', count: 3 },
      { day: today, tenant_id: 'bretagne', words: 'xyzzy plugh', count: 1 },
    ],
  );
  const stored = JSON.stringify(rows);
  for (const secret of [IP, 'cookie-de-la-personne', 'Navigateur', '0612345678', 'Zorglüb']) assert.ok(!stored.includes(secret), `${secret} is not stored`);
});

test('the table is bounded: beyond the day’s cap a tenant’s searches are counted as « autres recherches »', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  const day = new Date().toISOString().slice(0, 10);
  await sql`insert into search_misses (day, tenant_id, words, count) select ${day}::date, 'quimper', 'zzqx' || n, 1 from generate_series(1, ${MAX_ROWS_PER_DAY}) as n`.execute(db);
  const visitor = new Agent(app);
  await visitor.get('/recherche?q=qwxzorb&collectivite=quimper');
  await visitor.get('/recherche?q=zzqx7&collectivite=quimper');
  await visitor.get('/recherche?q=qwxzorb&collectivite=brest');
  await missRecorderOf(db).flush();
  const count = async (tenant: string, words: string) =>
    Number((await sql<{ count: number }>`select count from search_misses where tenant_id = ${tenant} and words = ${words}`.execute(db)).rows[0]?.count ?? 0);
  assert.equal(await count('quimper', 'qwxzorb'), 0);
  assert.equal(await count('quimper', OTHER_SEARCHES), 1);
  assert.equal(await count('quimper', 'zzqx7'), 2, 'a row that exists still counts');
  assert.equal(await count('brest', 'qwxzorb'), 1, 'other tenants are not affected');
  const rows = Number((await sql<{ n: number }>`select count(*) as n from search_misses where tenant_id = 'quimper'`.execute(db)).rows[0]!.n);
  assert.equal(rows, MAX_ROWS_PER_DAY + 1);
});

test('« Recherches sans résultat »: weekly counts of the tenant’s searches; the Région’s administrator sees the platform', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  // Last week's and this week's searches (days in the past are written as the recorder would have).
  const monday = (await sql<{ d: string }>`select date_trunc('week', current_date)::date::text as d`.execute(db)).rows[0]!.d;
  await sql`insert into search_misses (day, tenant_id, words, count) values
    (${monday}::date - 3, 'brest', 'piscine tarif', 4),
    (${monday}::date - 6, 'brest', 'piscine tarif', 2),
    (${monday}::date - 5, 'quimper', 'festival cornouaille', 7),
    (${monday}::date - 90, 'brest', 'ancienne recherche', 9)`.execute(db);
  const visitor = new Agent(app);
  await visitor.get('/recherche?q=zorblax+quenteq&collectivite=brest');
  await visitor.get('/recherche?q=zorblax+quenteq&collectivite=brest');
  await visitor.get('/recherche?q=tarif+cantine+quimper+zzz&collectivite=quimper');

  const brest = await signInAs(app, 'lecteur', 'brest');
  const page = await brest.get('/admin/t/brest/recherche/sans-resultat');
  assert.equal(page.statusCode, 200, page.body);
  const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  assert.match(text, /Semaine du [^:]+ : 2 recherches sans résultat .*?Mots recherchés Nombre zorblax quenteq 2/);
  assert.match(text, /6 recherches sans résultat .* piscine tarif 6/);
  assert.doesNotMatch(text, /festival|cantine|ancienne recherche/, 'only Brest’s searches of the last 8 weeks');
  assert.match(page.body, /href="\/admin\/t\/brest\/recherche\/synonymes"/);

  const operator = await signInAs(app, 'administrateur', 'bretagne');
  const all = (await operator.get('/admin/t/bretagne/recherche/sans-resultat')).body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  assert.match(all, /sur toute la plateforme/);
  assert.match(all, /Mots recherchés Espace Nombre/);
  assert.match(all, /festival cornouaille Ville de Quimper 7/);
  assert.match(all, /piscine tarif Ville de Brest 6/);
  assert.match(all, /zorblax quenteq Ville de Brest 2/);

  // A Région editor sees the portal's own searches, like any tenant's agent.
  const editor = await signInAs(app, 'editeur', 'bretagne');
  const portal = (await editor.get('/admin/t/bretagne/recherche/sans-resultat')).body;
  assert.doesNotMatch(portal, /festival|zorblax/);
  // Another tenant's agent cannot read Brest's.
  const outsider = await signInAs(app, 'administrateur', 'quimper');
  assert.equal((await outsider.get('/admin/t/brest/recherche/sans-resultat')).statusCode, 403);
});
