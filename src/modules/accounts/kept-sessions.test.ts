import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Agent, buildTestApp, csrfTokenFrom, secondInstance, type TestApp } from '../../../test/support/app';
import { eventually } from '../../../test/support/eventually';
import { startDrivingLicenceDraft } from '../applications/test-support';
import { sealSimulatorState as seal } from '../eligibility/test-support';
import { createPerson, PERSON_PASSWORD, signInPerson } from './test-support';

/**
 * Sessions, « Mes démarches » and the simulator's results are kept in memory by each instance
 * (platform/db/kept-by-key.ts, platform/views/personal-pages.tsx). On PostgreSQL these run two
 * instances on one database; on PGlite (one process owns the database) the second is the first.
 */

/** Asks until the answer is the expected one: a notification takes a few milliseconds to arrive. */
/** The same browser (its cookies) talking to another instance behind the load balancer. */
function sameBrowserOn(instance: TestApp, browser: Agent): Agent {
  const copy = new Agent(instance.app);
  for (const name of ['guichet_session', 'guichet_csrf']) {
    const value = browser.cookie(name);
    if (value) copy.setCookie(name, value);
  }
  return copy;
}

/**
 * What another instance answers within one second: the instance that ended a session answers
 * only once it received the trigger's notification, which PostgreSQL sends to every instance at
 * the same moment; another instance acts on it when its own copy arrives (milliseconds).
 */
const refusedSoon = (browser: Agent) => eventually(() => browser.get('/mes-demarches'), (r) => r.statusCode !== 200, 50);

/** Asks the page twice, so that the instance keeps the session and the page. */
async function signedIn(browser: Agent, url = '/mes-demarches'): Promise<boolean> {
  let status = 0;
  for (let i = 0; i < 2; i++) status = (await browser.get(url)).statusCode;
  return status === 200;
}

const EMAIL = 'nolwenn@exemple.fr';

test('a session kept in memory ends at once on its instance and within milliseconds on the others: sign-out, password change, closing it from « Mes sessions »', async (t) => {
  const a = await buildTestApp(t);
  const b = await secondInstance(t, a);
  await createPerson(a.database.db, { email: EMAIL });

  // Sign-out on A: B refuses the session on the very next request (no waiting).
  const onA = await signInPerson(a.app, EMAIL);
  const onB = sameBrowserOn(b, onA);
  assert.ok(await signedIn(onA));
  assert.ok(await signedIn(onB));
  const out = await onA.post('/deconnexion', { _csrf: csrfTokenFrom((await onA.get('/mon-compte')).body) });
  assert.equal(out.statusCode, 303);
  assert.equal((await sameBrowserOn(a, onB).get('/mes-demarches')).statusCode, 303, 'signed out on A: A refuses at once');
  const afterSignOut = await refusedSoon(onB);
  assert.equal(afterSignOut.statusCode, 303, 'signed out on A: B no longer knows the session');
  assert.match(String(afterSignOut.headers.location), /^\/connexion/);

  // Password change on A: the old token and every other session end on both instances; the
  // browser that changed it goes on under a new token.
  const changer = await signInPerson(a.app, EMAIL);
  const phone = await signInPerson(b.app, EMAIL);
  const changerOnB = sameBrowserOn(b, changer);
  const phoneOnA = sameBrowserOn(a, phone);
  for (const browser of [changer, phone, changerOnB, phoneOnA]) assert.ok(await signedIn(browser));
  const changed = await changer.submit('/mon-compte/identifiants', '/mon-compte/identifiants/mot-de-passe', { current_password: PERSON_PASSWORD, new_password: 'le phare de la pointe du raz' });
  assert.equal(changed.statusCode, 303);
  assert.equal((await phoneOnA.get('/mes-demarches')).statusCode, 303, 'the other session ended on A at once');
  assert.equal((await refusedSoon(changerOnB)).statusCode, 303, 'the old token opens nothing on B');
  assert.equal((await refusedSoon(phone)).statusCode, 303, 'the other session ended on B');
  assert.equal((await sameBrowserOn(b, changer).get('/mes-demarches')).statusCode, 200, 'the new token works on B');

  // « Mes sessions » on A closes the session a tablet uses on B.
  const laptop = await signInPerson(a.app, EMAIL, { password: 'le phare de la pointe du raz' });
  const tablet = await signInPerson(b.app, EMAIL, { password: 'le phare de la pointe du raz' });
  assert.ok(await signedIn(tablet));
  assert.ok(await signedIn(sameBrowserOn(a, tablet)));
  const all = await laptop.submit('/mon-compte/sessions', '/mon-compte/sessions/fermer-autres', {});
  assert.equal(all.statusCode, 303);
  assert.equal((await sameBrowserOn(a, tablet).get('/mes-demarches')).statusCode, 303, 'closed on A: refused on A at once');
  assert.equal((await refusedSoon(tablet)).statusCode, 303, 'and on B');
  assert.ok(await signedIn(laptop), 'the laptop stays signed in');
});

test('a session deleted or expired behind the application is refused all the same', async (t) => {
  const a = await buildTestApp(t);
  const b = await secondInstance(t, a);
  const id = await createPerson(a.database.db, { email: EMAIL });
  const first = await signInPerson(b.app, EMAIL);
  assert.ok(await signedIn(first));
  // Raw SQL: neither the session store nor the write watcher sees it, only the trigger's notification.
  await sql`delete from platform_sessions where account_id = ${id}`.execute(a.database.db);
  assert.equal((await eventually(() => first.get('/mes-demarches'), (r) => r.statusCode !== 200)).statusCode, 303, 'deleted on A: B drops it');

  const second = await signInPerson(b.app, EMAIL);
  assert.ok(await signedIn(second));
  await sql`truncate platform_sessions`.execute(a.database.db);
  assert.equal((await eventually(() => second.get('/mes-demarches'), (r) => r.statusCode !== 200)).statusCode, 303, 'every session dropped by a TRUNCATE');

  // Expiry is checked on every use of a kept session, without any notification.
  const third = await signInPerson(b.app, EMAIL);
  assert.ok(await signedIn(third));
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() + 9 * 60 * 60 * 1000 });
  try {
    assert.equal((await third.get('/mes-demarches')).statusCode, 303, '9 hours later the session has expired');
  } finally {
    t.mock.timers.reset();
  }
});

test('a person’s kept list of applications and profile follow changes made on another instance', async (t) => {
  const a = await buildTestApp(t);
  const b = await secondInstance(t, a);
  const id = await createPerson(a.database.db, { email: EMAIL });
  const person = await signInPerson(b.app, EMAIL);
  await startDrivingLicenceDraft(person);
  assert.ok(await signedIn(person));
  assert.match((await person.get('/mes-demarches')).body, /pas encore déposée/);

  await sql`update applications set aid_name = 'Aide renommée sur A' where account_id = ${id}`.execute(a.database.db);
  const renamed = await eventually(() => person.get('/mes-demarches'), (r) => r.body.includes('Aide renommée sur A'));
  assert.match(renamed.body, /Aide renommée sur A/, 'changed on A: the list on B follows');

  // The simulator's answers, as the questionnaire leaves them for this person.
  const situation = { demandeur: 'particulier', age: 19, commune: '35238', situation: 'etudiant', boursier: true, enfants: 0 };
  const state = { situation, history: Object.keys(situation), skipped: [], prefilled: [], profileOf: id, at: Date.now() };
  person.setCookie('guichet_simulateur', seal(state as never, b.config.SESSION_SECRET));
  const offer = /J’accepte que Guichet garde dans mon profil : ([^.<]+)\./;
  assert.ok(await signedIn(person, '/aides/simulateur/resultats'));
  assert.equal(offer.exec((await person.get('/aides/simulateur/resultats')).body)?.[1], 'Commune, Situation, Enfants à charge');
  await sql`insert into profile_fields (account_id, field, value, source) values (${id}, 'situation', '"etudiant"'::jsonb, 'declared')`.execute(a.database.db);
  const saved = await eventually(() => person.get('/aides/simulateur/resultats'), (r) => offer.exec(r.body)?.[1] === 'Commune, Enfants à charge');
  assert.equal(offer.exec(saved.body)?.[1], 'Commune, Enfants à charge', 'the profile changed on A: B no longer offers to save the situation');
});

test('a kept page is given only to the session that asked for it', async (t) => {
  const { app, database } = await buildTestApp(t);
  await createPerson(database.db, { email: EMAIL, name: 'Nolwenn' });
  await createPerson(database.db, { email: 'yann@exemple.fr', name: 'Yann' });
  const nolwenn = await signInPerson(app, EMAIL);
  await startDrivingLicenceDraft(nolwenn);
  assert.ok(await signedIn(nolwenn));
  const yann = await signInPerson(app, 'yann@exemple.fr');
  const page = await yann.get('/mes-demarches');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Yann/);
  assert.doesNotMatch(page.body, /Nolwenn|pas encore déposée/, 'nothing of the other person');
  const again = await nolwenn.get('/mes-demarches');
  assert.match(again.body, /Nolwenn/);
  assert.match(again.body, /pas encore déposée/);
});
