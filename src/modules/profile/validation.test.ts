import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidSiret, normalisePhone, validateHousehold, validateOrganisation, validBirthdate } from './validation';

test('SIRET: the Luhn check digit, and La Poste’s own rule', () => {
  assert.equal(isValidSiret('73282932000074'), true); // a well-known valid SIRET
  assert.equal(isValidSiret('73282932000075'), false);
  assert.equal(isValidSiret('7328293200007'), false);
  assert.equal(isValidSiret('35600000000001'), true); // La Poste: digits add up to 15
  assert.equal(isValidSiret('35600000000002'), false);
  const result = validateOrganisation({ siret: '732 829 320 00075', type: 'entreprise' });
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.errors.siret! : '', /mal recopié/);
  assert.deepEqual(validateOrganisation({ siret: '732 829 320 00074', type: 'association' }), { ok: true, value: { siret: '73282932000074', type: 'association' } });
});

test('phone numbers in French formats', () => {
  assert.equal(normalisePhone('0299271010'), '02 99 27 10 10');
  assert.equal(normalisePhone('+33 6 12 34 56 78'), '06 12 34 56 78');
  assert.equal(normalisePhone('0033 6.12.34.56.78'), '06 12 34 56 78');
  assert.equal(normalisePhone('02-99-27-10-10'), '02 99 27 10 10');
  assert.equal(normalisePhone('12 34 56 78 90'), undefined);
  assert.equal(normalisePhone('06 12 34 56'), undefined);
});

test('household counts and birth dates', () => {
  assert.deepEqual(validateHousehold({ adults: '2', children: '' }), { ok: true, value: { adults: 2, children: 0 } });
  assert.equal(validateHousehold({ adults: '0', children: '1' }).ok, false);
  assert.equal(validBirthdate('2001-02-29'), false);
  assert.equal(validBirthdate('2000-02-29'), true);
  assert.equal(validBirthdate('2999-01-01'), false);
});
