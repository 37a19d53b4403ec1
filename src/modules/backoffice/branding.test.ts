import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, signInAs, type TestApp } from '../../../test/support/app';
import { checkAccentContrast } from '../../platform/assets/theme';
import { TINY_PNG, textOf, uploadFile } from './test-support';

const PAGE = '/admin/t/brest/identite';

const current = { name: 'Brest, ville maritime', short_name: 'Brest ville', description: 'Le site de la ville.', contact_address: '2 rue Frézier, 29200 Brest', contact_phone: '02 98 00 80 80', contact_email: 'contact@brest.example' };

/** Media stored by uploads during the test (the seed may have given the tenant a logo already). */
async function mediaCount(database: TestApp['database']) {
  const rows = await database.db.selectFrom('platform_media').select('id').where('tenant_id', '=', 'brest').where('created_by', 'is not', null).execute();
  return rows.length;
}

async function themeCssOf(agent: Awaited<ReturnType<typeof signInAs>>, url = '/collectivites/brest/') {
  const page = await agent.get(url);
  const href = /href="(\/static\/theme\/brest\.[0-9a-f]+\.css)"/.exec(page.body)?.[1];
  assert.ok(href, 'the page links its tenant theme');
  return (await agent.get(href)).body;
}

test('a colour that breaks 4.5:1 is refused with the ratio, the surface and an accessible shade that can be applied', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const form = await admin.get(PAGE);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<input id="champ-accent_picker" name="accent_picker" type="color"/);
  const initial = /name="accent_initial" value="(#[0-9a-f]{6})"/.exec(form.body)?.[1];
  assert.ok(initial);

  const refused = await admin.submit(PAGE, PAGE, { ...current, accent_color: '#FFCC00', accent_initial: initial, accent_picker: initial, picker_initial: initial });
  assert.equal(refused.statusCode, 422);
  const expected = checkAccentContrast('#ffcc00');
  const text = textOf(refused.body);
  assert.match(text, new RegExp(`contraste de ${expected.worstRatio.toLocaleString('fr-FR')}:1`));
  assert.match(text, /fond gris clair/);
  assert.match(text, /au moins 4,5:1/);
  assert.match(refused.body, new RegExp(`name="use_suggestion" value="${expected.suggestion}"`));
  assert.match(text, new RegExp(`Utiliser la teinte proposée ${expected.suggestion}`));
  assert.match(refused.body, /id="champ-accent_color" name="accent_color" type="text" value="#ffcc00"/);
  assert.match(refused.body, /href="#champ-accent_color"/);
  const unchanged = await database.db.selectFrom('platform_tenants').select('accent_color').where('id', '=', 'brest').executeTakeFirstOrThrow();
  assert.equal(unchanged.accent_color, initial);

  const applied = await admin.submit(PAGE, PAGE, { ...current, accent_color: '#ffcc00', accent_initial: '#ffcc00', accent_picker: initial, picker_initial: initial, use_suggestion: expected.suggestion! });
  assert.equal(applied.statusCode, 303);
  assert.equal(applied.headers.location, `${PAGE}?fait=enregistre`);
  assert.match(await themeCssOf(admin), new RegExp(`--accent:${expected.suggestion}`));
  const row = await database.db.selectFrom('platform_tenants').selectAll().where('id', '=', 'brest').executeTakeFirstOrThrow();
  assert.equal(row.accent_color, expected.suggestion);
  assert.equal(row.name, 'Brest, ville maritime');
  const audited = await database.db.selectFrom('platform_audit').select(['tenant_id', 'actor_label', 'details']).where('action', '=', 'branding.update').execute();
  assert.equal(audited.length, 1);
  assert.equal(audited[0]!.tenant_id, 'brest');
});

test('a good colour chosen with the picker changes the theme served at once, with the new name', async (t) => {
  const { app } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const before = await themeCssOf(admin);
  const initial = /name="accent_initial" value="(#[0-9a-f]{6})"/.exec((await admin.get(PAGE)).body)![1]!;
  const saved = await admin.submit(PAGE, PAGE, { ...current, accent_color: initial, accent_initial: initial, accent_picker: '#1d5e2f', picker_initial: initial });
  assert.equal(saved.statusCode, 303);
  const after = await themeCssOf(admin);
  assert.notEqual(after, before);
  assert.match(after, /--accent:#1d5e2f/);
  const confirmation = await admin.get(`${PAGE}?fait=enregistre`);
  assert.match(textOf(confirmation.body), /L’identité visuelle est enregistrée/);
  const home = await admin.get('/collectivites/brest/');
  assert.match(home.body, /<title>Accueil – Brest ville – Guichet<\/title>/);
  assert.match(home.body, /<span class="brand__name">Brest, ville maritime<\/span>/);
  assert.match(textOf(home.body), /02 98 00 80 80/);
});

test('every field refuses bad input with a French message, keeps what was typed, and answers 422', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const bad = {
    name: '',
    short_name: 'Un nom court bien trop long pour tenir dans un en-tête',
    accent_color: 'bleu',
    accent_initial: '#0b5394',
    description: 'd'.repeat(501),
    contact_address: 'a'.repeat(301),
    contact_phone: 'appelez-nous',
    contact_email: 'contact@',
  };
  const response = await admin.submit(PAGE, PAGE, bad);
  assert.equal(response.statusCode, 422);
  const text = textOf(response.body);
  assert.match(text, /Le formulaire contient 7 erreurs/);
  assert.match(text, /Saisissez le nom de la collectivité/);
  assert.match(text, /40 caractères au maximum \(vous en avez saisi 54\)/);
  assert.match(text, /Écrivez la couleur avec # suivi de 6 chiffres/);
  assert.match(text, /500 caractères au maximum \(vous en avez saisi 501\)/);
  assert.match(text, /300 caractères au maximum \(vous en avez saisi 301\)/);
  assert.match(text, /Le numéro de téléphone ne doit contenir que des chiffres/);
  assert.match(text, /L'adresse électronique n'est pas valide/);
  for (const field of ['name', 'short_name', 'accent_color', 'description', 'contact_address', 'contact_phone', 'contact_email']) {
    assert.match(response.body, new RegExp(`href="#champ-${field}"`), field);
  }
  assert.match(response.body, /value="Un nom court bien trop long pour tenir dans un en-tête"/);
  assert.match(response.body, /value="bleu"/);
  assert.match(response.body, /value="appelez-nous"/);
  assert.match(response.body, /value="contact@"/);
  assert.match(response.body, new RegExp(`>${'d'.repeat(501)}</textarea>`));
  assert.match(response.body, /<title>Erreur – Identité visuelle/);
  const row = await database.db.selectFrom('platform_tenants').select(['name', 'short_name']).where('id', '=', 'brest').executeTakeFirstOrThrow();
  assert.notEqual(row.name, '');
  assert.notEqual(row.short_name, bad.short_name);
});

test('a form without its CSRF token changes nothing', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  await admin.get(PAGE);
  const before = await database.db.selectFrom('platform_tenants').select(['name', 'logo_media_id']).where('id', '=', 'brest').executeTakeFirstOrThrow();
  const response = await admin.post(PAGE, { ...current, name: 'Piratée', accent_color: '#000000' });
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /Formulaire expiré/);
  const logo = await admin.request({ method: 'POST', url: `${PAGE}/logo`, payload: '--b\r\nContent-Disposition: form-data; name="logo"; filename="x.png"\r\nContent-Type: image/png\r\n\r\nx\r\n--b--\r\n', headers: { 'content-type': 'multipart/form-data; boundary=b' } });
  assert.equal(logo.statusCode, 403);
  const row = await database.db.selectFrom('platform_tenants').select(['name', 'logo_media_id']).where('id', '=', 'brest').executeTakeFirstOrThrow();
  assert.deepEqual(row, before);
});

test('an SVG logo with scripts, handlers, foreignObject and javascript: links is stored cleaned and shown at once', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script>
    <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
    <a href="javascript:alert(3)"><rect width="10" height="10" fill="#0b5394" onclick="alert(4)"/></a></svg>`;
  const response = await uploadFile(admin, PAGE, `${PAGE}/logo`, { field: 'logo', filename: 'logo.svg', contentType: 'image/svg+xml', bytes: svg });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `${PAGE}?fait=logo-nettoye`);
  const tenant = await database.db.selectFrom('platform_tenants').select('logo_media_id').where('id', '=', 'brest').executeTakeFirstOrThrow();
  assert.ok(tenant.logo_media_id);
  const media = await database.db.selectFrom('platform_media').selectAll().where('id', '=', tenant.logo_media_id).executeTakeFirstOrThrow();
  assert.equal(media.tenant_id, 'brest');
  assert.equal(media.content_type, 'image/svg+xml');
  const stored = Buffer.from(media.bytes).toString('utf8');
  for (const forbidden of [/<script/i, /onload/i, /onclick/i, /foreignObject/i, /javascript:/i]) assert.doesNotMatch(stored, forbidden);
  assert.match(stored, /<rect width="10" height="10" fill="#0b5394"\/>/);

  const home = await admin.get('/collectivites/brest/');
  assert.match(home.body, new RegExp(`src="/media/${tenant.logo_media_id}"`));
  const served = await admin.get(`/media/${tenant.logo_media_id}`);
  assert.equal(served.headers['content-type'], 'image/svg+xml');
  const audited = await database.db.selectFrom('platform_audit').select(['tenant_id', 'target_id']).where('action', '=', 'branding.logo').execute();
  assert.deepEqual(audited, [{ tenant_id: 'brest', target_id: tenant.logo_media_id }]);

  const removed = await admin.submit(PAGE, `${PAGE}/logo/retirer`, {});
  assert.equal(removed.statusCode, 303);
  assert.doesNotMatch((await admin.get('/collectivites/brest/')).body, /\/media\//);
});

test('an SVG with nothing left once cleaned is refused', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const response = await uploadFile(admin, PAGE, `${PAGE}/logo`, {
    field: 'logo',
    filename: 'logo.svg',
    contentType: 'image/svg+xml',
    bytes: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  });
  assert.equal(response.statusCode, 422);
  assert.match(textOf(response.body), /il ne reste rien à afficher/);
  assert.equal(await mediaCount(database), 0);
});

test('a PNG is accepted after its signature is checked; a text file named logo.png and a too large file are refused', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const fake = await uploadFile(admin, PAGE, `${PAGE}/logo`, { field: 'logo', filename: 'logo.png', contentType: 'image/png', bytes: 'Je ne suis pas une image.' });
  assert.equal(fake.statusCode, 422);
  assert.match(textOf(fake.body), /Ce format de fichier n'est pas accepté\. Envoyez votre logo au format SVG ou PNG/);
  assert.match(fake.body, /href="#champ-logo"/);

  const big = await uploadFile(admin, PAGE, `${PAGE}/logo`, { field: 'logo', filename: 'logo.png', contentType: 'image/png', bytes: Buffer.concat([TINY_PNG, Buffer.alloc(600 * 1024)]) });
  assert.equal(big.statusCode, 422);
  assert.match(textOf(big.body), /un logo ne doit pas dépasser 500 Ko/);

  const nothing = await uploadFile(admin, PAGE, `${PAGE}/logo`, { field: 'logo', filename: '', contentType: 'application/octet-stream', bytes: '' });
  assert.equal(nothing.statusCode, 422);
  assert.match(textOf(nothing.body), /Choisissez le fichier de votre logo/);
  assert.equal(await mediaCount(database), 0);

  const png = await uploadFile(admin, PAGE, `${PAGE}/logo`, { field: 'logo', filename: 'logo.bin', contentType: 'application/octet-stream', bytes: TINY_PNG });
  assert.equal(png.statusCode, 303);
  const tenant = await database.db.selectFrom('platform_tenants').select('logo_media_id').where('id', '=', 'brest').executeTakeFirstOrThrow();
  const media = await database.db.selectFrom('platform_media').select(['content_type', 'bytes', 'tenant_id']).where('id', '=', tenant.logo_media_id!).executeTakeFirstOrThrow();
  assert.equal(media.tenant_id, 'brest');
  assert.equal(media.content_type, 'image/png');
  assert.ok(Buffer.from(media.bytes).equals(TINY_PNG));
});

test('only an administrator of the tenant opens its branding', async (t) => {
  const { app } = await buildTestApp(t);
  const editor = await signInAs(app, 'editeur', 'brest');
  assert.equal((await editor.get(PAGE)).statusCode, 403);
  const otherAdmin = await signInAs(app, 'administrateur', 'quimper');
  assert.equal((await otherAdmin.get(PAGE)).statusCode, 403);
  assert.equal((await otherAdmin.submit('/admin/t/quimper/identite', PAGE, { ...current, accent_color: '#000000' })).statusCode, 403);
});
