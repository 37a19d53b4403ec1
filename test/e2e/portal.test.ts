// Issue 4, point 2 — "Visit the regional portal": the Région's home, news and pages of every
// authority, a menu, the footer's mandatory links, "Besoin d'aide ?" everywhere, the authorities.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoTenants } from '../../seed/tenants';
import { assertIncludes, follow, heading, journey, mainText } from './support/journey';

const j = journey();

async function assertCommonFrame(what: string) {
  const { page } = j;
  assert.match(await page.title(), / – Guichet$/, `${what}: the title ends with "– Guichet"`);
  assert.equal(await page.locator('aside h2', { hasText: "Besoin d'aide ?" }).count(), 1, `${what}: the "Besoin d'aide ?" block`);
  assert.equal(await page.locator('nav#menu').count(), 1, `${what}: the main menu`);
  assert.equal(await page.locator('footer#pied-de-page').count(), 1, `${what}: the footer`);
}

test('the home page of the portal presents the Région, its news, its pages and every authority', async () => {
  const { page } = j;
  await j.check(j.url('/'));
  assert.equal(await page.title(), 'Accueil – Région Bretagne – Guichet');
  assertIncludes(await heading(page), 'Région Bretagne', 'the h1');
  await assertCommonFrame('home');
  const text = await mainText(page);
  assertIncludes(text, 'actualités');
  // Every other authority of the demo is listed and linked.
  for (const tenant of demoTenants.filter((t) => t.id !== 'bretagne')) {
    const link = page.locator('main').getByRole('link', { name: tenant.name, exact: true });
    assert.equal(await link.first().getAttribute('href'), `/collectivites/${tenant.id}/`, `a link to ${tenant.name}`);
  }
  // The latest news come from several authorities, not only the Région.
  assert.ok((await page.locator('main .card').count()) >= 2, 'news cards on the home page');
});

test('a news item and a page of the home open and pass the checks', async () => {
  const { page } = j;
  await page.goto(j.url('/'));
  await follow(page, /./, 'main .card h3');
  assert.equal(await page.locator('nav[aria-label="Vous êtes ici"]').count(), 1, 'a breadcrumb on a news item');
  await j.checkHere();
  await page.goto(j.url('/'));
  const firstPage = page.locator('#accueil-pages ~ ul a, section[aria-labelledby="accueil-pages"] a').first();
  if (await firstPage.count()) {
    await Promise.all([page.waitForEvent('load'), firstPage.click()]);
    assert.match(new URL(page.url()).pathname, /\/pages\//);
    await j.checkHere();
  }
});

test('every link of the main menu leads to a page that passes the checks', async () => {
  const { page } = j;
  await page.goto(j.url('/'));
  const hrefs = await page.locator('nav#menu a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(hrefs.includes('/collectivites/'), 'the menu leads to the list of authorities');
  for (const href of new Set(hrefs)) {
    await j.check(j.url(href));
    await assertCommonFrame(`menu link ${href}`);
  }
});

const FOOTER_LINKS: Array<{ name: string; path: string; heading: RegExp; mentions?: RegExp }> = [
  { name: 'Accessibilité : partiellement conforme', path: '/accessibilite', heading: /accessibilité/i, mentions: /partiellement conforme/i },
  { name: 'Mentions légales', path: '/mentions-legales', heading: /mentions légales/i, mentions: /hébergeur|hébergement|éditeur/i },
  { name: 'Données personnelles', path: '/donnees-personnelles', heading: /données personnelles/i, mentions: /droits?/i },
  { name: 'Plan du site', path: '/plan-du-site', heading: /plan du site/i },
  { name: 'Glossaire', path: '/glossaire', heading: /glossaire/i, mentions: /quotient familial/ },
  { name: 'Contact', path: '/contact', heading: /contact/i, mentions: /02 99 27 10 10/ },
  { name: 'Sources des données', path: '/sources', heading: /sources/i, mentions: /licence/i },
  { name: 'Voir la liste', path: '/collectivites/', heading: /collectivités/i, mentions: /Ville de Brest/ },
];

for (const link of FOOTER_LINKS) {
  test(`the footer link "${link.name}" opens ${link.path}`, async () => {
    const { page } = j;
    await page.goto(j.url('/'));
    await follow(page, link.name, 'footer');
    assert.equal(new URL(page.url()).pathname, link.path);
    await j.checkHere();
    await assertCommonFrame(link.path);
    assert.match(await heading(page), link.heading);
    if (link.mentions) assert.match(await mainText(page), link.mentions);
  });
}

test('the "Besoin d\'aide ?" block leads to help places nearby', async () => {
  const { page } = j;
  await page.goto(j.url('/'));
  await follow(page, "Trouver un lieu d'aide près de chez moi", 'aside');
  assert.equal(new URL(page.url()).pathname, '/aide-de-proximite');
  await j.checkHere();
  await assertCommonFrame('/aide-de-proximite');
});
