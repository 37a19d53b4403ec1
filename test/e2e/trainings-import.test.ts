// Issue 15 b.3 — the LHEO import of trainings in the back office, in a real browser: an
// administrateur of the Région checks a file with a bad formation (the report in French, the line
// in error, nothing importable), then a good one (one to create, one unchanged), imports it, and
// finds the new training on its public page. Every page passes the budgets, axe, keyboard, 320 px.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLheo, toLheo, type Training } from '../../src/modules/trainings';
import { communeCentres } from '../../src/modules/territories';
import { assertIncludes, heading, journey, mainText, signIn } from './support/journey';

const j = journey();
const IMPORT = '/admin/t/bretagne/formations/import';

/** A copy of a training under new ids (a new formation for the import). */
function renamed(t: Training, id: string, title: string): Training {
  return {
    ...t, id, title, demo: false,
    actions: t.actions.map((a, i) => ({ ...a, id: `${id}-a${i + 1}`, sessions: a.sessions.map((s, k) => ({ ...s, id: `${id}-a${i + 1}-s${k + 1}` })) })),
  };
}

test('an administrateur checks an LHEO file (dry run, report with its error), then imports a good one and finds the training', async () => {
  const { page } = j;
  await signIn(page, j.server.origin, 'admin.bretagne@demo.guichet.bzh');
  await j.check(j.url(IMPORT));
  assertIncludes(await heading(page), 'Importer des formations');

  // A training exported in LHEO by its public page, read back as the import reads it.
  const exported = await (await page.request.get(j.url('/orientation/formations/demo-1.xml'))).text();
  const parsed = parseLheo(exported, (code) => communeCentres().get(code));
  assert.ok(parsed.ok && parsed.records[0]?.value);
  const original = parsed.records[0].value;
  const mine = renamed(original, 'parcours-import-1', 'Formation importée par le parcours');

  // A file with a job code that does not exist: the report says which formation and why; no « Importer ».
  const upload = async (name: string, xml: string) => {
    await page.getByLabel('Fichier LHEO (XML)').setInputFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Vérifier le fichier' }).click()]);
  };
  await upload('mauvais.xml', toLheo([mine, { ...renamed(original, 'parcours-import-2', 'Formation en erreur'), romeCodes: ['Z0000'] }]));
  await j.checkHere();
  assert.match(new URL(page.url()).pathname, new RegExp(`^${IMPORT}/[\\w-]+$`));
  let text = await mainText(page);
  assertIncludes(text, 'Vérification de l’import');
  assertIncludes(text, 'Fichier « mauvais.xml »');
  assertIncludes(text, '1 en erreur');
  assertIncludes(text, 'Rien ne sera importé tant qu’une ligne est en erreur');
  assertIncludes(text, 'code ROME');
  assert.equal(await page.getByRole('button', { name: 'Importer' }).count(), 0);
  assert.equal((await page.request.get(j.url('/orientation/formations/parcours-import-1'))).status(), 404, 'nothing written');

  // The good file: one to create, one unchanged; then applied.
  await j.check(j.url(IMPORT));
  await upload('bon.xml', toLheo([mine, original]));
  await j.checkHere();
  text = await mainText(page);
  assertIncludes(text, '1 à créer, 0 à modifier, 1 inchangée');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Importer' }).click()]);
  await j.checkHere();
  text = await mainText(page);
  assertIncludes(text, 'Import terminé');
  assert.equal(await page.getByRole('button', { name: 'Importer' }).count(), 0, 'applied once');

  await j.check(j.url('/orientation/formations/parcours-import-1'));
  assert.equal(await heading(page), 'Formation importée par le parcours');
});
