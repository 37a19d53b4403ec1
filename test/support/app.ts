import type { TestContext } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { Database } from '../../src/platform/db/database';
import { DEMO_PASSWORD, demoAgentEmail } from '../../seed/accounts';
import type { Role } from '../../src/platform/db/tables';
import { freshDatabase } from './database';

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
  const config = loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
  const app = await buildApp({ config, database });
  beforeReady?.(app);
  await app.ready();
  t.after(async () => {
    await app.close();
    await database.close().catch(() => undefined);
  });
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
}

export function csrfTokenFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF token in the page');
  return match[1]!;
}

/** Signs a seeded demo agent in and returns the browser-like agent. */
export async function signInAs(app: FastifyInstance, role: Role, tenantId: string): Promise<Agent> {
  const agent = new Agent(app);
  const response = await agent.submit('/admin/connexion', '/admin/connexion', { email: demoAgentEmail(role, tenantId), password: DEMO_PASSWORD });
  if (response.statusCode !== 303) throw new Error(`Sign-in as ${role} of ${tenantId} failed: ${response.statusCode}`);
  return agent;
}
