// Issue 14 a, points 1, 2, 4 and 5 — the common charter as a person meets it, on a phone (375 px),
// a tablet (768 px) and a desk (1280 px): no sideways scroll on the phone, a header of 120 px at
// most there with its menu folded behind « Menu » (opened without JavaScript), body copy of 16 px
// or more, a visible focus on every element the keyboard reaches; the main pages pass every page
// check; /charte shows the colours with their computed contrast ratios and every component live.
// Screenshots of each page at each width are kept in .artifacts/screenshots (printed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newContext } from './support/browser';
import { journey } from './support/journey';
import { focusNotVisible, HEADER_MAX_AT_375, headerHeight, horizontalScroll, screenshot, SCREENSHOTS_DIR, smallText, WIDTHS } from './support/visual';

const j = journey();

const PAGES = [
  { name: 'accueil', path: '/' },
  { name: 'aides', path: '/aides' },
  { name: 'aide', path: '/aides/bretagne-aide-code-permis' },
  { name: 'recherche', path: '/recherche?q=permis' },
  { name: 'aide-de-proximite', path: '/aide-de-proximite' },
  { name: 'collectivite-brest', path: '/collectivites/brest/' },
  { name: 'charte', path: '/charte' },
];

test('the main pages pass every page check (axe, budgets, no JS, keyboard, 320 px)', async () => {
  for (const page of PAGES) await j.check(j.url(page.path));
});

for (const width of WIDTHS) {
  test(`at ${width} px: no sideways scroll, body copy of 16 px or more, a visible focus everywhere${width === 375 ? ', a header of 120 px at most' : ''}`, async () => {
    const context = await newContext(j.browser, { viewport: { width, height: 800 } });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      for (const { name, path } of PAGES) {
        await page.goto(j.url(path));
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
      await context.close();
    }
  });
}

test('on a phone the menu folds behind « Menu » and opens without JavaScript; on a desk it is always open', async () => {
  for (const width of [375, 1280]) {
    const context = await newContext(j.browser, { viewport: { width, height: 800 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(j.url('/'));
      const services = page.locator('nav#menu').getByRole('link', { name: 'Aide de proximité' });
      const toggle = page.locator('header summary', { hasText: 'Menu' });
      if (width === 375) {
        assert.equal(await services.isVisible(), false, 'folded on a phone');
        await toggle.click();
        assert.equal(await services.isVisible(), true, 'opened by « Menu », without JavaScript');
        assert.ok((await page.locator('nav#menu a:visible').count()) >= 5);
        await screenshot(page, 'menu-ouvert', width);
      } else {
        assert.equal(await toggle.isVisible(), false, 'no « Menu » button on a desk');
        assert.equal(await services.isVisible(), true, 'the menu is open on a desk');
      }
      // The menu names the services; the search box of the header goes to /recherche.
      const names = await page.locator('nav#menu a').allTextContents();
      for (const service of ['Aides', 'Orientation', 'Aide de proximité', 'Collectivités', 'Se connecter']) assert.ok(names.includes(service), `${service} in ${names.join(', ')}`);
      assert.equal(await page.locator('form[role="search"][aria-label="Recherche sur le site"]').getAttribute('action'), '/recherche');
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
