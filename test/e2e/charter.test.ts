// Issue 14 a, points 1, 2, 4 and 5 — the common charter as a person meets it, on a phone (375 px),
// a tablet (768 px) and a desk (1280 px): no sideways scroll on the phone, a header of 120 px at
// most there with its menu folded behind « Menu » (opened without JavaScript), body copy of 16 px
// or more, a visible focus on every element the keyboard reaches; the main pages pass every page
// check; /charte shows the colours with their computed contrast ratios and every component live.
// Screenshots of each page at each width are kept in .artifacts/screenshots (printed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { createPerson, PERSON_PASSWORD, signInPerson } from '../../src/modules/accounts/test-support';
import { applyForDrivingLicence, SAMPLE_PDF } from '../../src/modules/applications/test-support';
import { multipartBody } from '../../src/modules/content/test-support';
import { demoAgentEmail } from '../../seed/accounts';
import { csrfTokenFrom } from '../support/app';
import { newContext } from './support/browser';
import { checkPage } from './support/checks';
import { field, journey, signIn, unfold } from './support/journey';
import { focusNotVisible, HEADER_MAX_AT_375, headerHeight, horizontalScroll, menuLines, menuOverflow, screenshot, SCREENSHOTS_DIR, smallText, WIDTHS } from './support/visual';

const j = journey();

const PAGES = [
  { name: 'accueil', path: '/' },
  { name: 'aides', path: '/aides' },
  { name: 'aide', path: '/aides/bretagne-aide-code-permis' },
  { name: 'recherche', path: '/recherche?q=permis' },
  { name: 'aide-de-proximite', path: '/aide-de-proximite' },
  { name: 'collectivite-brest', path: '/collectivites/brest/' },
  { name: 'charte', path: '/charte' },
  { name: 'glossaire', path: '/glossaire' },
  { name: 'page-avec-termes', path: '/pages/formation-et-orientation' },
];

// Signed-in pages: an agent's instruction page and a person's « Mes démarches », each seen in a
// context of its own (its cookies saved once, reused at every width).
const EMAIL = 'nolwenn.guillou@exemple.fr';
const INSTRUCTEUR = 'instructeur.bretagne@demo.guichet.bzh';
/** The instruction page's height at 1280 × 800 in the usual case: at most 1.5 screens. */
const INSTRUCTION_MAX_AT_1280 = 1.5 * 800;
type SignedIn = { name: string; path: string; state: BrowserContextOptions['storageState'] };
let usual: Promise<SignedIn[]> | undefined;
/** The signed-in pages, made once for the file (the first test that needs them waits). */
const signedInPages = () => (usual ??= usualCase());

async function click(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).first().click()]);
}

/**
 * The usual case of an application under instruction: the Région's driving licence aid
 * (5 sections, a quote in PDF) deposited, its examination started, a document asked for with a
 * message, the person sending it with a word of thanks, the agent answering: 3 messages, 6 steps
 * in its history.
 */
async function usualCase(): Promise<SignedIn[]> {
  const { server, browser } = j;
  const signedIn: SignedIn[] = [];
  await createPerson(server.database.db, { email: EMAIL, name: 'Nolwenn' });
  const person = await signInPerson(server.app, EMAIL);
  const reference = await applyForDrivingLicence(person);

  const agentContext = await newContext(browser);
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, server.origin, INSTRUCTEUR);
  await agentPage.goto(j.url(`/admin/t/bretagne/demandes?q=${reference}`));
  await Promise.all([agentPage.waitForEvent('load'), agentPage.getByRole('link', { name: reference }).click()]);
  const path = new URL(agentPage.url()).pathname;
  await click(agentPage, 'Commencer l’examen');
  await unfold(agentPage, 'Demander des documents');
  await agentPage.getByLabel('Documents demandés').fill('Justificatif de domicile');
  await agentPage.getByLabel('Message à la personne (facultatif)').fill('Merci d’envoyer un justificatif de domicile de moins de 3 mois.');
  await click(agentPage, 'Demander les documents');

  const detail = await person.get(`/mes-demarches/${reference}`);
  const piece = /<option value="([^"]+)"/.exec(detail.body)![1]!;
  const upload = multipartBody([['_csrf', csrfTokenFrom(detail.body)], ['piece', piece], ['fichier', { filename: 'justificatif.pdf', type: 'application/pdf', data: SAMPLE_PDF }]]);
  assert.equal((await person.request({ method: 'POST', url: `/mes-demarches/${reference}/document`, payload: upload.payload, headers: { 'content-type': upload.contentType } })).statusCode, 303);
  assert.equal((await person.submit(`/mes-demarches/${reference}`, `/mes-demarches/${reference}/message`, { message: 'Voici mon justificatif de domicile. Merci !' })).statusCode, 303);

  await agentPage.goto(j.url(path));
  await unfold(agentPage, 'Envoyer un message');
  await agentPage.getByLabel('Écrire à la personne').fill('Merci, votre dossier est complet : nous l’examinons.');
  await click(agentPage, 'Envoyer le message');
  signedIn.push({ name: 'instruction', path, state: await agentContext.storageState() });
  await agentContext.close();

  const personContext = await newContext(browser);
  const personPage = await personContext.newPage();
  await personPage.goto(j.url('/connexion'));
  await field(personPage, 'Adresse électronique').fill(EMAIL);
  await field(personPage, 'Mot de passe').fill(PERSON_PASSWORD);
  await click(personPage, 'Se connecter');
  signedIn.push({ name: 'mes-demarches', path: '/mes-demarches', state: await personContext.storageState() });
  signedIn.push({ name: 'mon-compte', path: '/mon-compte', state: await personContext.storageState() });
  await personContext.close();
  return signedIn;
}

test('the main pages pass every page check (axe, budgets, no JS, keyboard, 320 px)', async () => {
  for (const page of PAGES) await j.check(j.url(page.path));
});

test('the instruction page and a person’s own pages pass every page check', async () => {
  for (const { path, state } of await signedInPages()) {
    const context = await newContext(j.browser, { storageState: state });
    try {
      await checkPage(await context.newPage(), j.url(path));
    } finally {
      await context.close();
    }
  }
});

for (const width of WIDTHS) {
  test(`at ${width} px: no sideways scroll, body copy of 16 px or more, a visible focus everywhere${width === 375 ? ', a header of 120 px at most' : ''}`, async () => {
    const context = await newContext(j.browser, { viewport: { width, height: 800 } });
    const contexts = [context];
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      const visits = [...PAGES.map((p) => ({ ...p, page }))];
      for (const p of await signedInPages()) {
        const own = await newContext(j.browser, { viewport: { width, height: 800 }, storageState: p.state });
        contexts.push(own);
        visits.push({ ...p, page: await own.newPage() });
      }
      for (const { name, path, page } of visits) {
        await page.goto(j.url(path));
        const here = new URL(page.url());
        assert.equal(here.pathname + here.search, path, `${path}: not sent elsewhere (still signed in)`);
        if (name === 'instruction' && width === 1280) {
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          console.log(`the instruction page is ${height} px tall at 1280 × 800 (at most ${INSTRUCTION_MAX_AT_1280})`);
          if (height > INSTRUCTION_MAX_AT_1280) problems.push(`${path}: ${height} px tall at 1280 × 800 (at most ${INSTRUCTION_MAX_AT_1280}, 1.5 screens)`);
        }
        if (width === 1280 && name !== 'instruction') {
          const lines = await menuLines(page);
          if (lines !== 1) problems.push(`${path}: the menu takes ${lines} lines at 1280 px (one expected)`);
        }
        if (width === 375) {
          const overflow = await horizontalScroll(page);
          if (overflow > 0) problems.push(`${path}: scrolls sideways by ${overflow} px`);
          const height = await headerHeight(page);
          if (height > HEADER_MAX_AT_375) problems.push(`${path}: the header is ${height} px tall (at most ${HEADER_MAX_AT_375})`);
        }
        problems.push(...(await smallText(page)).map((p) => `${path}: ${p}`));
        const focus = await focusNotVisible(page);
        assert.ok(focus.stops > 5, `${path}: the keyboard reaches only ${focus.stops} elements`);
        problems.push(...focus.problems.map((p) => `${path}: ${p}`));
        await screenshot(page, name, width);
      }
      console.log(`screenshots at ${width} px in ${SCREENSHOTS_DIR}`);
      assert.deepEqual(problems, []);
    } finally {
      for (const c of contexts) await c.close();
    }
  });
}

test('up to 1279 px the menu folds behind « Menu » and opens without JavaScript (the header one row from 960 px, the account beside the search); at 1280 px it is always open, on one line with every item in view', async () => {
  for (const width of [375, 960, 1024, 1280]) {
    for (const host of [undefined, 'brest.localhost']) {
      const context = await newContext(j.browser, { viewport: { width, height: 800 }, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(j.url('/', host));
        const where = `${host ?? 'portal'} at ${width} px`;
        const services = page.locator('nav#menu').getByRole('link', { name: 'Aide de proximité' });
        const account = page.locator('header .site-account').getByRole('link', { name: 'Se connecter' });
        const toggle = page.locator('header summary', { hasText: 'Menu' });
        const search = page.locator('header form[role="search"]');
        const besideSearch = async () => {
          const [box, link] = await Promise.all([search.boundingBox(), account.boundingBox()]);
          return Boolean(box && link && Math.abs(box.y + box.height / 2 - (link.y + link.height / 2)) < 8 && link.x > box.x);
        };
        assert.equal(await horizontalScroll(page), 0, `${where}: no sideways scroll`);
        if (width < 1280) {
          assert.equal(await services.isVisible(), false, `${where}: folded`);
          assert.equal(await account.isVisible(), width >= 960, `${where}: the account’s link ${width >= 960 ? 'beside the search' : 'folded with the menu'}`);
          if (width >= 960) {
            assert.ok(await besideSearch(), `${where}: the account’s link beside the search`);
            assert.ok((await headerHeight(page)) <= 110, `${where}: the header on one row (${await headerHeight(page)} px)`);
          }
          await toggle.click();
          assert.equal(await services.isVisible(), true, `${where}: opened by « Menu », without JavaScript`);
          assert.equal(await account.isVisible(), true, `${where}: the account’s link shown with the menu`);
          assert.ok((await page.locator('nav#menu a:visible').count()) >= 5);
          assert.equal(await horizontalScroll(page), 0, `${where}: no sideways scroll, menu open`);
          await screenshot(page, `menu-ouvert${host ? '-brest' : ''}`, width);
        } else {
          assert.equal(await toggle.isVisible(), false, 'no « Menu » button on a desk');
          assert.equal(await services.isVisible(), true, 'the menu is open on a desk');
          assert.equal(await menuLines(page), 1, `${where}: the menu on one line`);
          assert.equal(await menuOverflow(page), 0, `${where}: every item of the menu in view`);
          assert.ok(await besideSearch(), `${where}: the account’s link beside the search`);
        }
        // The menu names the services; the search box of the header goes to /recherche.
        const names = await page.locator('nav#menu a').allTextContents();
        for (const service of ['Aides', 'Orientation', 'Aide de proximité', 'Collectivités']) assert.ok(names.includes(service), `${service} in ${names.join(', ')}`);
        assert.equal(await page.locator('form[role="search"][aria-label="Recherche sur le site"]').getAttribute('action'), '/recherche');
      } finally {
        await context.close();
      }
    }
  }
  // Signed in, at 960 and 1280 px: « Mon compte », « Mes démarches » beside the search; at 1280 the menu still on one line.
  const { path, state } = (await signedInPages()).find((p) => p.name === 'mon-compte')!;
  for (const width of [960, 1280]) {
    const context = await newContext(j.browser, { viewport: { width, height: 800 }, storageState: state });
    try {
      const page = await context.newPage();
      await page.goto(j.url(path));
      assert.deepEqual((await page.locator('header .site-account a').allTextContents()).map((t) => t.replace(/\s*\(.*\)$/, '')), ['Mon compte', 'Mes démarches']);
      assert.equal(await page.locator('header .site-account a').first().isVisible(), true, `signed in: the account at ${width} px`);
      assert.equal(await horizontalScroll(page), 0, `signed in: no sideways scroll at ${width} px`);
      if (width === 1280) {
        assert.equal(await menuLines(page), 1, 'signed in: the menu on one line at 1280 px');
        assert.equal(await menuOverflow(page), 0, 'signed in: every item of the menu in view at 1280 px');
      } else {
        assert.ok((await headerHeight(page)) <= 110, `signed in: the header on one row at ${width} px (${await headerHeight(page)} px)`);
      }
    } finally {
      await context.close();
    }
  }
});

test('/charte: every colour pair with its computed ratio, conforming; the components live', async () => {
  const { page } = j;
  await page.goto(j.url('/charte'));
  const rows = page.locator('ul.charte-pairs > li');
  assert.ok((await rows.count()) >= 10);
  for (const text of await rows.allTextContents()) assert.match(text, /\d+(,\d+)?:1 conforme \(minimum (4,5|3):1\)/, text);
  for (const component of ['Boutons', 'Champs et erreurs', 'Alertes', 'Badges de statut', 'Cartes', 'Tableau', 'Pagination', 'Fil d’Ariane', 'Étapes', 'État vide']) {
    assert.equal(await page.getByRole('heading', { name: component, exact: true }).count(), 1, component);
  }
  assert.ok((await page.locator('.field--error .field__error').count()) === 1, 'a field with its error');
  // The tenant's own colour is used: Brest's page names it and measures it.
  await page.goto(j.url('/charte', 'brest.localhost'));
  assert.match((await page.locator('main .lead').first().textContent()) ?? '', /Ville de Brest \(#[0-9a-fA-F]{6}\)/);
});

test('the back office: a compact header of its own, the sections the role opens in a sidebar by group, folded behind « Rubriques » on a phone (no JavaScript); no public menu, help block nor footer', async () => {
  const roles = [
    { role: 'editeur' as const, groups: ['Contenus', 'Aides et demandes', 'Orientation', 'Réglages'], sees: ['Pages et actualités', 'Aides'], notSeen: ['Demandes d’aide', 'Agents', 'Journal', 'Identité visuelle'] },
    { role: 'administrateur' as const, groups: ['Contenus', 'Aides et demandes', 'Orientation', 'Équipe', 'Réglages'], sees: ['Demandes d’aide', 'Agents', 'Journal', 'Identité visuelle'], notSeen: [] },
  ];
  for (const { role, groups, sees, notSeen } of roles) {
    const signedIn = await newContext(j.browser);
    const state = await (async () => {
      try {
        await signIn(await signedIn.newPage(), j.server.origin, demoAgentEmail(role, 'bretagne'));
        return await signedIn.storageState();
      } finally {
        await signedIn.close();
      }
    })();
    for (const width of [375, 1280]) {
      const context = await newContext(j.browser, { viewport: { width, height: 800 }, javaScriptEnabled: false, storageState: state });
      try {
        const page = await context.newPage();
        await page.goto(j.url('/admin/t/bretagne/aides'));
        const nav = page.getByRole('navigation', { name: 'Espace agent' });
        const summary = page.locator('.admin-menu > summary');
        if (width === 375) {
          assert.equal(await nav.isVisible(), false, `${role}: the sections folded on a phone`);
          await summary.click();
          assert.equal(await nav.getByRole('link', { name: 'Aides', exact: true }).isVisible(), true, `${role}: opened by « Rubriques », without JavaScript`);
          assert.equal(await horizontalScroll(page), 0, `${role}: no sideways scroll at 375 px`);
          assert.ok((await headerHeight(page)) <= HEADER_MAX_AT_375, `${role}: header ${await headerHeight(page)} px tall at 375 px`);
        } else {
          assert.equal(await summary.isVisible(), false, `${role}: no « Rubriques » button on a desk`);
          const [side, main] = await Promise.all([page.locator('.backoffice__side').boundingBox(), page.locator('main').boundingBox()]);
          assert.ok(side && main && side.x + side.width <= main.x && side.y < main.y + 50, `${role}: the sidebar beside the page`);
          assert.ok((await headerHeight(page)) <= 80, `${role}: a compact header (${await headerHeight(page)} px)`);
          // The sidebar cuts nothing off and never scrolls sideways.
          assert.equal(await page.locator('.backoffice__side').evaluate((side) => side.scrollWidth - side.clientWidth), 0, `${role}: the sidebar shows every name whole`);
        }
        assert.deepEqual(await nav.locator('.admin-nav__group').allTextContents(), groups, `${role}: the groups, in order`);
        for (const name of sees) assert.equal(await nav.getByRole('link', { name, exact: true }).count(), 1, `${role} sees « ${name} »`);
        for (const name of notSeen) assert.equal(await nav.getByRole('link', { name, exact: true }).count(), 0, `${role} does not see « ${name} »`);
        assert.equal(await nav.locator('a[aria-current="page"]').textContent(), 'Aides', 'the current section is marked');
        assert.equal(await page.locator('header').getByRole('button', { name: 'Se déconnecter' }).count(), 1, 'sign-out in the header');
        assert.equal(await page.locator('header').getByRole('link', { name: /^Mon compte/ }).count(), 1, 'the account in the header');
        assert.equal(await page.locator('nav.main-nav, header form[role="search"], .help-block, .site-footer__grid').count(), 0, 'no public menu, search, help block nor footer');
        await screenshot(page, `gestion-${role}`, width);
      } finally {
        await context.close();
      }
    }
    const context = await newContext(j.browser, { storageState: state });
    try {
      await checkPage(await context.newPage(), j.url('/admin/t/bretagne/'));
    } finally {
      await context.close();
    }
  }
});
