// Issue 4, point 3 — "Visit each authority's own space", at /collectivites/<slug>/ and on its
// own host name (brest.localhost): logo, name, accent colour, menu, pages and news.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoTenants } from '../../seed/tenants';
import { assertIncludes, follow, heading, journey, mainText } from './support/journey';

const j = journey();
const brest = demoTenants.find((t) => t.id === 'brest')!;

async function assertBrestBranding() {
  const { page } = j;
  assert.equal(await heading(page), 'Ville de Brest');
  assert.equal(await page.title(), 'Accueil – Brest – Guichet');
  assert.equal(((await page.locator('header .brand').textContent()) ?? '').includes('Ville de Brest'), true, 'the name in the header');
  const logo = page.locator('header .brand img');
  assert.equal(await logo.count(), 1, 'the logo in the header');
  assert.ok(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the logo is loaded');
  // The accent colour comes from the tenant's theme stylesheet.
  const theme = await page.locator('link[rel="stylesheet"][href*="/static/theme/brest."]').getAttribute('href');
  assert.ok(theme, "Brest's theme stylesheet");
  // Fetched by the page itself: *.localhost resolves in Chromium, not in Node.
  const css = await page.evaluate(async (href) => (await fetch(href)).text(), theme);
  assertIncludes(css.toLowerCase(), brest.accent_color!.toLowerCase(), 'the theme');
}

test('from the portal, a person opens Brest\'s space and sees its name, logo and colour', async () => {
  const { page } = j;
  await page.goto(j.url('/'));
  await follow(page, 'Ville de Brest', 'main');
  assert.equal(new URL(page.url()).pathname, '/collectivites/brest/');
  await j.checkHere();
  await assertBrestBranding();
  const text = await mainText(page);
  assertIncludes(text, 'Actualités');
});

test("Brest's pages and news open from its space, inside its space", async () => {
  const { page } = j;
  await page.goto(j.url('/collectivites/brest/'));
  const pageLink = page.locator('section[aria-labelledby="accueil-pages"] a').first();
  assert.equal(await pageLink.count(), 1, 'Brest publishes pages');
  await Promise.all([page.waitForEvent('load'), pageLink.click()]);
  assert.match(new URL(page.url()).pathname, /^\/collectivites\/brest\/pages\/[a-z0-9-]+$/);
  await j.checkHere();
  assert.match(await page.title(), / – Brest – Guichet$/);

  await page.goto(j.url('/collectivites/brest/'));
  await follow(page, 'Toutes les actualités', 'main');
  assert.equal(new URL(page.url()).pathname, '/collectivites/brest/actualites');
  await j.checkHere();
  const newsLink = page.locator('main .card a').first();
  assert.equal(await newsLink.count(), 1, 'Brest publishes news');
  await Promise.all([page.waitForEvent('load'), newsLink.click()]);
  assert.match(new URL(page.url()).pathname, /^\/collectivites\/brest\/actualites\/[a-z0-9-]+$/);
  await j.checkHere();
});

test('the same space is served on brest.localhost, with links that stay on that host', async () => {
  const { page } = j;
  await j.check(j.url('/', 'brest.localhost'));
  await assertBrestBranding();
  const hrefs = await page.locator('main a, nav#menu a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(hrefs.includes('/actualites'), 'the news link is /actualites on its own host');
  assert.ok(!hrefs.some((href) => href.startsWith('/collectivites/brest')), 'no /collectivites/brest prefix on its own host');
  await follow(page, 'Toutes les actualités', 'main');
  assert.equal(page.url(), j.url('/actualites', 'brest.localhost'));
  await j.checkHere();
  await follow(page, 'Plan du site', 'footer');
  assert.equal(page.url(), j.url('/plan-du-site', 'brest.localhost'));
  await j.checkHere();
  assert.match(await page.title(), /^Plan du site – Brest – Guichet$/);
});

test('every demo authority has its space, with its own name and theme', async () => {
  const { page } = j;
  for (const tenant of demoTenants.filter((t) => t.id !== 'bretagne')) {
    const response = await page.goto(j.url(`/collectivites/${tenant.id}/`));
    assert.equal(response?.status(), 200, tenant.id);
    assert.equal(await heading(page), tenant.name);
    assert.equal(await page.locator(`link[href*="/static/theme/${tenant.id}."]`).count(), 1, `${tenant.id} theme`);
  }
  // A few spaces of each kind get every check.
  for (const id of ['finistere', 'rennes-metropole', 'quimper']) await j.check(j.url(`/collectivites/${id}/`));
});

test('the Région\'s space is the portal\'s home, and /collectivites/bretagne/ shows it too', async () => {
  const { page } = j;
  await j.check(j.url('/collectivites/bretagne/'));
  assertIncludes(await heading(page), 'Région Bretagne', 'the h1');
});
