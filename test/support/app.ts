import type { TestContext } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import { buildApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { Database } from '../../src/platform/db/database';
import { DEMO_PASSWORD, demoAgentEmail } from '../../seed/accounts';
import type { Role } from '../../src/platform/db/tables';
import { sql } from 'kysely';
import { openDatabase } from '../../src/platform/db/database';
import { freshDatabase, testEngine } from './database';
import { freePort } from './net';

/**
 * Tests make many anonymous API calls from one address (the search's relevance cases, the walks):
 * the anonymous quota is counted but never binds, unless a test sets it (developers/quotas.test.ts).
 */
const UNBOUND_ANONYMOUS_API = { API_ANONYMOUS_PER_MINUTE: 1_000_000, API_ANONYMOUS_PER_DAY: 1_000_000 };

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
}

/**
 * Builds the real application on a fresh, migrated and seeded database (PGlite or PostgreSQL,
 * as GUICHET_TEST_ENGINE says) and closes both when the test ends.
 */
export async function buildTestApp(
  t: Pick<TestContext, 'after'>,
  overrides: Partial<Config> = {},
  /** Lets a test add a route of its own (e.g. one that fails) before the app is ready. */
  beforeReady?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const database = await freshDatabase();
  const config = loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...UNBOUND_ANONYMOUS_API, ...overrides });
  const app = await buildApp({ config, database });
  beforeReady?.(app);
  await app.ready();
  t.after(async () => {
    await app.close();
    await database.close().catch(() => undefined);
  });
  return { app, database, config };
}

/**
 * The app listening on a real port with PUBLIC_URL set to it: for clients that need real HTTP
 * (openid-client, oidc-provider's own endpoints) and for links the app builds from PUBLIC_URL.
 */
export async function buildListeningTestApp(t: Pick<TestContext, 'after'>, overrides: Partial<Config> = {}): Promise<TestApp & { origin: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const built = await buildTestApp(t, { PUBLIC_URL: origin, PORT: port, ...overrides });
  await built.app.listen({ port, host: '127.0.0.1' });
  return { ...built, origin };
}

/**
 * A second instance of Guichet on the same PostgreSQL database as `first`, as behind a load
 * balancer (on PGlite, which one process owns, the same instance). Closed before `first`.
 */
export async function secondInstance(t: Pick<TestContext, 'after'>, first: TestApp, overrides: Partial<Config> = {}): Promise<TestApp> {
  if (testEngine() !== 'postgres') return first;
  const name = (await sql<{ name: string }>`select current_database() as name`.execute(first.database.db)).rows[0]!.name;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  const config = loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...UNBOUND_ANONYMOUS_API, ...overrides });
  const app = await buildApp({ config, database });
  await app.ready();
  // The first instance's database is dropped when it closes, and a drop waits for every session
  // to leave (test/support/database.ts): this instance must close before, though node:test runs
  // `after` hooks in the order they were registered, the first instance's first.
  let closed = false;
  const closeThis = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await database.close();
  };
  const closeFirst = first.database.close.bind(first.database);
  first.database.close = async () => {
    await closeThis();
    await closeFirst();
  };
  t.after(closeThis);
  return { app, database, config };
}

/** A small cookie jar over app.inject, so a test can act as a browser would. */
export class Agent {
  private cookies = new Map<string, string>();

  constructor(readonly app: FastifyInstance, readonly host = 'localhost') {}

  async request(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const cookieHeader = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      ...options,
      headers: { host: this.host, ...(cookieHeader ? { cookie: cookieHeader } : {}), ...(options.headers ?? {}) },
    });
    for (const cookie of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  /** GETs a page holding a form, then posts it with the page's CSRF token. */
  async submit(formPageUrl: string, action: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const page = await this.get(formPageUrl);
    const token = csrfTokenFrom(page.body);
    return this.post(action, { _csrf: token, ...fields });
  }

  post(url: string, fields: Record<string, string>) {
    return this.request({
      method: 'POST',
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Puts a cookie in the jar (e.g. a session token made by a test). */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }
}

export function csrfTokenFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF token in the page');
  return match[1]!;
}

/** The TOTP secrets the helpers enrolled, per app (nothing is shared across apps). */
const enrolledSecrets = new WeakMap<FastifyInstance, Map<string, string>>();

/** The secret an enrolment page shows, in groups of 4 (spaces removed). */
export function secretFrom(html: string): string {
  const match = /<code class="secret mfa-secret" id="mfa-cle">([A-Z2-7 ]+)<\/code>/.exec(html);
  if (!match) throw new Error('No TOTP secret in the page');
  return match[1]!.replace(/\s/g, '');
}

/** The 6-digit code of `secret` at a time step (default: now), as an authenticator app shows it. */
export function totpCode(secret: string, step = Math.floor(Date.now() / 30_000)): string {
  return new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: step * 30_000 });
}

/**
 * A code for the account that the server has not accepted yet: the current step, or the next one
 * (accepted too, clocks drift) when the current one was used; waits for a new step past that.
 */
export async function freshCode(app: FastifyInstance, accountId: string, secret: string): Promise<string> {
  const row = await app.platform.db
    .withTables<{ mfa_factors: { account_id: string; last_used_step: number | string } }>()
    .selectFrom('mfa_factors')
    .select('last_used_step')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const last = Number(row?.last_used_step ?? 0);
  let now = Math.floor(Date.now() / 30_000);
  while (last + 1 > now + 1) {
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * 30_000 - Date.now() + 50));
    now = Math.floor(Date.now() / 30_000);
  }
  return totpCode(secret, Math.max(now, last + 1));
}

/**
 * After the password: enrols the second factor (reading the secret from the enrolment page the
 * guard leads to) or types a code on the code page, as a person with an authenticator would.
 */
export async function passSecondFactor(agent: Agent, signInResponse: LightMyRequestResponse, email: string): Promise<LightMyRequestResponse> {
  const { app } = agent;
  const secrets = enrolledSecrets.get(app) ?? new Map<string, string>();
  enrolledSecrets.set(app, secrets);
  const account = await app.platform.db.selectFrom('platform_accounts').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirstOrThrow();
  const location = String(signInResponse.headers.location);
  if (location === '/connexion/code') {
    const secret = secrets.get(email);
    if (!secret) throw new Error(`${email} has a second factor this helper did not enrol`);
    return agent.submit('/connexion/code', '/connexion/code', { code: await freshCode(app, account.id, secret) });
  }
  // No factor yet: the guard sends the agent to enrol.
  const guarded = await agent.get(location);
  if (guarded.statusCode !== 303 || !String(guarded.headers.location).startsWith('/admin/double-authentification')) return guarded;
  const page = await agent.get(String(guarded.headers.location));
  const secret = secretFrom(page.body);
  const sealed = /name="enrolment" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const next = /name="suite" value="([^"]*)"/.exec(page.body)?.[1] ?? '/admin';
  const confirmed = await agent.post('/admin/double-authentification', { _csrf: csrfTokenFrom(page.body), enrolment: sealed, suite: next, code: totpCode(secret) });
  if (confirmed.statusCode !== 200) throw new Error(`Enrolment of ${email} failed: ${confirmed.statusCode}`);
  secrets.set(email, secret);
  return confirmed;
}

/** Signs an account in through /admin/connexion and its second factor (enrolling it if needed). */
export async function signInWithPassword(app: FastifyInstance, email: string, password: string): Promise<Agent> {
  const agent = new Agent(app);
  const response = await agent.submit('/admin/connexion', '/admin/connexion', { email, password });
  if (response.statusCode !== 303) throw new Error(`Sign-in as ${email} failed: ${response.statusCode}`);
  const done = await passSecondFactor(agent, response, email);
  if (done.statusCode >= 400) throw new Error(`Second factor of ${email} failed: ${done.statusCode}`);
  return agent;
}

/** Signs a seeded demo agent in (password, then the second factor, enrolled on first use) and returns the browser-like agent. */
export async function signInAs(app: FastifyInstance, role: Role, tenantId: string): Promise<Agent> {
  return signInWithPassword(app, demoAgentEmail(role, tenantId), DEMO_PASSWORD);
}
