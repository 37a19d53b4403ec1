import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as OTPAuth from 'otpauth';
import { buildApp } from '../../app';
import { loadConfig, ConfigError } from '../../config';
import { DEMO_PASSWORD, demoAgentEmail } from '../../../seed/accounts';
import { Agent, buildTestApp, totpCode } from '../../../test/support/app';
import { keyIdOf, needsReseal, parseKeyring, sealWithKeyring, unsealWithKeyring } from '../../platform/crypto/keyring';
import { seal } from '../../platform/crypto/sealed';
import { resealAllFactors } from './reseal';
import type { Database } from '../../platform/db/database';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const EDITOR = demoAgentEmail('editeur', 'brest');

test('secrets are sealed with the first listed key, open with any listed key, and name their key', () => {
  const k1 = parseKeyring(`k1:${key(1)}`, 'session secret');
  const sealed = sealWithKeyring(k1, 'totp-secret', 'JBSWY3DPEHPK3PXP', 'account-1');
  assert.equal(keyIdOf(sealed), 'k1');
  assert.doesNotMatch(sealed, /JBSWY3DPEHPK3PXP/);
  const rotated = parseKeyring(`k2:${key(2)},k1:${key(1)}`, 'another session secret');
  assert.equal(unsealWithKeyring(rotated, 'totp-secret', sealed, 'account-1'), 'JBSWY3DPEHPK3PXP');
  assert.equal(needsReseal(rotated, sealed), true);
  assert.equal(unsealWithKeyring(rotated, 'totp-secret', sealed, 'account-2'), null, 'bound to its account');
  assert.equal(unsealWithKeyring(parseKeyring(`k2:${key(2)}`, ''), 'totp-secret', sealed, 'account-1'), null, 'the old key removed: unreadable');
  // A value from before the keyring (sealed with SESSION_SECRET) is the legacy key.
  const legacy = seal('session secret', 'totp-secret', 'JBSWY3DPEHPK3PXP', 'account-1');
  assert.equal(keyIdOf(legacy), 'v1');
  assert.equal(unsealWithKeyring(k1, 'totp-secret', legacy, 'account-1'), 'JBSWY3DPEHPK3PXP');
  for (const bad of ['', 'k1', `k1:${key(1).slice(4)}`, `v1:${key(1)}`, `k1:${key(1)},k1:${key(2)}`, `a b:${key(1)}`]) {
    assert.throws(() => parseKeyring(bad, ''), /SECRETS_ENCRYPTION_KEYS/, bad);
  }
  assert.throws(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://127.0.0.1:2525' }), ConfigError);
  assert.throws(() => loadConfig({ SECRETS_ENCRYPTION_KEYS: 'k1:court' }), /32 bytes/);
});

/** Password, then the code page, on an app built over `database` with this configuration. */
async function signInWithCode(database: Database, t: { after: (fn: () => Promise<void>) => void }, overrides: Record<string, string>, secret: string) {
  const app = await buildApp({ config: loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides }), database });
  await app.ready();
  t.after(() => app.close());
  // Each instance is asked a code of its own: the replay guard is set back between them.
  await database.db.withTables<{ mfa_factors: { last_used_step: number } }>().updateTable('mfa_factors').set({ last_used_step: 0 }).execute();
  const agent = new Agent(app);
  const first = await agent.submit('/admin/connexion', '/admin/connexion', { email: EDITOR, password: DEMO_PASSWORD });
  assert.equal(first.headers.location, '/connexion/code');
  const done = await agent.submit('/connexion/code', '/connexion/code', { code: totpCode(secret) });
  const stored = await database.db
    .withTables<{ mfa_factors: { account_id: string; secret_encrypted: string } }>()
    .selectFrom('mfa_factors')
    .select('secret_encrypted')
    .executeTakeFirstOrThrow();
  return { status: done.statusCode, keyId: keyIdOf(stored.secret_encrypted) };
}

test('a second factor stays readable when SESSION_SECRET changes; legacy and older keys are sealed again on use', async (t) => {
  const { app, database } = await buildTestApp(t, { SESSION_SECRET: 'a'.repeat(40) });
  const account = await database.db.selectFrom('platform_accounts').select('id').where('email', '=', EDITOR).executeTakeFirstOrThrow();
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  // As the previous version stored it: sealed with a key derived from SESSION_SECRET.
  await database.db
    .withTables<{ mfa_factors: { account_id: string; secret_encrypted: string; last_used_step: number } }>()
    .insertInto('mfa_factors')
    .values({ account_id: account.id, secret_encrypted: seal(app.platform.config.SESSION_SECRET, 'totp-secret', secret, account.id), last_used_step: 0 })
    .execute();

  assert.deepEqual(await signInWithCode(database, t, { SESSION_SECRET: 'a'.repeat(40) }, secret), { status: 303, keyId: 'demo' }, 'legacy value read, then sealed with the current key');
  assert.deepEqual(await signInWithCode(database, t, { SESSION_SECRET: 'b'.repeat(40) }, secret), { status: 303, keyId: 'demo' }, 'another SESSION_SECRET changes nothing');

  // Rotation: a new key first, the old one kept; the value moves to the new key when used…
  const demo = app.platform.config.SECRETS_ENCRYPTION_KEYS;
  assert.deepEqual(await signInWithCode(database, t, { SECRETS_ENCRYPTION_KEYS: `k2:${key(9)},${demo}` }, secret), { status: 303, keyId: 'k2' });
  // …then the old key can go.
  assert.deepEqual(await signInWithCode(database, t, { SECRETS_ENCRYPTION_KEYS: `k2:${key(9)}` }, secret), { status: 303, keyId: 'k2' });
  // Without its key, the value does not open: the code is refused.
  assert.equal((await signInWithCode(database, t, { SECRETS_ENCRYPTION_KEYS: `k3:${key(3)}` }, secret)).status, 422);
});

test('npm run secrets:reseal moves every readable secret to the current key and names the unreadable ones', async (t) => {
  const { database } = await buildTestApp(t);
  const ids = (await database.db.selectFrom('platform_accounts').select('id').orderBy('id').limit(3).execute()).map((r) => r.id);
  const [legacy, older, lost] = ids as [string, string, string];
  const k1 = parseKeyring(`k1:${key(1)}`, 'old session secret');
  const values = [
    { account_id: legacy, secret_encrypted: seal('old session secret', 'totp-secret', 'SECRET-LEGACY', legacy), last_used_step: 0 },
    { account_id: older, secret_encrypted: sealWithKeyring(k1, 'totp-secret', 'SECRET-OLDER', older), last_used_step: 0 },
    { account_id: lost, secret_encrypted: sealWithKeyring(parseKeyring(`k0:${key(7)}`, ''), 'totp-secret', 'SECRET-LOST', lost), last_used_step: 0 },
  ];
  const factors = database.db.withTables<{ mfa_factors: { account_id: string; secret_encrypted: string; last_used_step: number } }>();
  await factors.deleteFrom('mfa_factors').execute();
  await factors.insertInto('mfa_factors').values(values).execute();

  const rotated = parseKeyring(`k2:${key(2)},k1:${key(1)}`, 'old session secret');
  assert.deepEqual(await resealAllFactors(database.db, rotated), { resealed: 2, current: 0, unreadable: [lost] });
  assert.deepEqual(await resealAllFactors(database.db, rotated), { resealed: 0, current: 2, unreadable: [lost] }, 'a second run has nothing left to do');

  const onlyNew = parseKeyring(`k2:${key(2)}`, 'another session secret');
  const stored = new Map((await factors.selectFrom('mfa_factors').select(['account_id', 'secret_encrypted']).execute()).map((r) => [r.account_id, r.secret_encrypted]));
  assert.equal(unsealWithKeyring(onlyNew, 'totp-secret', stored.get(legacy)!, legacy), 'SECRET-LEGACY', 'readable with the new key alone');
  assert.equal(unsealWithKeyring(onlyNew, 'totp-secret', stored.get(older)!, older), 'SECRET-OLDER');
  assert.equal(stored.get(lost), values[2]!.secret_encrypted, 'an unreadable value is left as it was');
});
