// Issue 4, point 4 — "Edit content as an agent": sign in at /admin, create a page, preview it,
// publish it, see it public, change it (drafts are never public), history, restore, menu.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeViolations } from './support/checks';
import { newContext } from './support/browser';
import { assertIncludes, field, follow, heading, journey, mainText, signIn, totpCode } from './support/journey';

const j = journey();
const TITLE = 'Inscriptions à la piscine municipale';
const NEW_TITLE = 'Piscine municipale : inscriptions et horaires';
const SLUG = 'inscriptions-piscine';
const publicPath = `/collectivites/brest/pages/${SLUG}`;
let itemUrl = '';

/** What an anonymous visitor gets at a path: the status and the h1. */
async function asVisitor(path: string): Promise<{ status: number; h1: string; text: string }> {
  const context = await newContext(j.browser);
  try {
    const page = await context.newPage();
    const response = await page.goto(j.url(path));
    return { status: response?.status() ?? 0, h1: await heading(page), text: await mainText(page) };
  } finally {
    await context.close();
  }
}

async function click(name: string | RegExp) {
  await Promise.all([j.page.waitForEvent('load'), j.page.getByRole('button', { name }).first().click()]);
}

test('the back office asks an agent to sign in, then shows the authorities they work for', async () => {
  const { page } = j;
  await page.goto(j.url('/admin'));
  assert.equal(new URL(page.url()).pathname, '/admin/connexion', 'a visitor is sent to the sign-in page');
  await j.checkHere();
  // A wrong password is refused in French next to the field, and the address is kept.
  await field(page, 'Adresse électronique').fill('editeur.brest@demo.guichet.bzh');
  await field(page, 'Mot de passe').fill('pas-le-bon');
  await click('Se connecter');
  assert.equal(await field(page, 'Adresse électronique').inputValue(), 'editeur.brest@demo.guichet.bzh');
  assert.ok((await page.locator('.error-summary, [role="alert"]').count()) >= 1, 'an error summary');
  assert.deepEqual(await axeViolations(page), []);

  await signIn(page, j.server.origin, 'editeur.brest@demo.guichet.bzh');
  assert.equal(new URL(page.url()).pathname, '/admin');
  await j.checkHere();
  await follow(page, 'Ville de Brest', 'main');
  await j.checkHere();
  await follow(page, 'Pages et actualités', 'main');
  assert.equal(new URL(page.url()).pathname, '/admin/t/brest/contenus');
  await j.checkHere();
});

test('an editor creates a page: a draft that the public cannot see', async () => {
  const { page } = j;
  await page.goto(j.url('/admin/t/brest/contenus'));
  await follow(page, 'Créer une page', 'main');
  await j.checkHere();
  // Saving without a title: the error is said in French, next to the field, the input is kept.
  await field(page, 'Résumé').fill('Comment inscrire un enfant aux cours de natation.');
  await click('Enregistrer le brouillon');
  assertIncludes(await mainText(page), 'Saisissez un titre.');
  assert.equal(await field(page, 'Résumé').inputValue(), 'Comment inscrire un enfant aux cours de natation.');
  assert.deepEqual(await axeViolations(page), []);

  await field(page, 'Titre').fill(TITLE);
  await field(page, 'Adresse de la page').fill(SLUG);
  await field(page, 'Texte')
    .fill('Les inscriptions ouvrent le **2 septembre**.\n\n## Pièces à fournir\n\n- un justificatif de domicile\n- une photo\n\n<script>alert(1)</script>');
  await field(page, 'Étiquettes').fill('sport, enfance');
  await click('Enregistrer le brouillon');
  assert.match(new URL(page.url()).pathname, /^\/admin\/t\/brest\/contenus\/[0-9a-f-]{36}$/);
  itemUrl = page.url().replace(/\?.*$/, '');
  assertIncludes(await mainText(page), 'Brouillon');
  await j.check(itemUrl);

  const visitor = await asVisitor(publicPath);
  assert.equal(visitor.status, 404, 'a draft is never public');
});

test('the editor previews the draft, publishes it, and the public sees it', async () => {
  const { page } = j;
  await page.goto(itemUrl);
  await follow(page, 'Aperçu', 'main');
  await j.checkHere();
  assert.equal(await heading(page), TITLE);
  assertIncludes(await mainText(page), 'brouillon, non visible du public');

  await page.goto(itemUrl);
  await click('Publier');
  assertIncludes(await mainText(page), 'Le contenu est publié');
  await follow(page, 'Voir la page en ligne', 'main');
  assert.equal(new URL(page.url()).pathname, publicPath);
  await j.checkHere();

  const visitor = await asVisitor(publicPath);
  assert.equal(visitor.status, 200);
  assert.equal(visitor.h1, TITLE);
  assertIncludes(visitor.text, 'Pièces à fournir');
  // Markdown is rendered, raw HTML is not: the script is shown as text or dropped, never run.
  assert.equal(await page.locator('main script').count(), 0);
  assert.equal(await page.locator('main').getByRole('heading', { name: 'Pièces à fournir' }).count(), 1);
  assert.equal(await page.locator('main li', { hasText: 'un justificatif de domicile' }).count(), 1);
  assertIncludes((await asVisitor('/collectivites/brest/plan-du-site')).text, TITLE, "Brest's plan du site");
});

test('a new version stays private until it is published; the history tells who changed what', async () => {
  const { page } = j;
  await page.goto(itemUrl);
  await field(page, 'Titre').fill(NEW_TITLE);
  await click('Enregistrer une nouvelle version');
  assertIncludes(await mainText(page), 'Modifié depuis publication');
  assert.equal((await asVisitor(publicPath)).h1, TITLE, 'the public still sees the published version');

  await follow(page, 'Historique des versions', 'main');
  await j.checkHere();
  const rows = page.locator('main table tbody tr');
  assert.equal(await rows.count(), 2);
  const table = await mainText(page);
  assertIncludes(table, '(publiée)');
  assert.match(table, /Éditeur|éditeur|editeur/i, 'the author is named');
});

test('restoring the first version copies it into a new version, published on demand', async () => {
  const { page } = j;
  await page.goto(`${itemUrl}/historique`);
  await click('Restaurer la version 1');
  assertIncludes(await mainText(page), 'L’ancienne version a été copiée');
  assert.equal(await field(page, 'Titre').inputValue(), TITLE);
  await click('Publier la dernière version');
  assertIncludes(await mainText(page), 'Le contenu est publié');
  await page.goto(`${itemUrl}/historique`);
  assert.equal(await page.locator('main table tbody tr').count(), 3);
  const visitor = await asVisitor(publicPath);
  assert.equal(visitor.h1, TITLE);
});

test('the editor adds the page to the menu and it appears on every page of the space', async () => {
  const { page } = j;
  await page.goto(j.url('/admin/t/brest/menu'));
  await j.checkHere();
  await field(page, 'Intitulé du lien').fill('Piscine');
  await field(page, 'Page de destination').selectOption({ label: TITLE });
  await click('Ajouter au menu');
  await page.goto(j.url('/collectivites/brest/'));
  const link = page.locator('nav#menu').getByRole('link', { name: 'Piscine', exact: true });
  assert.equal(await link.getAttribute('href'), publicPath);
  await j.check(j.url('/collectivites/brest/'));
});

test('a news item with an image needs a description of the image, then shows it with that text', async () => {
  const { page } = j;
  const image = join(mkdtempSync(join(tmpdir(), 'guichet-e2e-')), 'piscine.png');
  // A 1×1 PNG.
  writeFileSync(image, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'));
  await page.goto(j.url('/admin/t/brest/contenus'));
  await follow(page, 'Créer une actualité', 'main');
  await field(page, 'Titre').fill('La piscine rouvre ses portes');
  await field(page, 'Résumé').fill('Après les travaux, la piscine accueille de nouveau le public.');
  await field(page, 'Texte').fill('La piscine rouvre **lundi**.');
  await page.getByLabel('Choisir une image').setInputFiles(image);
  await click('Enregistrer le brouillon');
  assertIncludes(await mainText(page), 'Décrivez l');
  assert.equal(await field(page, "Description de l'image (texte alternatif)").getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await axeViolations(page), []);
  // The image already sent is kept: only the description is asked for.
  await field(page, "Description de l'image (texte alternatif)").fill('Le grand bassin, vu depuis les gradins');
  await click('Enregistrer le brouillon');
  await click('Publier');
  await follow(page, 'Voir la page en ligne', 'main');
  assert.match(new URL(page.url()).pathname, /^\/collectivites\/brest\/actualites\/la-piscine-rouvre-ses-portes$/);
  await j.checkHere();
  assert.equal(await page.locator('main img[alt="Le grand bassin, vu depuis les gradins"]').count(), 1);
});

test('an agent can sign in with the keyboard alone', async () => {
  const context = await newContext(j.browser);
  try {
    const page = await context.newPage();
    await page.goto(j.url('/admin/connexion'));
    const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
    for (let i = 0; i < 40 && (await focusedName()) !== 'email'; i++) await page.keyboard.press('Tab');
    assert.equal(await focusedName(), 'email', 'Tab reaches the e-mail field');
    await page.keyboard.type('lecteur.brest@demo.guichet.bzh');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(), 'password', 'the password field comes next');
    await page.keyboard.type('Guichet-demo-2026');
    // First sign-in: the second factor is enrolled with the keyboard too (key read from the page).
    await Promise.all([page.waitForURL((url) => url.pathname === '/admin/double-authentification'), page.keyboard.press('Enter')]);
    const secret = ((await page.locator('#mfa-cle').textContent()) ?? '').replace(/\s/g, '');
    for (let i = 0; i < 60 && (await focusedName()) !== 'code'; i++) await page.keyboard.press('Tab');
    await page.keyboard.type(totpCode(secret));
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    const focusedText = () => page.evaluate(() => (document.activeElement?.tagName === 'A' ? (document.activeElement.textContent ?? '') : ''));
    for (let i = 0; i < 60 && !(await focusedText()).includes('J’ai noté'); i++) await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL((url) => url.pathname === '/admin'), page.keyboard.press('Enter')]);
    assertIncludes(await mainText(page), 'Ville de Brest');
  } finally {
    await context.close();
  }
});

test("an editor of Brest cannot open another authority's back office", async () => {
  const { page } = j;
  const response = await page.goto(j.url('/admin/t/quimper/contenus'));
  assert.equal(response?.status(), 403);
  assert.equal(await page.locator('main h1').count(), 1);
});

test('the agent signs out; the back office then asks to sign in again', async () => {
  const { page } = j;
  await page.goto(j.url('/admin'));
  await click('Se déconnecter');
  assert.equal(new URL(page.url()).pathname, '/');
  await page.goto(j.url('/admin/t/brest/contenus'));
  assert.equal(new URL(page.url()).pathname, '/admin/connexion');
});
