/**
 * The signed-in person of the benchmarks (run.ts, queries.ts): an account signed in through
 * /connexion, who started an application and answered the simulator's questions. Returns the
 * Cookie header their browser would send, and that of a visitor without an account who answered
 * the same questions (`answersOnly`: the simulator's sealed answers and the CSRF cookie), and that
 * of a visitor without an account who has already seen a form (`csrfOnly`).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../src/platform/db/tables';

export async function signedInPerson(app: FastifyInstance, db: Kysely<PlatformTables>): Promise<{ cookie: string; answersOnly: string; csrfOnly: string }> {
  const { createPerson, signInPerson } = await import('../src/modules/accounts/test-support');
  const email = `bench-${randomBytes(4).toString('hex')}@exemple.fr`;
  await createPerson(db, { email, name: 'Maëlys' });
  const person = await signInPerson(app, email);
  await person.get('/aides/bretagne-aide-code-permis/demande');
  // Two favourites, so that « Mes favoris » reads and resolves saved things.
  for (const [page, type, cle] of [['/orientation/metiers/D1102', 'metier', 'D1102'], ['/orientation/metiers/K2111', 'metier', 'K2111']] as const) {
    const saved = await person.submit(page, '/mon-compte/favoris', { type, cle, retour: page });
    if (saved.statusCode !== 303) throw new Error(`saving ${cle} answered ${saved.statusCode} in the setup`);
  }
  // The simulator's answers, sealed as the questionnaire would have left them.
  const { seal } = await import('../src/modules/eligibility/state');
  const accountId = (await db.selectFrom('platform_accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const situation = { demandeur: 'particulier' as const, age: 19, commune: '35238', situation: 'etudiant' as const, boursier: true, enfants: 0 };
  const state = { situation, history: Object.keys(situation), skipped: [], prefilled: [], profileOf: accountId, at: Date.now() };
  const simulator = `guichet_simulateur=${seal(state, app.platform.config.SESSION_SECRET)}`;
  // The CSRF cookie too, as a browser that has seen a form keeps it (else every page makes one).
  const cookie = `guichet_session=${person.cookie('guichet_session')}; guichet_csrf=${person.cookie('guichet_csrf')}; ${simulator}`;
  const results = await app.inject({ url: '/aides/simulateur/resultats', headers: { cookie } });
  if (results.statusCode !== 200) throw new Error(`the simulator's results answered ${results.statusCode} in the setup`);
  // A visitor without an account who answered the same questions: the answers and the CSRF cookie.
  const anonymous = `guichet_simulateur=${seal({ ...state, profileOf: undefined }, app.platform.config.SESSION_SECRET)}`;
  const answersOnly = `guichet_csrf=${person.cookie('guichet_csrf')}; ${anonymous}`;
  const signedOut = await app.inject({ url: '/aides/simulateur/resultats', headers: { cookie: answersOnly } });
  if (signedOut.statusCode !== 200 || signedOut.headers['set-cookie']) throw new Error(`the signed-out results answered ${signedOut.statusCode} (cookies: ${String(signedOut.headers['set-cookie'])}) in the setup`);
  // A visitor without an account who has already seen a form: the CSRF cookie only.
  const csrfOnly = `guichet_csrf=${person.cookie('guichet_csrf')}`;
  return { cookie, answersOnly, csrfOnly };
}
