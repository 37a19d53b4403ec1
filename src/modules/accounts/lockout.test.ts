import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Agent, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { linkIn, startTestInbox, type TestInbox } from '../../../test/support/mail';
import { demoAgentEmail } from '../../../seed/accounts';
import { LOGIN_RULES, LoginThrottle } from '../../platform/auth/login-throttle';
import { createPerson, PERSON_PASSWORD } from './test-support';

const EMAIL = 'camille@exemple.fr';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts the sign-in form from a given source address, as a browser there would. */
async function signInFrom(app: FastifyInstance, ip: string, password: string, email = EMAIL) {
  const agent = new Agent(app);
  const csrf = csrfTokenFrom((await agent.request({ method: 'GET', url: '/connexion', remoteAddress: ip })).body);
  const response = await agent.request({
    method: 'POST',
    url: '/connexion',
    payload: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    remoteAddress: ip,
  });
  return { agent, response };
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

test('failed passwords slow down their source with growing, truthful waits; the owner elsewhere still gets in', async (t) => {
  const { app, database } = await buildTestApp(t);
  await createPerson(database.db, { email: EMAIL });
  const attacker = '203.0.113.7';
  for (let i = 0; i < 3; i++) assert.equal((await signInFrom(app, attacker, `mauvais essai ${i}`)).response.statusCode, 422);
  const first = (await signInFrom(app, attacker, PERSON_PASSWORD)).response;
  assert.equal(first.statusCode, 429, 'even the right password waits');
  assert.equal(first.headers['retry-after'], '1');
  assert.match(textOf(first.body), /Trop d'essais\. Réessayez dans 1 seconde\./);

  // The owner, from home, is not locked out by someone else's failures.
  assert.equal((await signInFrom(app, '198.51.100.20', PERSON_PASSWORD)).response.statusCode, 303);

  await sleep(1100);
  assert.equal((await signInFrom(app, attacker, 'mauvais essai 3')).response.statusCode, 422);
  const second = (await signInFrom(app, attacker, PERSON_PASSWORD)).response;
  const told = Date.now();
  assert.equal(second.statusCode, 429);
  const wait = Number(second.headers['retry-after']);
  assert.equal(wait, 2, 'the wait doubled');
  // Retry-After is the real wait: just before it ends the door is still shut, just after it is open.
  await sleep(told + 500 - Date.now());
  assert.equal((await signInFrom(app, attacker, PERSON_PASSWORD)).response.statusCode, 429);
  await sleep(told + wait * 1000 + 100 - Date.now());
  assert.equal((await signInFrom(app, attacker, PERSON_PASSWORD)).response.statusCode, 303);
});

async function useSignInLink(app: FastifyInstance, inbox: TestInbox, email: string) {
  const agent = new Agent(app);
  const asked = await agent.submit('/connexion/lien', '/connexion/lien', { email });
  assert.equal(asked.statusCode, 303);
  assert.equal(asked.headers.location, '/connexion/lien/courriel-envoye');
  const link = new URL(linkIn(await inbox.waitFor(email, /Votre lien de connexion/), '/connexion/lien/ouvrir?jeton='));
  const page = await agent.get(link.pathname + link.search);
  assert.equal(page.statusCode, 200);
  const opened = await agent.post('/connexion/lien/ouvrir', { _csrf: csrfTokenFrom(page.body), jeton: link.searchParams.get('jeton')! });
  return { agent, link, opened };
}

test('a flood of failures from many sources suspends password sign-in; the owner gets in with a single-use mailed link, agents still give their code', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  await createPerson(database.db, { email: EMAIL });
  const throttle = new LoginThrottle(app.platform.counters);
  for (let i = 0; i < LOGIN_RULES.accountLimit; i++) await throttle.recordFailure(EMAIL, `10.9.${Math.floor(i / 200)}.${i % 200}`);

  const refused = (await signInFrom(app, '198.51.100.20', PERSON_PASSWORD)).response;
  assert.equal(refused.statusCode, 429);
  assert.ok(Number(refused.headers['retry-after']) > 0);
  assert.match(textOf(refused.body), /la connexion par mot de passe à ce compte est suspendue/);
  assert.match(refused.body, /href="\/connexion\/lien"/);

  const { agent, link, opened } = await useSignInLink(app, inbox, EMAIL);
  assert.equal(opened.statusCode, 303);
  assert.equal(opened.headers.location, '/mon-compte');
  assert.equal((await agent.get('/mon-compte')).statusCode, 200, 'signed in');
  const again = await new Agent(app).get(link.pathname + link.search);
  assert.equal(again.statusCode, 400, 'the link works once');
  const stored = await database.db.selectFrom('platform_audit').select('action').where('action', '=', 'auth.sign_in').execute();
  assert.equal(stored.length, 1);

  // An address without account gets the same answer and no mail.
  const unknown = await new Agent(app).submit('/connexion/lien', '/connexion/lien', { email: 'personne@exemple.fr' });
  assert.equal(unknown.headers.location, '/connexion/lien/courriel-envoye');
  await app.platform.mailer.drain();
  assert.ok(!inbox.mails.some((m) => m.to.includes('personne@exemple.fr')));

  // An agent's link leads to the second factor, not past it.
  await signInAs(app, 'editeur', 'lorient');
  const agentLink = await useSignInLink(app, inbox, demoAgentEmail('editeur', 'lorient'));
  assert.equal(agentLink.opened.statusCode, 303);
  assert.equal(agentLink.opened.headers.location, '/connexion/code');
  assert.equal((await agentLink.agent.get('/mon-compte')).statusCode, 303, 'no session before the code');
});
