// Helpers for the identity provider's tests: a real Guichet listening on a real port, a
// person with a real Guichet session, and a cookie-keeping "browser" over fetch.
import { randomUUID } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { Config } from '../../config';
import { buildListeningTestApp, type TestApp } from '../../../test/support/app';
export { freePort } from '../../../test/support/net';
import { writeCertified, writeDeclared } from '../profile';
import { idpDb } from './adapter';
import { createClient, type Scope } from './clients.store';

export interface ListeningApp extends TestApp {
  origin: string;
  issuer: string;
}

/** Guichet on a real port, its PUBLIC_URL (hence the issuer) pointing at it. */
export async function listeningApp(t: Pick<TestContext, 'after'>, overrides: Partial<Config> = {}): Promise<ListeningApp> {
  const built = await buildListeningTestApp(t, overrides);
  return { ...built, issuer: `${built.origin}/oidc` };
}

/** A person's account, with a profile partly certified by FranceConnect, partly declared. */
export async function createPerson(app: TestApp['app'], email = `usager-${randomUUID().slice(0, 8)}@example.fr`) {
  const { db } = app.platform;
  const id = randomUUID();
  await db.insertInto('platform_accounts').values({ id, email, display_name: 'Camille Le Goff', password_hash: null, disabled_at: null, last_sign_in_at: null }).execute();
  await writeCertified(db, id, { given_name: 'Camille', family_name: 'Le Goff', birthdate: '1990-04-12', gender: 'female', birthplace: '29019', birthcountry: '99100' });
  await writeDeclared(db, id, 'address', { street: '2 rue de Siam', postal_code: '29200', commune_code: '29019', commune_name: 'Brest' });
  return { id, email };
}

/** A real Guichet session for the person (what signing in produces), as a cookie. */
export async function sessionCookie(app: TestApp['app'], accountId: string): Promise<string> {
  const token = await app.platform.sessions.create({ accountId, data: { method: 'password' }, userAgent: 'test' });
  return token;
}

export async function registerClient(
  app: TestApp['app'],
  tenantId: string,
  options: { redirectUris?: string[]; scopes?: Scope[]; postLogout?: string[]; authMethod?: 'client_secret_basic' | 'client_secret_post' | 'none' } = {},
) {
  return createClient(idpDb(app.platform.db), {
    tenantId,
    name: `Démarches de ${tenantId}`,
    redirectUris: options.redirectUris ?? ['http://127.0.0.1:9/retour'],
    postLogoutRedirectUris: options.postLogout ?? ['http://127.0.0.1:9/au-revoir'],
    scopes: options.scopes ?? ['openid', 'profile', 'email', 'address', 'identite_pivot'],
    authMethod: options.authMethod ?? 'client_secret_basic',
    createdBy: null,
  });
}

/** A browser without JavaScript: keeps cookies, follows redirects inside Guichet only. */
export class CookieBrowser {
  readonly cookies = new Map<string, string>();

  constructor(readonly origin: string) {}

  private store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!).getTime() < Date.now()) || attributes.some((a) => /^\s*max-age=0\b/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(url: string, init: { method?: string; body?: URLSearchParams; headers?: Record<string, string> } = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...init.headers },
      ...(init.body ? { body: init.body.toString() } : {}),
    });
    this.store(response);
    return response;
  }

  /**
   * Follows redirects while they stay on Guichet; returns the last Guichet answer and, when a
   * redirect leaves Guichet (back to the application), its address.
   */
  async navigate(url: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<{ response: Response; body: string; left?: string; url: string }> {
    let current = url;
    let response = await this.fetch(current, init);
    for (let i = 0; i < 10 && response.status >= 300 && response.status < 400; i++) {
      const location = new URL(response.headers.get('location')!, current).href;
      if (!location.startsWith(this.origin)) return { response, body: '', left: location, url: current };
      current = location;
      response = await this.fetch(current);
    }
    return { response, body: await response.text(), url: current };
  }
}

export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error(`No CSRF token in: ${html.slice(0, 300)}`);
  return match[1]!;
}
