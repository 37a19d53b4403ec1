import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext } from './browser';
import { checkPage, measureColdLoad } from './checks';

// The harness must be able to fail: a deliberately bad page trips every check, a tidy one passes.
const good = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Bon</title><link rel="icon" href="data:,">
<style>a:focus-visible{outline:3px solid #0a76f6} main:focus{outline:none}</style></head>
<body><a href="#contenu">Aller au contenu</a><main id="contenu" tabindex="-1"><h1>Bonjour</h1><p><a href="/bon">Lien</a></p></main></body></html>`;
const images = Array.from({ length: 7 }, (_, i) => `<img src="/image-${i}.png">`).join('');
const bad = `<!doctype html><html><head><meta charset="utf-8"><title>Mauvais</title><link rel="icon" href="data:,">
<style>a{outline:none} .wide{width:900px}</style></head>
<body><a href="/ailleurs">Premier lien</a><a href="/autre">Autre</a><div class="wide">${images}</div>
<script>document.body.insertAdjacentHTML('beforeend', '<main id="contenu"><h1>Seulement avec JS</h1></main>')</script></body></html>`;
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let server: FastifyInstance;
let origin: string;
let browser: Browser;
let page: Page;

before(async () => {
  server = Fastify();
  server.get('/bon', async (_request, reply) => reply.type('text/html; charset=utf-8').send(good));
  server.get('/mauvais', async (_request, reply) => reply.type('text/html; charset=utf-8').send(bad));
  server.get('/mauvais-bis', async (_request, reply) => reply.type('text/html; charset=utf-8').send(bad));
  server.get('/lourd', async (_request, reply) => reply.type('text/html; charset=utf-8').send(good.replace('<p>', `<p>${'x'.repeat(90_000)}`)));
  server.get('/image-:n', async (_request, reply) => reply.type('image/png').header('cache-control', 'max-age=3600').send(png));
  // A cookie only the cold load gets (its cache is disabled, so it asks « no-cache »); a page that
  // fails if a later load still carries it.
  server.get('/pose', async (request, reply) => {
    if (request.headers.pragma === 'no-cache') reply.header('set-cookie', 'froid=1; Path=/');
    return reply.type('text/html; charset=utf-8').send(good);
  });
  server.get('/sans-cookie', async (request, reply) => reply.code(request.headers.cookie?.includes('froid=') ? 500 : 200).type('text/html; charset=utf-8').send(good));
  await server.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://localhost:${(server.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  page = await (await newContext(browser)).newPage();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a tidy page passes every check and reports its weight', async () => {
  const report = await checkPage(page, `${origin}/bon`);
  assert.equal(report.requests, 1);
  assert.ok(report.dom < 20 && report.kb < 2 && report.ecoIndex > 95, JSON.stringify(report));
  assert.equal(page.url(), `${origin}/bon`);
});

test('a bad page fails with every problem named', async () => {
  const error = await checkPage(page, `${origin}/mauvais`).then(() => undefined, (e: Error) => e);
  assert.ok(error, 'checkPage accepted a bad page');
  const message = error.message;
  for (const expected of [
    '8 requests on a cold load',
    '<html lang="">',
    'axe html-has-lang',
    'axe image-alt',
    'keyboard: the first Tab stop is <a> "Premier lien"',
    '320 px: the page is',
    'no JS: no main#contenu',
  ]) {
    assert.ok(message.includes(expected), `missing "${expected}" in:\n${message}`);
  }
});

test('a heavy page fails the weight budget', async () => {
  const error = await checkPage(page, `${origin}/lourd`).then(() => undefined, (e: Error) => e);
  assert.match(error?.message ?? '', /KB transferred on a cold load \(budget 60\)/);
});

test('an unexpected status is reported', async () => {
  const error = await checkPage(page, `${origin}/nulle-part`).then(() => undefined, (e: Error) => e);
  assert.match(error?.message ?? '', /status 404, expected 200/);
});

test('the check tabs are kept from page to page, yet each load is a first visit: no cache, no cookie of an earlier check', async () => {
  // The same images, cacheable for an hour, on two pages loaded one after the other: each load
  // receives every image again (its body and at least 100 bytes of status line and headers).
  for (const path of ['/mauvais', '/mauvais-bis']) {
    const load = await measureColdLoad(browser, `${origin}${path}`);
    assert.equal(load.requests, 8, path);
    assert.ok(load.kb * 1024 >= 7 * (png.length + 100), `${path}: ${load.kb.toFixed(2)} KB received`);
  }
  await checkPage(page, `${origin}/pose`);
  await checkPage(page, `${origin}/sans-cookie`);
});

test('a tab without JavaScript is refused at once, not waited on for ever', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const tab = await context.newPage();
    await tab.goto(`${origin}/bon`);
    const started = Date.now();
    await assert.rejects(checkPage(tab, `${origin}/bon`), /needs a tab whose context runs scripts/);
    assert.ok(Date.now() - started < 5000, 'refused within seconds');
  } finally {
    await context.close();
  }
});
