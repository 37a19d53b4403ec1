/**
 * The API keeps its word: every operation of the generated OpenAPI document is called on the
 * seeded demo database, with at least one success and (when it takes any input) one error, and
 * each answer's status, media type and body are checked against what the document declares.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sql } from 'kysely';
import { buildTestApp } from '../../../test/support/app';

interface Call {
  url: string;
  method?: 'GET' | 'POST';
  payload?: unknown;
  headers?: Record<string, string>;
}
interface Media {
  schema?: unknown;
}
interface Operation {
  operationId: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, Media> }>;
}

test('every operation of the OpenAPI document answers as it declares, on success and on error', async (t) => {
  const { app, database } = await buildTestApp(t);
  const db = database.db;
  const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows[0]!;
  const place = await one(sql<{ id: string }>`select id::text as id from help_places where published order by name limit 1`);
  const page = await one(sql<{ tenant_id: string; slug: string }>`select tenant_id, slug from content_items where kind = 'page' and published_version is not null and not pro_only order by tenant_id, slug limit 1`);
  const news = await one(sql<{ tenant_id: string; slug: string }>`select tenant_id, slug from content_items where kind = 'news' and published_version is not null and not pro_only order by published_at desc limit 1`);
  // Searches without results of a past day, counted as the recorder would (≥ 3 to be shown).
  await sql`insert into search_misses (day, tenant_id, words, count) values ('2026-01-05', 'brest', 'zorglub', 4), ('2026-01-05', 'bretagne', 'tralala', 1)`.execute(db);
  const job = await one(sql<{ code: string }>`select code from orientation_fiches order by code limit 1`);
  const event = await one(sql<{ id: string }>`select id::text as id from agenda_events where published and not pro_only order by starts_at limit 1`);
  const uuid = '00000000-0000-4000-8000-000000000000';

  const calls: Record<string, { ok: Call[]; errors: Call[] }> = {
    'document-openapi': { ok: [{ url: '/api/v1/openapi.json' }], errors: [] },
    'calculer-eligibilite': {
      ok: [{ method: 'POST', url: '/api/v1/eligibilite', payload: { age: 19, commune: '35238', situation: 'etudiant', boursier: true } }, { method: 'POST', url: '/api/v1/eligibilite', payload: {} }],
      errors: [{ method: 'POST', url: '/api/v1/eligibilite', payload: { age: '19', foo: 1 } }, { method: 'POST', url: '/api/v1/eligibilite', payload: { commune: '75056' } }],
    },
    'lister-aides': { ok: [{ url: '/api/v1/aides?collectivite=brest' }, { url: '/api/v1/aides?collectivite=vannes&format=csv' }, { url: '/api/v1/aides?page=2&par_page=10' }], errors: [{ url: '/api/v1/aides?format=xml' }, { url: '/api/v1/aides?collectivite=atlantide' }] },
    rechercher: { ok: [{ url: '/api/v1/recherche?q=velo' }, { url: '/api/v1/recherche?q=france%20services&commune=Brest&type=lieu-aide' }, { url: '/api/v1/recherche?q=zzzqqq' }], errors: [{ url: '/api/v1/recherche?q=velo&page=abc' }, { url: '/api/v1/recherche?commune=99999' }] },
    'lister-recherches-sans-resultat': {
      ok: [{ url: '/api/v1/recherche/sans-resultat?depuis=2026-01-01' }, { url: '/api/v1/recherche/sans-resultat?collectivite=brest&depuis=2026-01-01&par_page=1' }, { url: '/api/v1/recherche/sans-resultat' }],
      errors: [{ url: '/api/v1/recherche/sans-resultat?depuis=hier' }, { url: '/api/v1/recherche/sans-resultat?collectivite=atlantide' }],
    },
    'lister-lieux': {
      ok: [{ url: '/api/v1/lieux' }, { url: '/api/v1/lieux?commune=Brest&type=france_services&par_page=5' }, { url: '/api/v1/lieux?departement=35&type=orientation&page=2' }],
      errors: [{ url: '/api/v1/lieux?type=soucoupe' }, { url: '/api/v1/lieux?commune=Zzyzxville' }, { url: '/api/v1/lieux?par_page=1000' }],
    },
    'lire-lieu': { ok: [{ url: `/api/v1/lieux/${place.id}` }], errors: [{ url: `/api/v1/lieux/${uuid}` }, { url: '/api/v1/lieux/nimporte' }] },
    'lister-collectivites': { ok: [{ url: '/api/v1/collectivites' }], errors: [] },
    'lire-collectivite': { ok: [{ url: '/api/v1/collectivites/brest' }, { url: '/api/v1/collectivites/bretagne' }], errors: [{ url: '/api/v1/collectivites/atlantide' }, { url: '/api/v1/collectivites/Pas%20Ainsi' }] },
    'lister-pages': { ok: [{ url: `/api/v1/collectivites/${page.tenant_id}/pages` }], errors: [{ url: '/api/v1/collectivites/atlantide/pages' }, { url: `/api/v1/collectivites/${page.tenant_id}/pages?page=0` }] },
    'lire-page': { ok: [{ url: `/api/v1/collectivites/${page.tenant_id}/pages/${page.slug}` }], errors: [{ url: `/api/v1/collectivites/${page.tenant_id}/pages/rien-du-tout` }] },
    'lister-actualites': { ok: [{ url: `/api/v1/collectivites/${news.tenant_id}/actualites?par_page=2` }], errors: [{ url: '/api/v1/collectivites/atlantide/actualites' }] },
    'lire-actualite': { ok: [{ url: `/api/v1/collectivites/${news.tenant_id}/actualites/${news.slug}` }], errors: [{ url: `/api/v1/collectivites/${news.tenant_id}/actualites/rien-du-tout` }] },
    'lister-metiers': { ok: [{ url: '/api/v1/metiers?q=boulanger' }, { url: '/api/v1/metiers?domaine=D&par_page=3&page=2' }, { url: '/api/v1/metiers' }], errors: [{ url: '/api/v1/metiers?domaine=Z99' }, { url: '/api/v1/metiers?q=%C3%A0' }, { url: '/api/v1/metiers?interet=abc' }] },
    'lire-metier': { ok: [{ url: `/api/v1/metiers/${job.code}` }], errors: [{ url: '/api/v1/metiers/Z9999' }, { url: '/api/v1/metiers/boulanger' }] },
    'lister-evenements': {
      ok: [{ url: '/api/v1/agenda' }, { url: '/api/v1/agenda?du=2020-01-01&par_page=5' }, { url: '/api/v1/agenda?type=salon&domaine=D&collectivite=bretagne' }],
      errors: [{ url: '/api/v1/agenda?type=concert' }, { url: '/api/v1/agenda?du=2026-05-01&au=2026-04-01' }, { url: '/api/v1/agenda?collectivite=atlantide' }],
    },
    'lire-evenement': { ok: [{ url: `/api/v1/agenda/${event.id}` }], errors: [{ url: `/api/v1/agenda/${uuid}` }] },
    'lister-jeux-de-donnees': { ok: [{ url: '/api/v1/donnees' }], errors: [] },
    'lire-jeu-de-donnees': { ok: [{ url: '/api/v1/donnees/aides--bretagne' }, { url: '/api/v1/donnees/lieux-aide' }], errors: [{ url: '/api/v1/donnees/rien' }] },
    'signaler-erreur': {
      ok: [{ method: 'POST', url: '/api/v1/signalements', payload: { jeu: 'lieux-aide', objet: place.id, message: 'Ce lieu a déménagé.' } }],
      errors: [{ method: 'POST', url: '/api/v1/signalements', payload: { jeu: 'aides', objet: 'rien', message: 'Faux.' } }, { method: 'POST', url: '/api/v1/signalements', payload: { jeu: 'lieux-aide', objet: place.id, message: '' } }],
    },
    // Its successes need an OAuth2 access token: identity-provider/flow.test.ts goes through the flow.
    'lire-usager': { ok: [], errors: [{ url: '/api/v1/collectivites/brest/usager' }, { url: '/api/v1/collectivites/atlantide/usager' }] },
    // A person's own data: the successes need their token, got through authorization code + PKCE in identity-provider/person-api.test.ts (checked there against these schemas).
    'lire-mon-profil': { ok: [], errors: [{ url: '/api/v1/moi' }, { url: '/api/v1/moi', headers: { authorization: 'Bearer jeton-inconnu' } }] },
    'lister-mes-demarches': { ok: [], errors: [{ url: '/api/v1/moi/demarches' }, { url: '/api/v1/moi/demarches?statut=envoyee', headers: { authorization: 'Bearer jeton-inconnu' } }] },
    'lire-ma-demarche': { ok: [], errors: [{ url: `/api/v1/moi/demarches/${uuid}` }] },
  };

  const document = (await app.inject({ url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  // Compiled with the components as $defs: the document's references resolve inside each schema.
  const defs = JSON.parse(JSON.stringify(document.components.schemas).replaceAll('#/components/schemas/', '#/$defs/')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validatorOf = (schema: unknown) => ajv.compile({ ...(JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/', '#/$defs/')) as object), $defs: defs });

  assert.equal(validatorOf({ $ref: '#/components/schemas/LieuAide' })({ id: 1 }), false, 'the checks can fail');
  let checked = 0;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  assert.deepEqual(operations.map((o) => o.op.operationId).sort(), Object.keys(calls).sort(), 'every documented operation is called here, and only those');

  for (const { path, method, op } of operations) {
    const cases = calls[op.operationId]!;
    const takesInput = Boolean(op.parameters?.length || op.requestBody);
    if (takesInput) assert.ok(cases.errors.length > 0, `${op.operationId}: an error case`);
    for (const [kind, list] of [['ok', cases.ok], ['error', cases.errors]] as const) {
      for (const call of list) {
        assert.equal((call.method ?? 'GET').toLowerCase(), method);
        const res = await app.inject({ method: call.method ?? 'GET', url: call.url, ...(call.payload === undefined ? {} : { payload: call.payload as object }), ...(call.headers ? { headers: call.headers } : {}) });
        const where = `${op.operationId} ${call.method ?? 'GET'} ${call.url} → ${res.statusCode}`;
        if (kind === 'ok') assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${where}: ${res.body.slice(0, 300)}`);
        else assert.ok(res.statusCode >= 400 && res.statusCode < 500, where);
        assert.equal(res.headers['access-control-allow-origin'], '*', `${where}: open CORS`);
        const declared = op.responses[String(res.statusCode)];
        assert.ok(declared, `${where}: status declared in ${path}`);
        const type = String(res.headers['content-type']).split(';')[0]!.trim();
        const media = declared.content?.[type];
        assert.ok(media?.schema, `${where}: ${type} declared (${Object.keys(declared.content ?? {}).join(', ')})`);
        const body = type.endsWith('json') ? (res.json() as unknown) : res.body;
        const validate = validatorOf(media.schema);
        assert.ok(validate(body), `${where}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
        checked++;
        if (kind === 'error') assert.doesNotMatch(res.body, /\b(must|should|querystring|body\/)\b/, `${where}: in French`);
      }
    }
  }
  assert.ok(checked >= 40, `${checked} answers checked`);
});
