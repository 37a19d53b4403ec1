import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { buildTestApp } from '../../../test/support/app';

test('every page carries a strict CSP and the security headers', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject('/mentions-legales-qui-n-existe-pas');
  const csp = String(response.headers['content-security-policy']);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'none'/);
  assert.match(csp, /style-src 'self'(;|$)/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /form-action 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  assert.equal(response.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
  assert.doesNotMatch(response.body, /style="/, 'no inline style attribute');
  assert.doesNotMatch(response.body, /<script/, 'no script at all');
});

test('HSTS is sent in production, where Guichet is served over HTTPS', async (t) => {
  const { app } = await buildTestApp(t, { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://127.0.0.1:2525', SECRETS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` });
  const response = await app.inject('/healthz');
  assert.match(String(response.headers['strict-transport-security']), /max-age=\d+/);
});

test('the stylesheet is fingerprinted, compressed and cached for ever', async (t) => {
  const { app } = await buildTestApp(t);
  const page = await app.inject('/page-inconnue');
  const href = /<link rel="stylesheet" href="(\/static\/guichet\.[0-9a-f]{12}\.css)"/.exec(page.body)?.[1];
  assert.ok(href, 'the layout links the fingerprinted stylesheet');
  const br = await app.inject({ url: href, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(br.statusCode, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
  const css = brotliDecompressSync(br.rawPayload).toString();
  assert.match(css, /--accent/);
  const gz = await app.inject({ url: href, headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gz.rawPayload).toString(), css);
  assert.ok(br.rawPayload.length < 20_000, `charter CSS must stay under 20 KB compressed, is ${br.rawPayload.length}`);
  const stale = await app.inject('/static/guichet.000000000000.css');
  assert.equal(stale.statusCode, 404);
});

test('the theme of a tenant carries its accent colour', async (t) => {
  const { app } = await buildTestApp(t);
  const page = await app.inject({ url: '/collectivites/brest/', headers: { host: 'localhost' } });
  const href = /href="(\/static\/theme\/brest\.[0-9a-f]{10}\.css)"/.exec(page.body)?.[1];
  assert.ok(href, 'the page links the tenant theme');
  const theme = await app.inject(href);
  assert.equal(theme.statusCode, 200);
  assert.match(theme.body, /--accent:#00607a/);
});

test('unknown pages get a French 404 with a way back; JSON clients get problem+json', async (t) => {
  const { app } = await buildTestApp(t);
  const html = await app.inject('/cette-page-n-existe-pas');
  assert.equal(html.statusCode, 404);
  assert.match(html.body, /<html lang="fr"/);
  assert.match(html.body, /Page introuvable – Région Bretagne – Guichet/);
  assert.match(html.body, /href="\/">Revenir à l&#39;accueil|href="\/">Revenir à l'accueil/);
  assert.match(html.body, /Besoin d&#39;aide|Besoin d'aide/);
  const api = await app.inject('/api/v1/rien');
  assert.equal(api.statusCode, 404);
  assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
  const problem = api.json();
  assert.equal(problem.status, 404);
  assert.equal(problem.code, 'not_found');
  assert.equal(problem.title, 'Page introuvable');
  assert.match(problem.type, /not_found$/);
});

test('an unexpected failure shows a French 500 page without any stack trace', async (t) => {
  const { app } = await buildTestApp(t, {}, (instance) => {
    instance.get('/essai-de-panne', async () => {
      throw new Error('détail interne secret');
    });
  });
  const response = await app.inject('/essai-de-panne');
  assert.equal(response.statusCode, 500);
  assert.match(response.body, /Une erreur est survenue/);
  assert.doesNotMatch(response.body, /détail interne secret|at .*\.ts:\d+/);
  const api = await app.inject({ url: '/essai-de-panne', headers: { accept: 'application/json' } });
  assert.equal(api.json().code, 'internal_error');
  assert.doesNotMatch(api.body, /secret/);
});

test('readyz answers 503 when the database is gone', async (t) => {
  const { app, database } = await buildTestApp(t);
  await database.close();
  const response = await app.inject('/readyz');
  assert.equal(response.statusCode, 503);
  assert.equal(response.json().database, 'unreachable');
});
