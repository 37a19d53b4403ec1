/**
 * Bounded work per search (issue 13, point 11): beyond COUNT_CAP matches the search stops
 * counting and says so (« Plus de 1 000 résultats », totalPartiel, facet counts « au moins »),
 * and documents whose title has the words still come first even when the index gives a thousand
 * body-only matches before them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Agent, buildTestApp } from '../../../test/support/app';
import { COUNT_CAP, RANKED } from './query';

interface ApiBody {
  total: number;
  totalPartiel: boolean;
  pages: number;
  facettes: Record<'type', Array<{ valeur: string; nombre: number }>>;
  resultats: Array<{ id: string; titre: string }>;
}

async function api(agent: Agent, query: string): Promise<ApiBody> {
  const res = await agent.get(`/api/v1/recherche?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return JSON.parse(res.body) as ApiBody;
}

test('a word in more than 1,000 documents: a minimum said as such, title matches first, facets « au moins », filters still find every kind', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const db = app.platform.db;
  // 1,050 news items that name the word in their body only…
  await sql`insert into search_documents (type, object_id, title, body, url)
    select 'actualite', 'corps-' || g, 'Brève ordinaire ' || g, 'Il y est question de zorglubs, entre autres choses.', '/corps-' || g
    from generate_series(1, ${COUNT_CAP + 50}) g`.execute(db);
  // …then 20 aids whose title has it.
  await sql`insert into search_documents (type, object_id, title, body, url)
    select 'aide', 'titre-' || g, 'Aide zorglub ' || g, 'Une aide.', '/titre-' || g
    from generate_series(1, 20) g`.execute(db);
  // …and 30 pages that name it in their body only.
  await sql`insert into search_documents (type, object_id, title, body, url)
    select 'page', 'breve-' || g, 'Page ' || g, 'Des zorglubs ont été vus.', '/breve-' || g
    from generate_series(1, 30) g`.execute(db);
  // Stored in primary key order (type, id): the 1,050 news items first, so that the full-text
  // index, which gives rows in stored order, gives them before the aids and the pages.
  await sql`cluster search_documents using search_documents_pkey`.execute(db);
  const firstRead = await sql<{ type: string; n: number }>`
    select type, count(*)::int as n from (select type from search_documents where search @@ to_tsquery('french_unaccent', 'zorglub') order by ctid limit ${COUNT_CAP + 1}) x group by type`.execute(db);
  assert.deepEqual(firstRead.rows, [{ type: 'actualite', n: COUNT_CAP + 1 }]);

  let body = await api(agent, 'q=zorglub');
  for (let i = 0; i < 50 && body.total === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    body = await api(agent, 'q=zorglub');
  }
  assert.equal(body.totalPartiel, true);
  assert.equal(body.total, COUNT_CAP);
  assert.equal(body.pages, COUNT_CAP / 10);
  assert.ok(body.resultats.every((r) => r.id.startsWith('titre-')), body.resultats.map((r) => r.id).join(', '));
  // Facet counts are those of the matches read: never more than were read.
  const types = body.facettes.type;
  assert.ok(types.reduce((n, v) => n + v.nombre, 0) <= COUNT_CAP + 1);
  // The page after the ranked window keeps going in the first score's order, title matches before the others.
  const second = await api(agent, 'q=zorglub&page=2');
  assert.deepEqual(second.resultats.filter((r) => r.id.startsWith('titre-')).length, 10);
  const far = await api(agent, `q=zorglub&page=${RANKED / 10 + 1}`);
  assert.equal(far.resultats.length, 10);
  assert.ok(far.resultats.every((r) => r.id.startsWith('corps-')));

  const page = await agent.get('/recherche?q=zorglub');
  assert.match(page.body, /Plus de 1\u202f000 résultats, page 1\. Seuls les 1\u202f000 premiers résultats trouvés sont classés et affichés/);
  assert.match(page.body, /les nombres sont comptés parmi les 1\u202f000 premiers trouvés/);
  assert.match(page.body, /Actualité \(au moins \d{1,3}(?:\u202f\d{3})* résultats\)/);

  // A filter: at least the reachable results under it, still said to be a minimum.
  const aids = await api(agent, 'q=zorglub&type=aide');
  assert.equal(aids.totalPartiel, true);
  assert.equal(aids.total, 20);
  assert.match((await agent.get('/recherche?q=zorglub&type=aide')).body, /Au moins 20 résultats/);

  // A filter never hides results that exist beyond the matches read (these come after 1,070 others).
  const news = await api(agent, 'q=zorglub&type=page');
  assert.equal(news.total, 30);
  assert.ok(news.resultats.every((r) => r.id.startsWith('breve-')));

  // Below the cap everything is exact, as before.
  const exact = await api(agent, 'q=permis');
  assert.equal(exact.totalPartiel, false);
  assert.ok(exact.total > 0 && exact.total < COUNT_CAP);
  assert.doesNotMatch((await agent.get('/recherche?q=permis')).body, /au moins|Plus de 1/);
});
