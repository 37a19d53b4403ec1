import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openJwk, sealJwk } from './sealed-jwk';
import { seal, unseal } from './sealed';

const SECRET = 'a-session-secret-of-at-least-32-characters';

test('a sealed value opens with the same secret, purpose and associated data only', () => {
  const sealed = seal(SECRET, 'totp-secret', 'JBSWY3DPEHPK3PXP', 'account-1');
  assert.match(sealed, /^v1\.[A-Za-z0-9_-]+$/);
  assert.ok(!sealed.includes('JBSWY3DPEHPK3PXP') && !Buffer.from(sealed.slice(3), 'base64url').toString('latin1').includes('JBSWY3DP'), 'not readable');
  assert.equal(unseal(SECRET, 'totp-secret', sealed, 'account-1'), 'JBSWY3DPEHPK3PXP');
  assert.notEqual(seal(SECRET, 'totp-secret', 'JBSWY3DPEHPK3PXP', 'account-1'), sealed, 'a new IV each time');

  assert.equal(unseal('another-session-secret-of-32-characters!', 'totp-secret', sealed, 'account-1'), null, 'another secret');
  assert.equal(unseal(SECRET, 'totp-enrolment', sealed, 'account-1'), null, 'another purpose');
  assert.equal(unseal(SECRET, 'totp-secret', sealed, 'account-2'), null, 'another place');
  assert.equal(unseal(SECRET, 'totp-secret', sealed), null, 'no associated data');
});

test('a changed, cut or foreign value does not open (null, never an exception)', () => {
  const sealed = seal(SECRET, 'p', 'hello', 'x');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  for (const index of [0, 12, 27, 28, raw.length - 1]) {
    const changed = Buffer.from(raw);
    changed[index]! ^= 1;
    assert.equal(unseal(SECRET, 'p', `v1.${changed.toString('base64url')}`, 'x'), null, `byte ${index} changed`);
  }
  for (const value of ['', 'v1.', 'v1', 'v2.' + sealed.slice(3), sealed.slice(3), `v1.${raw.subarray(0, 20).toString('base64url')}`, 'v1.!!!', '{"kty":"RSA"}']) {
    assert.equal(unseal(SECRET, 'p', value, 'x'), null, JSON.stringify(value));
  }
});

test('empty and long plaintexts, without associated data', () => {
  assert.equal(unseal(SECRET, 'p', seal(SECRET, 'p', '')), '');
  const long = 'é'.repeat(10_000);
  assert.equal(unseal(SECRET, 'p', seal(SECRET, 'p', long)), long);
});

test('values sealed before the helper existed (second factor, v1) still open', () => {
  // Sealed by src/modules/mfa/crypto.ts as it was (HKDF salt 'guichet-mfa', info 'totp-secret', AAD the account id).
  const stored = 'v1.HvS91wkv-teuYalCcupeVLwtFyb_vHxj8UqfghibTz-xU985QWWlezk7nn8';
  assert.equal(unseal(SECRET, 'totp-secret', stored, 'account-1'), 'JBSWY3DPEHPK3PXP');
});

test('private JWKs: sealed for a jsonb column, bound to their kid; rows in clear from before are still read', () => {
  const jwk = { kty: 'RSA', n: 'modulus', e: 'AQAB', d: 'private-exponent', kid: 'k1', alg: 'RS256' };
  const column = sealJwk(SECRET, 'idp-signing-key', jwk);
  assert.doesNotMatch(column, /private-exponent|"d"|"kty"/);
  assert.deepEqual(openJwk(SECRET, 'idp-signing-key', 'k1', column), { jwk, clear: false }, 'as JSON text');
  assert.deepEqual(openJwk(SECRET, 'idp-signing-key', 'k1', JSON.parse(column)), { jwk, clear: false }, 'as parsed jsonb');
  assert.equal(openJwk(SECRET, 'idp-signing-key', 'k2', column), null, 'copied onto another kid');
  assert.equal(openJwk(SECRET, 'standin-signing-key', 'k1', column), null, 'another purpose');
  assert.equal(openJwk('another-session-secret-of-32-characters!', 'idp-signing-key', 'k1', column), null, 'another secret');
  assert.deepEqual(openJwk(SECRET, 'idp-signing-key', 'k1', jwk), { jwk, clear: true }, 'stored in clear before');
  assert.equal(openJwk(SECRET, 'idp-signing-key', 'k2', jwk), null, 'in clear under another kid');
  assert.equal(openJwk(SECRET, 'idp-signing-key', 'k1', null), null);
});
