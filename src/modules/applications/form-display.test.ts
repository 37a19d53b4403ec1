// Issue 14, point 4: an answer reads in French formats wherever it is shown (the person's summary,
// the instruction page, the printable copy): dates in words, numbers grouped, euros when counted so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayValue, type FormField } from './form';

const field = (type: FormField['type'], label: string): FormField => ({ name: 'x', label, type, required: false });

test('answers read in French: « 12 mai 2007 », « 1 450 € » for an amount in euros, « 12 500 » otherwise', () => {
  assert.equal(displayValue(field('date', 'Date de naissance'), '2007-05-12'), '12 mai 2007');
  assert.equal(displayValue(field('number', 'Montant du devis de l’auto-école, en euros'), '1450'), '1\u202f450\u00a0€');
  assert.equal(displayValue(field('number', 'Montant (€)'), '99,5'), '99,50\u00a0€');
  assert.equal(displayValue(field('number', 'Nombre de kilomètres'), '12500'), '12\u202f500');
  assert.equal(displayValue(field('number', 'Nombre de personnes'), 3), '3');
  assert.equal(displayValue(field('text', 'Nom'), '1450'), '1450', 'a text is shown as written');
  assert.equal(displayValue(field('number', 'Montant'), ''), 'Non renseigné');
});
