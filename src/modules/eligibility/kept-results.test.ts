import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { buildTestApp, secondInstance } from '../../../test/support/app';
import { eventually } from '../../../test/support/eventually';
import { demoAids } from '../../../seed/aids';
import { aidsDb, saveAid } from '../aids';
import { sealSimulatorState, STATE_COOKIE } from './test-support';
import type { Situation } from './situation';

/** Asks until the page says what is expected: a notification takes a few milliseconds to arrive. */
test('signed-out results: kept per answers and compressed, with no CSRF token; other answers get their own page; an aid changed on another instance shows at once', async (t) => {
  const a = await buildTestApp(t);
  const b = await secondInstance(t, a);
  const cookieOf = (situation: Situation, skipped: string[] = []) =>
    `${STATE_COOKIE}=${sealSimulatorState({ situation, history: Object.keys(situation), skipped, prefilled: [], at: Date.now() }, b.config.SESSION_SECRET)}`;
  const student = cookieOf({ demandeur: 'particulier', age: 19, commune: '35238', situation: 'etudiant', boursier: true });
  const retiree = cookieOf({ demandeur: 'particulier', age: 71, commune: '29019', situation: 'retraite' });
  const results = (cookie: string, encoding?: string) => b.app.inject({ url: '/aides/simulateur/resultats', headers: { cookie, ...(encoding ? { 'accept-encoding': encoding } : {}) } });

  const first = await results(student);
  assert.equal(first.statusCode, 200);
  assert.equal(first.headers['set-cookie'], undefined, 'a visitor without an account gets no cookie from the results');
  assert.doesNotMatch(first.body, /name="_csrf"/, 'no form, no token: the page may be compressed');
  assert.match(first.body, /Vous avez 19 ans/);
  const compressed = await results(student, 'br');
  assert.equal(compressed.headers['content-encoding'], 'br');
  assert.equal(brotliDecompressSync(compressed.rawPayload).toString(), first.body, 'the kept page, compressed, is the page');

  // Another visitor's answers: their own results, never the student's.
  const other = await results(retiree, 'br');
  const otherPage = brotliDecompressSync(other.rawPayload).toString();
  assert.match(otherPage, /Vous avez 71 ans/);
  assert.doesNotMatch(otherPage, /Vous avez 19 ans/);
  // The same answers with the next question skipped (« je ne sais pas »): another next question.
  const next = /question\/([a-z_]+)">Répondre aux questions restantes/.exec(first.body)![1]!;
  const skipping = await results(cookieOf({ demandeur: 'particulier', age: 19, commune: '35238', situation: 'etudiant', boursier: true }, [next]));
  assert.doesNotMatch(skipping.body, new RegExp(`question/${next}">Répondre`), 'the page of the answers with the question skipped');
  assert.match((await results(student)).body, /Vous avez 19 ans/);

  // An aid the student sees, renamed on instance A: instance B's kept page follows.
  const permis = demoAids().find((d) => d.aid.id === 'bretagne-aide-code-permis')!;
  assert.match(first.body, new RegExp(permis.aid.name));
  await saveAid(aidsDb(a.database.db), { tenantId: permis.tenantId, status: 'published', aid: { ...permis.aid, name: `${permis.aid.name} (nouveau nom)` } });
  const changed = await eventually(() => results(student), (r) => /\(nouveau nom\)/.test(r.body));
  assert.match(changed.body, /\(nouveau nom\)/);
});
