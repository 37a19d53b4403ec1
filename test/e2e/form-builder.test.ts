// Issue 6, point 9 — an éditeur of Brest (second factor) builds the application form of an aid
// without writing JSON: two sections, a choice (an error beside the options, the input kept) and a
// document, one move, then the preview and the paper form. Every page reached by GET is checked
// (budgets, axe, keyboard, 320 px); the 422 answer of a POST is checked by its text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertIncludes, field, heading, journey, mainText, signIn } from './support/journey';

const j = journey();
const AID = 'brest-solidarite-internationale';

test('an éditeur builds a form of two sections with a choice and a document, then previews the paper form', async () => {
  const { page } = j;
  const go = async (action: Promise<unknown>) => {
    await Promise.all([page.waitForEvent('load'), action]);
  };
  const link = (name: string) => go(page.getByRole('link', { name, exact: true }).click());
  const button = (name: string) => go(page.getByRole('button', { name, exact: true }).click());

  await signIn(page, j.server.origin, 'editeur.brest@demo.guichet.bzh');
  await page.goto(j.url(`/admin/t/brest/aides/${AID}`));
  await link('Formulaire de demande');
  await j.checkHere();
  assertIncludes(await mainText(page), 'pas encore de section');

  // First section: the type of its first field, then the section and the field together.
  await link('Ajouter une section');
  await j.checkHere();
  await page.getByLabel('Texte', { exact: true }).check();
  await button('Continuer');
  await j.checkHere();
  await field(page, 'Titre de l’étape').fill('Votre association');
  await field(page, 'Libellé').fill('Nom de l’association');
  await button('Ajouter la section');
  assertIncludes(await mainText(page), 'La section est ajoutée.');
  await j.checkHere();

  // A choice: one answer only is refused beside the answers, what was typed is kept.
  await link('Ajouter un champ à la section « Votre association »');
  await page.getByLabel('Choix dans une liste', { exact: true }).check();
  await button('Continuer');
  await j.checkHere();
  await field(page, 'Libellé').fill('Type de projet');
  await field(page, 'Réponses proposées').fill('Solidarité');
  await button('Ajouter le champ');
  assertIncludes(await mainText(page), 'Réponses proposées : Un choix dans une liste demande au moins 2 options');
  assert.equal(await field(page, 'Libellé').inputValue(), 'Type de projet');
  assert.equal(await field(page, 'Réponses proposées').inputValue(), 'Solidarité');
  await field(page, 'Réponses proposées').fill('Solidarité\nÉducation\nSanté');
  await button('Ajouter le champ');
  assertIncludes(await mainText(page), 'Le champ est ajouté.');

  // Second section, whose first field is a document.
  await link('Ajouter une section');
  await page.getByLabel('Document (PDF, JPEG ou PNG)', { exact: true }).check();
  await button('Continuer');
  await j.checkHere();
  await field(page, 'Titre de l’étape').fill('Vos documents');
  await field(page, 'Libellé').fill('Budget du projet');
  await button('Ajouter la section');
  assertIncludes(await mainText(page), 'La section est ajoutée.');

  // One move: the choice goes before the name.
  await button('Monter le champ « Type de projet »');
  assertIncludes(await mainText(page), 'Le nouvel ordre est enregistré.');
  await j.checkHere();
  const text = await mainText(page);
  assert.ok(text.indexOf('Type de projet') < text.indexOf('Nom de l’association'), text);
  assertIncludes(text, 'Choix dans une liste · obligatoire · 3 réponses');
  assertIncludes(text, 'Section 2 : Vos documents');

  // A field's page: the technical name is in « Avancé ».
  await link('Modifier le champ « Type de projet »');
  await j.checkHere();
  assertIncludes(await heading(page), 'Modifier le champ « Type de projet »');
  await link('Annuler');

  // The preview, then the paper form as the person prints it.
  await link('Aperçu du formulaire');
  await j.checkHere();
  await link('Revenir au formulaire');
  await link('Formulaire papier à imprimer');
  await j.checkHere();
  const paper = await mainText(page);
  for (const expected of ['Votre association', 'Type de projet (obligatoire)', 'Nom de l’association', 'Vos documents', 'Budget du projet', 'Date et signature']) assertIncludes(paper, expected);
});
