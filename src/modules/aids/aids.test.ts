import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { demoAids, seedAids } from '../../../seed/aids';
import { aidFromBenefit, mapEligibility, type RawBenefit } from '../../../seed/aids/aides-jeunes';
import { Agent, buildTestApp } from '../../../test/support/app';
import { explainEligibility, formatAmount } from './explain';
import { aidJsonSchema, type Aid } from './format';
import { checkAid, validateAid } from './validate';
import { aidsDb, ageBounds, prefilter, residenceCodes, saveAid, InvalidAidError } from './store';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..', '..', '..');
const benefits = (JSON.parse(readFileSync(join(root, 'seed', 'data', 'aides-jeunes', 'benefits.json'), 'utf8')) as { benefits: RawBenefit[] }).benefits;
const benefit = (id: string) => benefits.find((b) => b.id === id) ?? assert.fail(`no benefit ${id}`);

test('every seeded aid is valid against the TypeBox schema and the published JSON Schema; ids are unique; ≥ 150', () => {
  const published = JSON.parse(readFileSync(join(root, 'docs', 'aid.schema.json'), 'utf8'));
  assert.deepEqual(published, aidJsonSchema(), 'docs/aid.schema.json is generated from format.ts (npx tsx seed/aids/write-schema.ts)');
  const Ajv2020 = (require('ajv/dist/2020') as { default: new (o: object) => { compile: (s: object) => ((v: unknown) => boolean) & { errors?: unknown } } }).default;
  const check = new Ajv2020({ allErrors: true, strict: false }).compile(published);
  const aids = demoAids();
  assert.ok(aids.length >= 150, `${aids.length} aids`);
  assert.equal(new Set(aids.map((a) => a.aid.id)).size, aids.length, 'unique ids');
  for (const { aid } of aids) {
    assert.deepEqual(validateAid(aid), [], `${aid.id} (TypeBox)`);
    assert.ok(check(aid), `${aid.id} (JSON Schema): ${JSON.stringify(check.errors)}`);
  }
  // Every kind of authority is there: Région, départements, métropoles, communes, national.
  const kinds = new Set(aids.map((a) => a.aid.porteur.kind));
  for (const kind of ['region', 'departement', 'epci', 'commune', 'etat', 'caf', 'organisme_national']) assert.ok(kinds.has(kind as never), kind);
  // An invalid aid is refused with the reason.
  const broken = { ...aids[0]!.aid, audiences: ['martiens'] };
  assert.ok(validateAid(broken).some((e) => e.path === '/audiences/0'));
  // Ids that name back-office pages are refused, with the French reason.
  const reserved = checkAid({ ...aids[0]!.aid, id: 'import' });
  assert.deepEqual(reserved.map((e) => e.path), ['/id']);
  assert.match(reserved[0]!.message, /réservé/);
});

test('aides-jeunes: age bounds are merged, the Région is a residence condition, free-text conditions are kept as information (blocking: false)', () => {
  const c = mapEligibility(benefit('bretagne-aide-code-permis'));
  assert.deepEqual(c, {
    type: 'all',
    conditions: [
      { type: 'age', min: 18, max: 30 },
      { type: 'residence', level: 'region', codes: ['53'], names: ['Bretagne'] },
      { type: 'text', text: 'Les autres conditions décrites par l’organisme', origin: 'aides-jeunes:conditions', blocking: false },
    ],
  });
  assert.deepEqual(
    explainEligibility(c).map((s) => s.text),
    ['Avoir entre 18 et 30 ans', 'Habiter en Bretagne', 'Les autres conditions décrites par l’organisme'],
  );
  // "age = 18" (DiscoverEU) and "age < 21" (chèques déjeuner).
  assert.deepEqual((mapEligibility(benefit('union_europeenne_discovereu')) as { conditions: unknown[] }).conditions[0], { type: 'age', min: 18, max: 18 });
});

test('aides-jeunes: profiles become "any" of situations with their own conditions (boursier, year of study)', () => {
  const brest = aidFromBenefit(benefit('brest_metropole-abonnement-transports-pour-les-étudiant·es-boursier·es'));
  assert.equal(brest.tenantId, 'brest-metropole');
  assert.deepEqual(brest.aid.eligibility, {
    type: 'all',
    conditions: [
      { type: 'residence', level: 'epci', codes: ['242900314'], names: ['Brest Métropole'] },
      {
        type: 'any',
        conditions: [
          { type: 'all', conditions: [{ type: 'situation', values: ['lyceen'] }, { type: 'boursier' }] },
          { type: 'all', conditions: [{ type: 'situation', values: ['etudiant'] }, { type: 'boursier' }] },
        ],
      },
    ],
  });
  assert.deepEqual({ ...brest.aid.amount, note: undefined }, { value: 16.8, unit: '€', period: 'month', note: undefined });
  assert.match(formatAmount(brest.aid.amount!), /^16,80\s€ par mois au lieu de 30\s€ \/ mois$/);
  const bts = mapEligibility(benefit('region-bretagne-bourse-international-bts-dut')) as { conditions: unknown[] };
  assert.deepEqual(bts.conditions[1], { type: 'income', basis: 'quotient_familial', max: 25000, period: 'year' });
  assert.deepEqual(bts.conditions[2], { type: 'all', conditions: [{ type: 'situation', values: ['etudiant'] }, { type: 'study_level', values: ['bts_1', 'but_1'] }] });
});

test('aides-jeunes: what Guichet cannot check becomes a text condition with a question, never dropped', () => {
  const cheques = mapEligibility(benefit('caf_morbihan_cheques-dejeuner')) as { conditions: Array<Record<string, unknown>> };
  assert.deepEqual(cheques.conditions[0], { type: 'age', max: 20 });
  assert.deepEqual(cheques.conditions[2], { type: 'income', basis: 'quotient_familial', max: 700, period: 'month' });
  // apprenti and salarié merge into one situation; "contrat de professionnalisation" stays as text.
  assert.deepEqual(cheques.conditions[3], {
    type: 'any',
    conditions: [
      { type: 'situation', values: ['apprenti', 'salarie'] },
      { type: 'text', text: 'Être en contrat de professionnalisation', origin: 'aides-jeunes:profil:professionnalisation', question: 'Êtes-vous en contrat de professionnalisation ?' },
    ],
  });
  const bafd = JSON.stringify(mapEligibility(benefit('caf_morbihan-aide-au-brevet-daptitude-aux-fonctions-de-directeur-bafd')));
  assert.match(bafd, /Relever du régime général de la Sécurité sociale/);
  // Every source condition type met in the seed maps to something (no unknown-type fallback).
  for (const b of benefits) assert.doesNotMatch(JSON.stringify(mapEligibility(b)), /Condition « /, b.id);
});

test('age bounds for prefiltering hold in every case', () => {
  assert.deepEqual(ageBounds({ type: 'all', conditions: [{ type: 'age', min: 16 }, { type: 'age', max: 25 }] }), { min: 16, max: 25 });
  assert.deepEqual(ageBounds({ type: 'any', conditions: [{ type: 'age', min: 16, max: 25 }, { type: 'age', min: 60 }] }), { min: 16, max: null });
  assert.deepEqual(ageBounds({ type: 'any', conditions: [{ type: 'age', min: 16 }, { type: 'boursier' }] }), { min: null, max: null });
  assert.deepEqual(ageBounds({ type: 'not', condition: { type: 'age', min: 30 } }), { min: null, max: null });
});

test('store: seeding is idempotent, prefilter by territory and age, drafts stay private, ids stay in their tenant', async (t) => {
  const { app } = await buildTestApp(t);
  const db = aidsDb(app.platform.db);
  assert.equal(await seedAids(app.platform.db), false, 'a second seeding changes nothing');
  const count = await db.selectFrom('aids').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.ok(Number(count.n) >= 150);

  // A 19-year-old in Brest: national aids, Région, Finistère, Brest métropole; not Vannes; not the APA (60+).
  const brest = await prefilter(db, { residence: residenceCodes({ commune: '29019', epci: '242900314', departement: '29', region: '53' }), age: 19 });
  const ids = new Set(brest.map((a) => a.id));
  for (const id of ['velo-brest-metropole', 'bretagne-aide-code-permis', 'pass-culture', 'fsl-intercommunalite-brest-metropole']) assert.ok(ids.has(id), id);
  for (const id of ['ville-de-vannes-bourse-au-permis', 'apa-departement-finistere', 'velo-lanester', 'fsl-departement-ille-et-vilaine']) assert.ok(!ids.has(id), id);
  const older = new Set((await prefilter(db, { residence: residenceCodes({ commune: '29019', epci: '242900314', departement: '29', region: '53' }), age: 65 })).map((a) => a.id));
  assert.ok(older.has('apa-departement-finistere') && !older.has('bretagne-aide-code-permis'));

  // A draft of Brest: saved with a version, not public anywhere.
  const draft: Aid = { ...demoAids()[0]!.aid, id: 'brouillon-brest', name: 'Aide en préparation à Brest', porteur: { name: 'Ville de Brest', kind: 'commune', tenant_id: 'brest' } };
  assert.equal(await saveAid(db, { tenantId: 'brest', status: 'draft', aid: draft }), 'created');
  assert.equal(await saveAid(db, { tenantId: 'brest', status: 'draft', aid: draft }), 'unchanged');
  assert.equal(await saveAid(db, { tenantId: 'brest', status: 'draft', aid: { ...draft, summary: 'Autre résumé.' } }), 'updated');
  const versions = await db.selectFrom('aids_versions').select('version').where('aid_id', '=', 'brouillon-brest').execute();
  assert.deepEqual(versions.map((v) => v.version).sort(), [1, 2]);
  // Another tenant cannot take this id over.
  await assert.rejects(saveAid(db, { tenantId: 'quimper', status: 'published', aid: draft }), InvalidAidError);
  await assert.rejects(saveAid(db, { tenantId: 'brest', status: 'draft', aid: { ...draft, themes: [] } }), InvalidAidError);

  const agent = new Agent(app);
  assert.equal((await agent.get('/aides/brouillon-brest')).statusCode, 404);
  assert.doesNotMatch((await agent.get('/collectivites/brest/aides')).body, /Aide en préparation/);
  assert.doesNotMatch((await agent.get('/api/v1/aides?collectivite=brest')).body, /brouillon-brest/);
  assert.doesNotMatch((await agent.get('/aides?q=préparation')).body, /brouillon-brest/);
});

test('pages: search by words and filters, pagination, an aid page in plain words, French errors', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const all = await agent.get('/aides');
  assert.equal(all.statusCode, 200);
  assert.match(all.body, /\d{3} aides trouvées/);
  assert.match(all.body, /rel="next"/);
  assert.match(all.body, /href="\/api\/v1\/aides\?format=csv"/);

  const permis = await agent.get('/aides?q=permis+de+conduire');
  assert.match(permis.body, /href="\/aides\/bretagne-aide-code-permis"/);
  assert.doesNotMatch(permis.body, /href="\/aides\/aah"/);
  const accents = await agent.get('/aides?q=velo+electrique');
  assert.match(accents.body, /href="\/aides\/velo-brest-metropole"|Page suivante/);

  const filtered = await agent.get('/aides?theme=mobilite&niveau=commune');
  assert.match(filtered.body, /Lanester/);
  assert.doesNotMatch(filtered.body, /href="\/aides\/aah"/);
  const young = await agent.get('/aides?public=personne_handicapee');
  assert.match(young.body, /href="\/aides\/aah"/);

  const bad = await agent.get('/aides?theme=licornes&q=vélo');
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Choisissez un thème dans la liste/);
  assert.match(bad.body, /value="vélo"/);

  const page = await agent.get('/aides/bretagne-aide-code-permis');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /jusqu’à 1\s500\s€ une fois/);
  assert.match(page.body, /Publiée sur Guichet par la Région Bretagne\./);
  for (const expected of ['Avoir entre 18 et 30 ans', 'Habiter en Bretagne', 'Région Bretagne', '19 août 2026', 'https://www.bretagne.bzh/aides/fiches/aide-a-la-formation-au-code-et-au-permis-de-conduire/', 'Les autres conditions décrites par l’organisme', '(à vérifier sur la page officielle)']) {
    assert.ok(page.body.includes(expected), expected);
  }
  assert.equal((await agent.get('/aides/nexiste-pas')).statusCode, 404);

  const tenantPage = await agent.get('/collectivites/vannes/aides');
  assert.equal(tenantPage.statusCode, 200);
  assert.match(tenantPage.body, /Bourse au permis/);
  assert.doesNotMatch(tenantPage.body, /href="\/aides\/aah"/);
  assert.equal((await agent.get('/collectivites/atlantide/aides')).statusCode, 404);
});

test('open export: JSON in the format, CSV, problem+json on bad parameters', async (t) => {
  const { app } = await buildTestApp(t);
  const json = await app.inject('/api/v1/aides?collectivite=vannes&format=json');
  assert.equal(json.statusCode, 200);
  const body = json.json() as { schema: string; total: number; aides: Array<Aid & { collectivite: string }> };
  assert.ok(body.total >= 10);
  assert.ok(body.aides.every((a) => a.collectivite === 'vannes'));
  for (const aid of body.aides) {
    const { collectivite: _c, ...definition } = aid;
    assert.deepEqual(validateAid(definition), [], aid.id);
  }
  const csv = await app.inject('/api/v1/aides?collectivite=brest-metropole&format=csv');
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.ok(csv.body.startsWith('\ufeffid,nom,resume,porteur'), 'a BOM for spreadsheets, then the header');
  const lines = csv.body.trim().split('\r\n');
  assert.ok(lines.some((l) => l.startsWith('velo-brest-metropole,')));
  assert.ok(lines.slice(1).every((l) => l.includes(',brest-metropole,')));

  const schema = await app.inject(body.schema.replace(/^https?:\/\/[^/]+/, ''));
  assert.equal(schema.statusCode, 200, 'the schema the export names is served');
  assert.deepEqual(schema.json(), aidJsonSchema());
  const everything = await app.inject('/api/v1/aides');
  const all = everything.json() as { total: number; page?: number; aides: Aid[] };
  assert.ok(all.total >= 150);
  assert.equal(all.aides.length, all.total, 'without page nor par_page: every aid');
  assert.equal(all.page, undefined);

  // A page, for a list in an application: the same aids in the same order, page by page.
  type Page = { total: number; page: number; par_page: number; pages: number; aides: Aid[] };
  const first = (await app.inject('/api/v1/aides?par_page=50')).json() as Page;
  assert.deepEqual([first.total, first.page, first.par_page, first.pages], [all.total, 1, 50, Math.ceil(all.total / 50)]);
  const pages = [first];
  for (let page = 2; page <= first.pages; page += 1) pages.push((await app.inject(`/api/v1/aides?par_page=50&page=${page}`)).json() as Page);
  assert.deepEqual(pages.flatMap((p) => p.aides.map((a) => a.id)), all.aides.map((a) => a.id));
  const byDefault = (await app.inject('/api/v1/aides?page=2')).json() as Page;
  assert.deepEqual([byDefault.par_page, byDefault.aides.length, byDefault.aides[0]?.id], [20, 20, all.aides[20]?.id], 'page alone: 20 aids a page');
  const beyond = (await app.inject(`/api/v1/aides?page=${first.pages + 1}&par_page=50`)).json() as Page;
  assert.deepEqual(beyond.aides, [], 'past the last page: an empty page, with the total');
  const csvPage = await app.inject('/api/v1/aides?format=csv&par_page=3');
  assert.equal(csvPage.body.trim().split('\r\n').length, 4, 'a CSV page: the header and 3 aids');

  for (const url of ['/api/v1/aides?format=xml', '/api/v1/aides?collectivite=atlantide', '/api/v1/aides?par_page=101', '/api/v1/aides?page=0', '/api/v1/aides?page=deux']) {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 400, url);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.equal(res.json().code, 'bad_parameter');
  }
});
