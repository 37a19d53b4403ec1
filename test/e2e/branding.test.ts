// Issue 4, point 5 — "Brand a tenant": an administrator sets a name and an accent colour (a colour
// that breaks 4.5:1 contrast is refused in French with a suggested shade) and uploads a logo.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeViolations } from './support/checks';
import { newContext } from './support/browser';
import { assertIncludes, field, follow, journey, mainText, signIn } from './support/journey';

const j = journey();
const files = mkdtempSync(join(tmpdir(), 'guichet-e2e-'));

/** `timeout`: a logo's upload is read, cleaned and stored before the page comes back (slower on a loaded CI machine). */
async function click(name: string | RegExp, timeout?: number) {
  await Promise.all([j.page.waitForEvent('load', { timeout }), j.page.getByRole('button', { name }).first().click()]);
}

/** Brest's public home as a visitor sees it: the theme's CSS and the logo's address. */
async function brestAsVisitor(): Promise<{ css: string; logo: string | null; name: string }> {
  const context = await newContext(j.browser);
  try {
    const page = await context.newPage();
    await page.goto(j.url('/', 'brest.localhost'));
    const theme = await page.locator('link[href*="/static/theme/brest."]').getAttribute('href');
    const css = await page.evaluate(async (href) => (await fetch(href!)).text(), theme);
    const logo = await page.locator('header .brand img').getAttribute('src').catch(() => null);
    const name = ((await page.locator('header .brand__name').textContent()) ?? '').trim();
    return { css: css.toLowerCase(), logo, name };
  } finally {
    await context.close();
  }
}

test('the administrator of Brest opens the branding page from the back office', async () => {
  const { page } = j;
  await signIn(page, j.server.origin, 'admin.brest@demo.guichet.bzh');
  await page.goto(j.url('/admin/t/brest/'));
  await j.checkHere();
  await follow(page, 'Identité visuelle', 'main');
  assert.equal(new URL(page.url()).pathname, '/admin/t/brest/identite');
  await j.checkHere();
});

test('a pale colour is refused with a French explanation and a darker shade that passes', async () => {
  const { page } = j;
  await page.goto(j.url('/admin/t/brest/identite'));
  await field(page, 'Ou écrire le code de la couleur').fill('#7fd4ff');
  await click('Enregistrer');
  const text = await mainText(page);
  assertIncludes(text, '4,5');
  const suggested = /Teinte proposée : ?(#[0-9a-f]{6})/i.exec(text)?.[1];
  assert.ok(suggested, `a suggested shade in: ${text.slice(0, 300)}`);
  assert.equal(await field(page, 'Ou écrire le code de la couleur').inputValue(), '#7fd4ff', 'the input is kept');
  assert.deepEqual(await axeViolations(page), []);
  assert.ok(!(await brestAsVisitor()).css.includes('#7fd4ff'), 'the refused colour is not used');

  await click(`Utiliser la teinte proposée ${suggested}`);
  assertIncludes(await mainText(page), 'L’identité visuelle est enregistrée');
  const visitor = await brestAsVisitor();
  assertIncludes(visitor.css, suggested!.toLowerCase(), "Brest's public theme");
  await j.check(j.url('/', 'brest.localhost'));
});

test('the new name shows in the header of the public space', async () => {
  const { page } = j;
  await page.goto(j.url('/admin/t/brest/identite'));
  await field(page, 'Nom de la collectivité').fill('Ville de Brest (Brest Ville)');
  await click('Enregistrer');
  assertIncludes(await mainText(page), 'L’identité visuelle est enregistrée');
  assert.equal((await brestAsVisitor()).name, 'Ville de Brest (Brest Ville)');
});

test('a logo is uploaded; a script inside an SVG is removed before it is served', async () => {
  const { page } = j;
  const before = (await brestAsVisitor()).logo;
  const svg = join(files, 'logo.svg');
  writeFileSync(
    svg,
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" onload="alert(1)"><script>alert(2)</script><rect width="64" height="64" fill="#00607a"/><text x="8" y="40" fill="#fff">B</text></svg>',
  );
  await page.goto(j.url('/admin/t/brest/identite'));
  await page.getByLabel('Nouveau logo').setInputFiles(svg);
  await click('Envoyer le logo', 30_000);
  assertIncludes(await mainText(page), 'Le nouveau logo est en ligne');
  const after = (await brestAsVisitor()).logo;
  assert.ok(after && after !== before, 'the header shows the new logo');
  const served = await page.evaluate(async (src) => (await fetch(src)).text(), after!);
  assert.ok(!/<script|onload/i.test(served), `the served SVG is clean: ${served}`);
  await j.check(j.url('/', 'brest.localhost'));

  // A file that is not an image is refused in French, next to the field.
  const fake = join(files, 'logo.png');
  writeFileSync(fake, 'ceci n’est pas une image');
  await page.goto(j.url('/admin/t/brest/identite'));
  await page.getByLabel('Nouveau logo').setInputFiles(fake);
  await click('Envoyer le logo', 30_000);
  assert.ok((await page.locator('.error-summary, [role="alert"]').count()) >= 1, 'an error summary');
  assert.deepEqual(await axeViolations(page), []);
});

test('an editor (not administrator) cannot open the branding page', async () => {
  const context = await newContext(j.browser);
  try {
    const page = await context.newPage();
    await signIn(page, j.server.origin, 'editeur.brest@demo.guichet.bzh');
    const response = await page.goto(j.url('/admin/t/brest/identite'));
    assert.equal(response?.status(), 403);
  } finally {
    await context.close();
  }
});
