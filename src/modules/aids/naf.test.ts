import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NAF_FAMILIES, nafListed, nafMatches, nafText } from './naf';

test('NAF activities: every section and division once, in plain words, the code behind', () => {
  assert.deepEqual(NAF_FAMILIES.map((f) => f.section).join(''), 'ABCDEFGHIJKLMNOPQRSTU');
  const codes = NAF_FAMILIES.flatMap((f) => f.activities.map((a) => a.code));
  assert.equal(new Set(codes).size, codes.length, 'no code twice');
  const divisions = new Set(codes.map((c) => c.slice(0, 2)));
  assert.equal(divisions.size, 88, 'the 88 divisions of NAF rév. 2');
  for (const f of NAF_FAMILIES) for (const a of f.activities) assert.doesNotMatch(a.label, /\d{2}\.\d/, `${a.label}: no code in the words`);
  assert.equal(nafListed('94.99Z')?.label, 'Autre association (culture, loisirs, entraide, environnement…)');
  assert.equal(nafListed('94.99'), undefined, 'a form posts a listed choice only');
  assert.equal(nafText('93.12'), 'club de sport (93.12)');
  assert.equal(nafText('47.11B'), 'commerce de détail (magasin, marché, vente en ligne…) (47.11B)');
});

test('NAF conditions keep working: a prefix matches, another activity does not, a broader choice cannot tell', () => {
  assert.equal(nafMatches('93.12Z', '93.12'), true);
  assert.equal(nafMatches('94.99Z', '93.12'), false);
  assert.equal(nafMatches('94.99Z', '94'), true);
  assert.equal(nafMatches('10', '10.71'), undefined, 'an industry chosen, a condition on bakeries: to check');
  assert.equal(nafMatches('10', '11'), false);
});
