/**
 * The cases of bad input the fuzz walk (fuzz-walk.test.ts) was written for, one by one: each
 * answered a 500 or Fastify's raw English JSON without security headers before.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { Agent, buildListeningTestApp, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';

function assertFrenchPage(response: LightMyRequestResponse, status: number, title: RegExp) {
  assert.equal(response.statusCode, status, response.body.slice(0, 300));
  assert.match(String(response.headers['content-type']), /^text\/html/);
  assert.match(response.body, /<html lang="fr"/);
  assert.match(response.body, title);
  assertSecurityHeaders(response);
  assert.doesNotMatch(response.body, /FST_|Bad Request|URI Too Long|is not a valid url|\bat .*:\d+:\d+/);
}

function assertSecurityHeaders(response: LightMyRequestResponse) {
  assert.match(String(response.headers['content-security-policy']), /default-src 'none'.*frame-ancestors 'none'/);
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
}

function multipart(agent: Agent, url: string, contentType: string, payload: string) {
  return agent.request({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
}

test('an address that cannot be decoded is a French 400 page with the security headers, problem+json under /api', async (t) => {
  const { app } = await buildTestApp(t);
  for (const url of ['/%', '/aides/%E0%A4%A', '/aides/%C3%28', '/aides/%FF/calcul']) {
    assertFrenchPage(await app.inject(url), 400, /Adresse incorrecte/);
  }
  // In a tenant's space, the page keeps the tenant's layout.
  const tenant = await app.inject('/collectivites/brest/pages/%FF');
  assertFrenchPage(tenant, 400, /Adresse incorrecte – Brest/);
  const api = await app.inject('/api/v1/aides/%E0%A4%A');
  assert.equal(api.statusCode, 400);
  assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
  assert.equal(api.json().code, 'bad_url');
  assert.equal(api.json().title, 'Adresse incorrecte');
  assertSecurityHeaders(api);
});

test('an aid id of 105 characters is a French 404, on the aid page and under /calcul; a 600-character one a French 414', async (t) => {
  const { app } = await buildTestApp(t);
  const id = 'a'.repeat(105);
  assertFrenchPage(await app.inject(`/aides/${id}`), 404, /Page introuvable/);
  assertFrenchPage(await app.inject(`/aides/${id}/calcul`), 404, /Page introuvable/);
  const long = 'a'.repeat(600);
  assertFrenchPage(await app.inject(`/aides/${long}`), 414, /Adresse trop longue/);
  assertFrenchPage(await app.inject(`/aides/${long}/calcul`), 414, /Adresse trop longue/);
  const api = await app.inject(`/api/v1/collectivites/${long}/usager`);
  assert.equal(api.statusCode, 414);
  assert.equal(api.json().code, 'uri_too_long');
});

test('a malformed multipart body is a French 400 on every kind of form, not a 500; a well-formed one still goes through', async (t) => {
  const { app } = await buildTestApp(t);
  const visitor = new Agent(app);
  const token = csrfTokenFrom((await visitor.get('/connexion')).body);
  const boundary = 'essai1234';
  const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\nx`;
  const attempts: Array<[string, string]> = [
    ['multipart/form-data', `--${boundary}--\r\n`],
    [`multipart/form-data; boundary=${boundary}`, truncated],
  ];
  for (const [contentType, payload] of attempts) {
    assertFrenchPage(await multipart(visitor, '/connexion', contentType, payload), 400, /Formulaire illisible/);
  }
  // The file upload routes too (the logo of a tenant), for a signed-in administrator.
  const admin = await signInAs(app, 'administrateur', 'brest');
  for (const [contentType, payload] of attempts) {
    assertFrenchPage(await multipart(admin, '/admin/t/brest/identite/logo', contentType, payload), 400, /Formulaire illisible/);
  }
  // The limits keep their own status: two files where one is allowed.
  const adminToken = csrfTokenFrom((await admin.get('/admin/t/brest/identite')).body);
  const file = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nx\r\n`;
  const twoFiles = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${adminToken}\r\n${file('logo')}${file('autre')}--${boundary}--\r\n`;
  assertFrenchPage(await multipart(admin, '/admin/t/brest/identite/logo', `multipart/form-data; boundary=${boundary}`, twoFiles), 413, /Envoi trop volumineux/);
  // A field named like a prototype property is refused, not merged.
  const proto = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${adminToken}\r\n--${boundary}\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--${boundary}--\r\n`;
  assertFrenchPage(await multipart(admin, '/admin/t/brest/identite/logo', `multipart/form-data; boundary=${boundary}`, proto), 400, /Demande incorrecte/);
  // A well-formed form is read as before: the CSRF token inside it is accepted, the missing file named.
  const empty = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${adminToken}\r\n--${boundary}--\r\n`;
  const accepted = await multipart(admin, '/admin/t/brest/identite/logo', `multipart/form-data; boundary=${boundary}`, empty);
  assert.equal(accepted.statusCode, 422);
  assert.match(accepted.body, /Choisissez le fichier de votre logo/);
});

test('a NUL character in a query or a form is a French 400 before any handler or query', async (t) => {
  const { app } = await buildTestApp(t);
  assertFrenchPage(await app.inject('/aides?q=a%00b'), 400, /Caractère non autorisé/);
  assertFrenchPage(await app.inject('/aides/simulateur?%00=1'), 400, /Caractère non autorisé/);
  const visitor = new Agent(app);
  const token = csrfTokenFrom((await visitor.get('/connexion')).body);
  const form = await visitor.post('/connexion', { _csrf: token, email: 'camille\u0000@exemple.fr', password: 'x\u0000' });
  assertFrenchPage(form, 400, /Caractère non autorisé/);
  // The API names the fields in the problem.
  const api = await app.inject({ method: 'POST', url: '/api/v1/eligibilite', payload: '{"age":20,"commune":"35238\\u0000"}', headers: { 'content-type': 'application/json' } });
  assert.equal(api.statusCode, 400);
  assert.equal(api.json().code, 'nul_character');
  assert.deepEqual(api.json().errors.map((e: { pointer: string }) => e.pointer), ['#/commune']);
  // Other control characters are ordinary text: the search simply finds nothing.
  assert.equal((await app.inject('/aides?q=a%01%1Fb')).statusCode, 200);
});

test('/mon-compte/profil/__proto__ and other prototype names are a French 404, not a 500', async (t) => {
  const { app } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  for (const group of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    assertFrenchPage(await admin.get(`/mon-compte/profil/${group}`), 404, /Page introuvable/);
  }
  const token = csrfTokenFrom((await admin.get('/mon-compte/profil/situation')).body);
  assertFrenchPage(await admin.post('/mon-compte/profil/__proto__', { _csrf: token }), 404, /Page introuvable/);
  assert.equal((await admin.get('/mon-compte/profil?fait=__proto__')).statusCode, 200);
  // A prototype name is no valid choice either.
  const situation = await admin.post('/mon-compte/profil/situation', { _csrf: token, situation: 'constructor' });
  assert.equal(situation.statusCode, 422);
  assert.match(situation.body, /Choisissez la situation qui vous correspond le mieux/);
});

/** Writes raw bytes to the listening server and reads the whole answer (the server closes). */
function rawRequest(origin: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

test('a request Node’s HTTP parser refuses gets a French page with the security headers, not English JSON', async (t) => {
  const { origin } = await buildListeningTestApp(t);
  const badHeader = await rawRequest(origin, 'GET / HTTP/1.1\r\nHost: localhost\r\nEn tête invalide: x\r\n\r\n');
  assert.match(badHeader, /^HTTP\/1\.1 400 /);
  assert.match(badHeader, /content-security-policy: [^\r]*frame-ancestors 'none'/i);
  assert.match(badHeader, /x-content-type-options: nosniff/i);
  assert.match(badHeader, /<html lang="fr">[\s\S]*Demande incorrecte/);
  assert.doesNotMatch(badHeader, /Client Error|"statusCode"/);
  const hugeHeaders = await rawRequest(origin, `GET / HTTP/1.1\r\nHost: localhost\r\nX-Long: ${'x'.repeat(20_000)}\r\n\r\n`);
  assert.match(hugeHeaders, /^HTTP\/1\.1 431 /);
  assert.match(hugeHeaders, /Demande trop volumineuse/);
  assert.match(hugeHeaders, /referrer-policy: strict-origin-when-cross-origin/i);
});
