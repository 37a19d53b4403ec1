// Measures time: its answers must take the same time whether an address has an account or not (scripts/test.ts runs it after the other jobs, alone).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, csrfTokenFrom } from '../../../test/support/app';
import { linkIn, startTestInbox } from '../../../test/support/mail';
import { createPerson } from './test-support';

// 60 pairs: the medians of a few milliseconds stay steady on a loaded 2-core machine (30 failed once at 11.3 vs 7.1 ms).
const SAMPLES = 60;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * A security property, not a speed budget: « Mot de passe oublié » must not tell, by its time,
 * whether an address has an account. The mail goes through the outbox, so both answers do the
 * same work; the samples are interleaved so that a loaded machine slows both alike.
 */
test('« Mot de passe oublié » answers in the same time whether the address has an account or not, and the mail still arrives', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const known = Array.from({ length: SAMPLES + 2 }, (_, i) => `connu${i}@exemple.fr`);
  for (const email of known) await createPerson(database.db, { email, password: null });

  const agent = new Agent(app);
  const csrf = csrfTokenFrom((await agent.get('/mot-de-passe-oublie')).body);
  /** One request, timed alone; each from its own address so that the per-IP limit stays out of the way. */
  const ask = async (email: string, sample: number): Promise<number> => {
    const started = process.hrtime.bigint();
    const response = await agent.request({
      method: 'POST',
      url: '/mot-de-passe-oublie',
      payload: new URLSearchParams({ _csrf: csrf, email }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: `10.1.${sample}.${email.startsWith('connu') ? 1 : 2}`,
    });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(response.statusCode, 303);
    // Delivery happens after the answer; it is left out of the next measure.
    await app.platform.mailer.drain();
    return elapsed;
  };

  // Warm-up (first compilations, caches), not measured.
  await ask(known[SAMPLES]!, 250);
  await ask('inconnu-echauffement@exemple.fr', 250);
  const timings = { known: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < SAMPLES; i++) {
    const pair = [
      async () => timings.known.push(await ask(known[i]!, i)),
      async () => timings.unknown.push(await ask(`inconnu${i}@exemple.fr`, i)),
    ];
    // ABBA: neither path always goes first.
    for (const run of i % 2 ? pair.reverse() : pair) await run();
  }
  const [knownMedian, unknownMedian] = [median(timings.known), median(timings.unknown)];
  const ratio = Math.max(knownMedian, unknownMedian) / Math.min(knownMedian, unknownMedian);
  assert.ok(ratio < 1.5, `medians ${knownMedian.toFixed(1)} ms (account) and ${unknownMedian.toFixed(1)} ms (no account): ratio ${ratio.toFixed(2)}`);

  // The mail really arrives, through SMTP, only where there is an account.
  for (const email of known.slice(0, SAMPLES)) linkIn(await inbox.waitFor(email, /nouveau mot de passe/), '/mot-de-passe/nouveau?jeton=');
  assert.ok(!inbox.mails.some((m) => m.to.some((to) => to.startsWith('inconnu'))), 'no mail to an address without account');
  const left = await database.db.selectFrom('platform_mail_outbox').select('id').execute();
  assert.equal(left.length, 0, 'the outbox is empty once everything is sent');
});

test('« Créer un compte » answers in the same time whether the address already has an account or not', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const samples = 16;
  for (let i = 0; i < samples + 1; i++) await createPerson(database.db, { email: `existant${i}@exemple.fr`, password: null });
  const agent = new Agent(app);
  const csrf = csrfTokenFrom((await agent.get('/inscription')).body);
  const signUp = async (email: string, source: string): Promise<number> => {
    const started = process.hrtime.bigint();
    const response = await agent.request({
      method: 'POST',
      url: '/inscription',
      payload: new URLSearchParams({ _csrf: csrf, email, display_name: 'Camille', password: 'le phare de la pointe du raz' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: source,
    });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(response.statusCode, 303);
    await app.platform.mailer.drain();
    return elapsed;
  };
  await signUp(`existant${samples}@exemple.fr`, '10.2.250.1');
  await signUp('nouveau-echauffement@exemple.fr', '10.2.250.2');
  const timings = { existing: [] as number[], fresh: [] as number[] };
  for (let i = 0; i < samples; i++) {
    const pair = [
      async () => timings.existing.push(await signUp(`existant${i}@exemple.fr`, `10.2.${i}.1`)),
      async () => timings.fresh.push(await signUp(`nouveau${i}@exemple.fr`, `10.2.${i}.2`)),
    ];
    for (const run of i % 2 ? pair.reverse() : pair) await run();
  }
  const [existing, fresh] = [median(timings.existing), median(timings.fresh)];
  const ratio = Math.max(existing, fresh) / Math.min(existing, fresh);
  assert.ok(ratio < 1.5, `medians ${existing.toFixed(1)} ms (existing) and ${fresh.toFixed(1)} ms (new): ratio ${ratio.toFixed(2)}`);
  await inbox.waitFor('existant0@exemple.fr', /Tentative de création de compte/);
  await inbox.waitFor('nouveau0@exemple.fr', /Confirmez/);
});
