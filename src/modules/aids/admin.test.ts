import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { demoAids } from '../../../seed/aids';
import { aidsDb } from './store';
import { formatNumber } from '../../platform/views/format';

const BASE = '/admin/t/bretagne/aides';

const FICHE = {
  id: 'test-aide-velo-lycéens',
  name: 'Aide test au vélo des lycéens',
  summary: 'Une aide pour acheter un vélo quand on est au lycée.',
  porteur_name: 'Région Bretagne',
  porteur_kind: 'region',
  audiences: 'lyceen',
  themes: 'mobilite',
  aid_types: 'subvention',
  amount_max: '200',
  amount_unit: '€',
  amount_period: 'once',
  territory: 'region 53 Bretagne',
  permanent: 'oui',
  recurrence: 'permanente',
  link: 'https://www.bretagne.bzh/',
  last_verified: '2026-05-01',
};

function multipart(token: string, content: string, name = 'aides.json') {
  const boundary = '----guichet-test';
  const payload = [
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="fichier"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n`,
    `--${boundary}--\r\n`,
  ].join('');
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(agent: Agent, content: string, name?: string) {
  const token = csrfTokenFrom((await agent.get(`${BASE}/import`)).body);
  return agent.request({ method: 'POST', url: `${BASE}/import`, ...multipart(token, content, name) });
}

test('back office of aids: create with French errors, conditions without JS, preview, publish, versions, isolation', async (t) => {
  const { app } = await buildTestApp(t);
  const editor = await signInAs(app, 'editeur', 'bretagne');

  const list = await editor.get(BASE);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Créer une aide/);
  const home = await editor.get('/admin/t/bretagne/');
  assert.match(home.body, /href="\/admin\/t\/bretagne\/aides"/, 'the section is on the back-office home');

  // The same check as the import: French message next to the field, input kept, 422.
  const token = csrfTokenFrom((await editor.get(`${BASE}/nouvelle`)).body);
  const bad = await editor.post(`${BASE}/nouvelle`, { _csrf: token, ...FICHE, link: 'www.bretagne.bzh', name: '' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /Écrivez une adresse complète qui commence par https:\/\//);
  assert.match(bad.body, /Ce champ est obligatoire/);
  assert.match(bad.body, /value="test-aide-velo-lycéens"/, 'input kept');
  assert.match(bad.body, /L’identifiant s’écrit en minuscules sans accents/);

  const created = await editor.post(`${BASE}/nouvelle`, { _csrf: token, ...FICHE, id: 'test-aide-velo-lyceens' });
  assert.equal(created.statusCode, 303);
  assert.equal(created.headers.location, `${BASE}/test-aide-velo-lyceens/conditions?message=cree`);

  // Conditions: the territory's residence to start with; add an age condition with the buttons.
  const conditions = await editor.get(`${BASE}/test-aide-velo-lyceens/conditions`);
  assert.match(conditions.body, /Lieu de résidence/);
  const added = await editor.post(`${BASE}/test-aide-velo-lyceens/conditions`, {
    _csrf: token, 'r-kind': 'all', 'r_0-kind': 'residence', 'r_0-level': 'region', 'r_0-codes': '53', 'r_0-names': 'Bretagne', 'r-nouvelle': 'age', action: 'ajouter:r',
  });
  assert.equal(added.statusCode, 200);
  assert.match(added.body, /Condition 2 : Âge/);
  assert.match(added.body, /name="r_0-codes"[^>]*value="53"|value="53"[^>]*name="r_0-codes"/, 'what was typed is kept');
  const wrong = await editor.post(`${BASE}/test-aide-velo-lyceens/conditions`, {
    _csrf: token, 'r-kind': 'all', 'r_0-kind': 'residence', 'r_0-level': 'region', 'r_0-codes': '53', 'r_0-names': 'Bretagne', 'r_1-kind': 'age', 'r_1-min': '25', 'r_1-max': '15', action: 'enregistrer',
  });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /L’âge minimum dépasse l’âge maximum/);
  assert.match(wrong.body, /id="erreur-r_1-min"/, 'next to the field');
  const saved = await editor.post(`${BASE}/test-aide-velo-lyceens/conditions`, {
    _csrf: token, 'r-kind': 'all', 'r_0-kind': 'residence', 'r_0-level': 'region', 'r_0-codes': '53', 'r_0-names': 'Bretagne', 'r_1-kind': 'age', 'r_1-min': '15', 'r_1-max': '19', action: 'enregistrer',
  });
  assert.equal(saved.statusCode, 303);
  const removed = await editor.post(`${BASE}/test-aide-velo-lyceens/conditions`, { _csrf: token, 'r-kind': 'all', 'r_0-kind': 'age', 'r_0-min': '15', 'r_1-kind': 'boursier', action: 'supprimer:r_1' });
  assert.doesNotMatch(removed.body, /Condition 2/);

  // Drafts are private; the preview shows the public rendering.
  assert.equal((await editor.get('/aides/test-aide-velo-lyceens')).statusCode, 404);
  const preview = await editor.get(`${BASE}/test-aide-velo-lyceens/apercu`);
  assert.match(preview.body, /brouillon, non visible du public/);
  assert.match(preview.body, /Avoir entre 15 et 19 ans/);
  assert.equal((await editor.post(`${BASE}/test-aide-velo-lyceens/publier`, { _csrf: token })).statusCode, 303);
  const pub = await editor.get('/aides/test-aide-velo-lyceens');
  assert.equal(pub.statusCode, 200);
  assert.match(pub.body, /Habiter en Bretagne/);
  const versions = await editor.get(`${BASE}/test-aide-velo-lyceens/versions`);
  assert.match(versions.body, /3 \(actuelle\)/);
  assert.match(versions.body, /<td>Publiée<\/td>/);
  const audits = await app.platform.db.selectFrom('platform_audit').select('action').where('target_id', '=', 'test-aide-velo-lyceens').execute();
  assert.deepEqual(audits.map((a) => a.action).sort(), ['aid.create', 'aid.publish', 'aid.update']);
  await editor.post(`${BASE}/test-aide-velo-lyceens/depublier`, { _csrf: token });
  assert.equal((await editor.get('/aides/test-aide-velo-lyceens')).statusCode, 404);

  // A reader reads, never writes; another tenant's agents never see nor touch this tenant's aids.
  const reader = await signInAs(app, 'lecteur', 'bretagne');
  assert.equal((await reader.get(`${BASE}/test-aide-velo-lyceens/apercu`)).statusCode, 200);
  assert.equal((await reader.get(`${BASE}/test-aide-velo-lyceens`)).statusCode, 403);
  const brest = await signInAs(app, 'editeur', 'brest');
  assert.equal((await brest.get(`${BASE}/test-aide-velo-lyceens`)).statusCode, 403);
  assert.equal((await brest.get('/admin/t/brest/aides/test-aide-velo-lyceens')).statusCode, 404);
  assert.equal((await brest.get('/admin/t/brest/aides/test-aide-velo-lyceens/apercu')).statusCode, 404);
  const brestToken = csrfTokenFrom((await brest.get('/admin/t/brest/aides')).body);
  assert.equal((await brest.post('/admin/t/brest/aides/test-aide-velo-lyceens/publier', { _csrf: brestToken })).statusCode, 404);
  assert.doesNotMatch((await brest.get('/admin/t/brest/aides?q=velo')).body, /Aide test au vélo des lycéens/);
});

test('import: dry run line by line, all or nothing, idempotent; JSON and CSV; 10,000 lines with errors are all reported', async (t) => {
  const { app } = await buildTestApp(t);
  const editor = await signInAs(app, 'editeur', 'bretagne');
  const db = aidsDb(app.platform.db);
  const mine = demoAids().filter((a) => a.tenantId === 'bretagne').slice(0, 2).map((a) => a.aid);
  const fresh = { ...mine[0]!, id: 'import-test-nouvelle', name: 'Aide importée' };
  const changed = { ...mine[1]!, summary: 'Un résumé changé par l’import.' };
  const file = JSON.stringify([fresh, changed, mine[0]]);

  const first = await upload(editor, file);
  assert.equal(first.statusCode, 303);
  const report = await editor.get(first.headers.location as string);
  assert.match(report.body, /1 à créer, 1 à modifier, 1 inchangée/);
  assert.equal(await db.selectFrom('aids').select('id').where('id', '=', 'import-test-nouvelle').executeTakeFirst(), undefined, 'the dry run writes nothing');
  const token = csrfTokenFrom(report.body);
  const applied = await editor.post(`${first.headers.location}/appliquer`, { _csrf: token });
  assert.equal(applied.statusCode, 303);
  const row = await db.selectFrom('aids').select(['status', 'version']).where('id', '=', 'import-test-nouvelle').executeTakeFirstOrThrow();
  assert.equal(row.status, 'draft', 'new aids come in as drafts');
  assert.equal((await editor.post(`${first.headers.location}/appliquer`, { _csrf: token })).statusCode, 303, 'applying twice is harmless');
  assert.equal((await db.selectFrom('aids_versions').select('version').where('aid_id', '=', 'import-test-nouvelle').execute()).length, 1);

  // The same file again: nothing to do.
  const again = await upload(editor, file);
  const againReport = await editor.get(again.headers.location as string);
  assert.match(againReport.body, /0 à créer, 0 à modifier, 3 inchangées/);
  await editor.post(`${again.headers.location}/appliquer`, { _csrf: token });
  assert.equal((await db.selectFrom('aids_versions').select('version').where('aid_id', '=', 'import-test-nouvelle').execute()).length, 1, 'idempotent: no new version');

  // CSV, with the tree as JSON in « conditions ».
  const csv = [
    'id,nom,resume,porteur,type_porteur,publics,themes,types_aide,montant_max,territoire,permanente,recurrence,lien,verifiee_le,conditions',
    `import-csv-un,Aide CSV,Une aide venue d’un CSV.,Région Bretagne,region,jeune|etudiant,mobilite,subvention,300,region:53:Bretagne,oui,permanente,https://www.bretagne.bzh/,2026-05-01,"{""type"":""all"",""conditions"":[{""type"":""age"",""min"":16,""max"":25}]}"`,
    'import-csv-deux,Aide CSV 2,Résumé.,Région Bretagne,region,licornes,mobilite,subvention,,national,oui,permanente,ftp://x,2026-05-01,{pas du json',
  ].join('\r\n');
  const csvRun = await upload(editor, csv, 'aides.csv');
  const csvReport = await editor.get(csvRun.headers.location as string);
  assert.match(csvReport.body, /1 à créer, 0 à modifier, 0 inchangée, <strong>1 en erreur/);
  assert.match(csvReport.body, /La colonne « conditions » n’est pas du JSON valide/);
  assert.doesNotMatch(csvReport.body, />Importer</, 'all or nothing: no import while a line is wrong');
  const refused = await editor.post(`${csvRun.headers.location}/appliquer`, { _csrf: token });
  assert.equal(refused.statusCode, 303);
  assert.equal(await db.selectFrom('aids').select('id').where('id', '=', 'import-csv-un').executeTakeFirst(), undefined);

  // Another tenant's id, and a file that is not JSON.
  const brestAid = demoAids().find((a) => a.tenantId !== 'bretagne')!.aid;
  const taken = await editor.get((await upload(editor, JSON.stringify([brestAid]))).headers.location as string);
  assert.match(taken.body, /appartient à une autre collectivité/);
  const broken = await upload(editor, '[{"id": ');
  assert.equal(broken.statusCode, 422);
  assert.match(broken.body, /n’est pas du JSON valide/);

  // 10,000 lines, one in 7 wrong: it finishes, reports every error, and the pages stay small.
  const started = Date.now();
  const many = Array.from({ length: 10_000 }, (_, i) => (i % 7 === 3 ? { ...fresh, id: `masse-${i}`, audiences: ['licornes'] } : { ...fresh, id: `masse-${i}` }));
  const big = await upload(editor, JSON.stringify(many));
  assert.equal(big.statusCode, 303);
  const bigReport = await editor.get(big.headers.location as string);
  const wrongCount = many.filter((_, i) => i % 7 === 3).length;
  assert.match(bigReport.body, new RegExp(`10\u202f000 lignes. ${formatNumber(10_000 - wrongCount)} à créer, 0 à modifier, 0 inchangée, <strong>${formatNumber(wrongCount)} en erreur`));
  const errorsPage = await editor.get(`${big.headers.location}?erreurs=1&page=${Math.ceil(wrongCount / 20)}`);
  assert.match(errorsPage.body, /publics › 1 : Choisissez une de ces valeurs/);
  assert.ok(errorsPage.body.length < 40_000, `${errorsPage.body.length} bytes`);
  const stored = await db.selectFrom('aids_imports').select(['counts']).where('id', '=', (big.headers.location as string).split('/').pop()!).executeTakeFirstOrThrow();
  assert.equal(stored.counts.errors, wrongCount);
  assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
});

test('an organisation condition is chosen in plain lists: kinds and activities, a more precise NAF code typed, all kept when edited again', async (t) => {
  const { app } = await buildTestApp(t);
  const editor = await signInAs(app, 'editeur', 'bretagne');
  const token = csrfTokenFrom((await editor.get(`${BASE}/nouvelle`)).body);
  assert.equal((await editor.post(`${BASE}/nouvelle`, { _csrf: token, ...FICHE, id: 'test-aide-clubs' })).statusCode, 303);
  const url = `${BASE}/test-aide-clubs/conditions`;
  const added = await editor.post(url, { _csrf: token, 'r-kind': 'all', 'r-nouvelle': 'organisation', action: 'ajouter:r' });
  assert.match(added.body, /<optgroup label="Sport, loisirs, associations[^"]*"|<optgroup label="[^"]+">/);
  assert.match(added.body, /<option value="association">Association<\/option>/, 'kinds in words, not raw values');
  assert.match(added.body, /Club de sport[^<]*\(93\.12Z\)|\(93\.12/);
  const form = new URLSearchParams([
    ['_csrf', token], ['r-kind', 'all'], ['r_0-kind', 'organisation'],
    ['r_0-kinds', 'association'], ['r_0-kinds', 'entreprise'],
    ['r_0-naf', '93.12Z'], ['r_0-naf', '85'], ['r_0-naf_other', '10.71C'],
    ['r_0-headcount_min', ''], ['r_0-headcount_max', '10'], ['action', 'enregistrer'],
  ]);
  const saved = await editor.request({ method: 'POST', url, payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
  const row = await aidsDb(app.platform.db).selectFrom('aids').select('definition').where('id', '=', 'test-aide-clubs').executeTakeFirstOrThrow();
  const definition = (typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition) as { eligibility: { conditions: unknown[] } };
  assert.deepEqual(definition.eligibility.conditions[0], { type: 'organisation', kinds: ['association', 'entreprise'], naf: ['93.12Z', '85', '10.71C'], headcount_max: 10 });

  const again = (await editor.get(url)).body;
  assert.match(again, /<option value="association" selected>/);
  assert.match(again, /<option value="93\.12Z" selected>/);
  assert.match(again, /<option value="85" selected>/);
  assert.match(again, /name="r_0-naf_other"[^>]*value="10\.71C"|value="10\.71C"[^>]*name="r_0-naf_other"/, 'the precise code stays typed');
});
