/**
 * Ranking beyond text relevance (ranking.ts) and singular/plural alike (word-forms.ts), on the
 * real engine: documents are written through the indexing port as a module would.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Agent, buildTestApp } from '../../../test/support/app';
import { indexDocument } from '../../platform/search';
import { otherForms, wordsTsquery } from './word-forms';

type Api = { total: number; resultats: Array<{ type: string; id: string; titre: string }> };
const DAY = 86_400_000;

async function api(agent: Agent, q: string): Promise<Api> {
  const res = await agent.get(`/api/v1/recherche?q=${encodeURIComponent(q)}`);
  assert.equal(res.statusCode, 200, res.body);
  return JSON.parse(res.body) as Api;
}

test('fresh news first: a recent news item comes before an older one that matches better, by more than the tie-break', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  const news = (id: string, title: string, body: string, daysAgo: number) =>
    indexDocument(db, { type: 'actualite', objectId: id, tenantId: 'brest', title, body, url: `/collectivites/brest/actualites/${id}`, publishedAt: new Date(Date.now() - daysAgo * DAY) });
  await news('zz-ancienne', 'Au port cet automne', 'Régate des goélettes : la régate au large.', 400);
  await news('aa-recente', 'Au port ce week-end', 'Marché, concert, puis régate des goélettes.', 2);

  // Without the boost the old item scores higher: the order below is not the tie-break's.
  const base = await sql<{ object_id: string; score: number }>`
    select object_id, ts_rank(search, ${wordsTsquery(['regate', 'goelettes'], true)}, 1)
      + similarity(immutable_unaccent(lower(title)), 'regate goelettes') as score
    from search_documents where object_id in ('zz-ancienne', 'aa-recente') order by score desc`.execute(db);
  assert.deepEqual(base.rows.map((r) => r.object_id), ['zz-ancienne', 'aa-recente'], JSON.stringify(base.rows));

  const ids = (await api(new Agent(app), 'régate goélettes')).resultats.map((r) => r.id);
  assert.deepEqual(ids, ['aa-recente', 'zz-ancienne']);

  // A year later the same news item has lost its boost: the better match comes first again.
  await news('aa-recente', 'Au port ce week-end', 'Marché, concert, puis régate des goélettes.', 365);
  assert.deepEqual((await api(new Agent(app), 'régate goélettes')).resultats.map((r) => r.id), ['zz-ancienne', 'aa-recente']);
});

test('at equal relevance a local object comes before a national service-public.fr sheet', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  const doc = { title: 'Chèque nautisme', body: 'Une aide pour découvrir la voile et le kayak de mer.' };
  // The sheet would win the tie-break (same score, same title, smaller id): the weight decides.
  await indexDocument(db, { type: 'demarche', objectId: 'A1', tenantId: null, url: 'https://www.service-public.fr/particuliers/vosdroits/A1', ...doc });
  await indexDocument(db, { type: 'aide', objectId: 'zz-cheque-nautisme', tenantId: 'bretagne', url: '/aides/zz-cheque-nautisme', ...doc });
  const hits = (await api(new Agent(app), 'cheque nautisme')).resultats.map((r) => `${r.type}:${r.id}`);
  assert.deepEqual(hits.slice(0, 2), ['aide:zz-cheque-nautisme', 'demarche:A1']);
});

test('singular and plural, with or without accents, find the same results (vélos = velo)', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  // Same count and same first result (the order of equal scores below may differ).
  const outcome = async (q: string) => {
    const body = await api(agent, q);
    return { total: body.total, first: body.resultats[0]?.id };
  };
  const velo = await outcome('velo');
  assert.equal(velo.first, 'bonus-velo-etat');
  for (const q of ['vélo', 'vélos', 'velos', 'VÉLOS']) assert.deepEqual(await outcome(q), velo, q);
  // The title similarity still uses the words as typed: same results, order of close scores may differ.
  assert.equal((await outcome('velos electriques')).total, (await outcome('vélo électrique')).total);
  // A stop word stays a stop word: « vous » does not become « vou ».
  assert.equal((await api(agent, 'vous velos')).total, (await api(agent, 'velo')).total);
});

test('the other number of a word: only where the French stemmer keeps them apart', () => {
  assert.deepEqual(otherForms('velos'), ['velo']);
  assert.deepEqual(otherForms('velo'), ['velos']);
  assert.deepEqual(otherForms('pneus'), ['pneu']);
  assert.deepEqual(otherForms('jeux'), ['jeu']);
  assert.deepEqual(otherForms('jeu'), ['jeux']);
  assert.deepEqual(otherForms('lycees'), []); // the stemmer already joins them
  assert.deepEqual(otherForms('bus'), []);
  assert.deepEqual(otherForms('2024'), []);
});
