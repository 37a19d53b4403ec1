import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aidOpenness } from './openness';

test('an aid is open, closing soon (30 days or less), closed, or not open yet', () => {
  const today = '2026-12-03';
  assert.equal(aidOpenness({ permanent: true }, today).label, 'Ouverte');
  assert.equal(aidOpenness({ permanent: false, closing: '2027-06-30' }, today).label, 'Ouverte');
  assert.equal(aidOpenness({ permanent: false, closing: '2027-01-02' }, today).label, 'Bientôt close');
  assert.equal(aidOpenness({ permanent: false, closing: '2026-12-03' }, today).label, 'Bientôt close');
  assert.equal(aidOpenness({ permanent: false, closing: '2026-12-02' }, today).label, 'Close');
  assert.equal(aidOpenness({ permanent: false, opening: '2027-01-01', closing: '2027-03-01' }, today).label, 'Pas encore ouverte');
  assert.equal(aidOpenness({ permanent: false }, today).tone, 'success');
});
