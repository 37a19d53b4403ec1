import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import Provider, { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { audit } from '../../platform/audit/audit';
import { SESSION_COOKIE } from '../../platform/auth/current-account';
import type { Platform } from '../../platform/context';
import { DatabaseAdapter, idpDb, purgeExpired, type IdpDb } from './adapter';
import { personClaims, SCOPE_CLAIMS } from './claims';
import { SCOPES, secretMatches } from './clients.store';
import { findConsent } from './consents';
import { ensureSigningKeys, keysVersion, signingJwks } from './keys';
import { renderProviderError, renderProviderNotFound, renderLogoutPage, renderLogoutSuccess } from './views/provider-pages';

/** Where oidc-provider answers, under the app's public URL. */
export const MOUNT = '/oidc';
/** How often an instance checks whether another one rotated the keys. */
export const KEY_RELOAD_SECONDS = 30;

/** The Fastify request behind a raw request handed to oidc-provider (for our page layout). */
const fastifyRequests = new WeakMap<IncomingMessage, FastifyRequest>();
export function attachRequest(raw: IncomingMessage, request: FastifyRequest) {
  fastifyRequests.set(raw, request);
}
export function requestOf(ctx: KoaContextWithOIDC): FastifyRequest | undefined {
  return fastifyRequests.get(ctx.req);
}

function origins(uris: readonly string[] | undefined): string[] {
  const result = new Set<string>();
  for (const uri of uris ?? []) {
    try {
      result.add(new URL(uri).origin);
    } catch {
      // not a URL: ignored
    }
  }
  return [...result];
}

/**
 * CSP sources for the addresses an application is sent back to: the origin of a web address,
 * any port of a loopback one (RFC 8252 § 7.3), the scheme of a mobile application's own
 * (`bzh.guichet.monappli:`).
 */
function formSources(uris: readonly string[] | undefined): string[] {
  const result = new Set<string>();
  for (const uri of uris ?? []) {
    try {
      const url = new URL(uri);
      if (url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname)) result.add(`http://${url.hostname}:*`);
      if (url.protocol === 'http:' || url.protocol === 'https:') result.add(url.origin);
      else if (/^[a-z][a-z0-9+.-]*:$/.test(url.protocol)) result.add(url.protocol);
    } catch {
      // not a URL: ignored
    }
  }
  return [...result];
}

/**
 * Pages whose form ends at an application (consent, sign-out) must allow that application's
 * origin in `form-action`: browsers apply it to the redirects that follow the form.
 */
export function cspAllowingForms(csp: string | undefined, uris: readonly string[] | undefined): string | undefined {
  if (!csp) return csp;
  const extra = formSources(uris).join(' ');
  return extra ? csp.replace(/form-action 'self'/, `form-action 'self' ${extra}`) : csp;
}

/** The Guichet account signed in on the request oidc-provider is serving, if any. */
async function guichetAccountId(platform: Platform, ctx: KoaContextWithOIDC): Promise<string | undefined> {
  const token = ctx.cookies.get(SESSION_COOKIE);
  if (!token) return undefined;
  const session = await platform.sessions.get(token);
  return session?.accountId ?? undefined;
}

function buildConfiguration(platform: Platform, db: IdpDb, keys: Array<Record<string, unknown>>): Configuration {
  const { config } = platform;
  const secure = config.NODE_ENV === 'production';
  const policy = interactionPolicy.base();
  // Guichet's own session decides who is signed in: signing out of Guichet, or in as someone
  // else, asks again instead of reusing the provider's older session.
  policy.get('login')!.checks.add(
    new interactionPolicy.Check('guichet_session', 'the Guichet session does not match', async (ctx) => {
      const accountId = await guichetAccountId(platform, ctx);
      return accountId === undefined || accountId !== ctx.oidc.session?.accountId
        ? interactionPolicy.Check.REQUEST_PROMPT
        : interactionPolicy.Check.NO_NEED_TO_PROMPT;
    }),
  );
  const asymmetric = ['RS256', 'PS256', 'ES256'];

  return {
    adapter: (name: string) => new DatabaseAdapter(db, name),
    clients: [],
    jwks: { keys: keys as never },
    cookies: {
      keys: [config.SESSION_SECRET],
      short: { httpOnly: true, sameSite: 'lax', secure, signed: true },
      long: { httpOnly: true, sameSite: 'lax', secure, signed: true },
      names: { session: 'guichet_idp_session', interaction: 'guichet_idp_interaction', resume: 'guichet_idp_resume' },
    },
    scopes: [...SCOPES],
    // Only the scopes that release claims (the API's scopes release none).
    claims: Object.fromEntries(Object.entries(SCOPE_CLAIMS).filter(([, names]) => names.length > 0)),
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    extraClientMetadata: { properties: ['tenant_id'] },
    enabledJWA: {
      clientAuthSigningAlgValues: asymmetric as never,
      idTokenSigningAlgValues: ['RS256'],
      userinfoSigningAlgValues: ['RS256'],
      requestObjectSigningAlgValues: asymmetric as never,
      requestObjectEncryptionAlgValues: ['RSA-OAEP-256'],
      introspectionSigningAlgValues: asymmetric as never,
      authorizationSigningAlgValues: asymmetric as never,
    },
    ttl: {
      AuthorizationCode: config.IDP_CODE_TTL_SECONDS,
      AccessToken: 10 * 60,
      IdToken: 60 * 60,
      RefreshToken: 30 * 24 * 60 * 60,
      Interaction: 60 * 60,
      Session: 14 * 24 * 60 * 60,
      Grant: 365 * 24 * 60 * 60,
    },
    // An application with a server (it keeps a secret) gets a refresh token; a public one only
    // when the person accepted `offline_access` (« Un accès qui dure »).
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && (client.clientAuthMethod !== 'none' || code.scopes.has('offline_access')),
    // Every refresh answers with a new refresh token; the used one is refused from then on
    // (and using it again revokes the whole grant, as a stolen token would be).
    rotateRefreshToken: true,
    expiresWithSession: async () => false,
    findAccount: async (_ctx, sub) => {
      const person = await personClaims(platform.db, sub, []);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: async (_use: string, scope: string) => ({ ...(await personClaims(platform.db, sub, scope.split(' ')))?.claims, sub }),
      };
    },
    // One consent per person and application, kept by Guichet (not by the provider's browser
    // session): a new device does not ask again, a revoked consent does.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? (await findConsent(db, accountId, clientId))?.grant_id;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    clientBasedCORS: (_ctx, origin, client) => origins(client.redirectUris).includes(origin),
    interactions: { url: (_ctx, interaction) => `${MOUNT}/interaction/${interaction.uid}`, policy },
    features: {
      devInteractions: { enabled: false },
      // An application revokes only its own tokens (someone else's: ignored, RFC 7009 § 2.2).
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          const csp = cspAllowingForms(String(ctx.response.get('content-security-policy') || ''), ctx.oidc.client?.postLogoutRedirectUris);
          if (csp) ctx.set('content-security-policy', csp);
          ctx.type = 'html';
          ctx.body = await renderLogoutPage(requestOf(ctx), form, ctx.oidc.client?.clientName);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = await renderLogoutSuccess(requestOf(ctx), ctx.oidc.client?.clientName);
        },
      },
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = await renderProviderError(requestOf(ctx), out as { error: string; error_description?: string });
    },
  };
}

function tenantOfClient(ctx: KoaContextWithOIDC): string | null {
  return (ctx.oidc?.client?.['tenant_id'] as string | undefined) ?? null;
}

function actorOf(ctx: KoaContextWithOIDC, accountId: string | undefined) {
  return { actorId: accountId ?? null, actorLabel: accountId ? '' : 'application', ip: ctx.ip };
}

/** The audit trail of what the provider does (never a token, a code or a secret). */
function auditEvents(provider: Provider, platform: Platform, db: IdpDb, log: FastifyBaseLogger) {
  const write = (entry: Parameters<typeof audit>[1]) => void audit(platform.db, entry).catch(() => undefined);
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    const token = ctx.oidc.entities.AccessToken;
    write({
      action: 'idp.tokens_issued',
      ...actorOf(ctx, token?.accountId),
      tenantId: tenantOfClient(ctx),
      targetType: 'idp_client',
      targetId: ctx.oidc.client?.clientId ?? '',
      details: { grant_type: ctx.oidc.params?.grant_type, scope: token?.scope, refresh_token: Boolean(ctx.oidc.entities.RefreshToken) },
    });
  });
  provider.on('grant.error', (ctx: KoaContextWithOIDC, error: { error?: string; error_description?: string }) => {
    write({
      action: 'idp.token_refused',
      ...actorOf(ctx, undefined),
      tenantId: tenantOfClient(ctx),
      targetType: 'idp_client',
      targetId: ctx.oidc?.client?.clientId ?? String(ctx.oidc?.params?.client_id ?? ''),
      details: { grant_type: ctx.oidc?.params?.grant_type, error: error.error, reason: error.error_description },
    });
  });
  provider.on('grant.revoked', (ctx: KoaContextWithOIDC, grantId: string) => {
    // A revoked grant (refresh token replayed, RP revocation) is no consent any more.
    void db.deleteFrom('idp_consents').where('grant_id', '=', grantId).execute().catch(() => undefined);
    write({ action: 'idp.grant_revoked', ...actorOf(ctx, undefined), tenantId: tenantOfClient(ctx), targetType: 'idp_grant', targetId: grantId });
  });
  provider.on('authorization.error', (ctx: KoaContextWithOIDC, error: { error?: string; error_description?: string }) => {
    write({
      action: 'idp.authorization_refused',
      ...actorOf(ctx, ctx.oidc?.session?.accountId),
      tenantId: tenantOfClient(ctx),
      targetType: 'idp_client',
      targetId: ctx.oidc?.client?.clientId ?? String(ctx.oidc?.params?.client_id ?? ''),
      details: { error: error.error, reason: error.error_description },
    });
  });
  provider.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    write({ action: 'idp.sign_out', ...actorOf(ctx, ctx.oidc?.session?.accountId), tenantId: tenantOfClient(ctx), targetType: 'idp_client', targetId: ctx.oidc?.client?.clientId ?? '' });
  });
  // oidc-provider already turned it into an error page; the operator gets the stack.
  provider.on('server_error', (_ctx: KoaContextWithOIDC, error: Error) => log.error({ err: error }, 'identity provider error'));
}

/**
 * oidc-provider builds every URL it publishes (discovery document, endpoints, redirects) from
 * the request's Host and protocol. They are the visitor's to choose, so before the provider
 * sees the request they are set to the configured issuer's (PUBLIC_URL), whatever was sent;
 * the client address is the one Fastify already worked out (TRUST_PROXY).
 */
export function useIssuerOrigin(raw: IncomingMessage, issuer: string, clientIp: string): void {
  const origin = new URL(issuer);
  raw.headers.host = origin.host;
  raw.headers['x-forwarded-host'] = origin.host;
  raw.headers['x-forwarded-proto'] = origin.protocol.slice(0, -1);
  raw.headers['x-forwarded-for'] = clientIp;
  delete raw.headers.forwarded;
}

/**
 * Builds oidc-provider from what the database holds. Built on first use (so the app builds
 * without generating keys, and the issuer is the configured public URL), then rebuilt when the
 * published keys change (a rotation here or on another instance). Everything the provider
 * stores is in the database, so a rebuild loses nothing.
 */
export class IdentityProvider {
  private current: { provider: Provider; version: string; checkedAt: number } | undefined;
  private building: Promise<Provider> | undefined;
  readonly db: IdpDb;

  constructor(
    private readonly platform: Platform,
    private readonly log: FastifyBaseLogger,
  ) {
    this.db = idpDb(platform.db);
  }

  get issuer(): string {
    return `${this.platform.publicUrl}${MOUNT}`;
  }

  async get(): Promise<Provider> {
    const now = Date.now();
    if (this.current && now - this.current.checkedAt < KEY_RELOAD_SECONDS * 1000) return this.current.provider;
    this.building ??= this.build().finally(() => (this.building = undefined));
    return this.building;
  }

  /** Forget the built provider: the next request rebuilds it (after a key rotation). */
  reload(): void {
    this.current = undefined;
  }

  private async build(): Promise<Provider> {
    await ensureSigningKeys(this.db, this.platform.config.SESSION_SECRET);
    // Every KEY_RELOAD_SECONDS: expired codes, tokens and sessions leave the table.
    await purgeExpired(this.db).catch((error: Error) => this.log.warn({ err: error }, 'identity provider: purge failed'));
    const version = await keysVersion(this.db);
    if (this.current && this.current.version === version) {
      this.current.checkedAt = Date.now();
      return this.current.provider;
    }
    const keys = await signingJwks(this.db, this.platform.config.SESSION_SECRET);
    const provider = new Provider(this.issuer, buildConfiguration(this.platform, this.db, keys));
    // The request's origin headers are replaced by the issuer's own (useIssuerOrigin).
    provider.proxy = true;
    // An address the provider does not serve: our French page, not Koa's bare "Not Found".
    provider.use(async (ctx, next) => {
      await next();
      if (ctx.status === 404 && ctx.body == null) {
        ctx.type = 'html';
        ctx.body = await renderProviderNotFound(requestOf(ctx as KoaContextWithOIDC));
        ctx.status = 404;
      }
    });
    // The stored "secret" is the hash of the real one: compare hashes, in constant time.
    Object.defineProperty(provider.Client.prototype, 'compareClientSecret', {
      value(this: { clientSecret?: string }, actual: string) {
        return typeof actual === 'string' && !!this.clientSecret && secretMatches(actual, this.clientSecret);
      },
    });
    auditEvents(provider, this.platform, this.db, this.log);
    this.current = { provider, version, checkedAt: Date.now() };
    return provider;
  }
}
