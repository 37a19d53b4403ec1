/**
 * The scopes an application's key may hold. Every route under /api/v1 names its scope in
 * `config.apiScope` (checked by modules/developers/scopes.test.ts); `profil:lecture` and `demarches:lecture` are
 * OAuth2 scopes of a person's own data (identity-provider), never given to a key.
 */
export const SCOPES = {
  'aides:lecture': 'Les aides et leur éligibilité (/api/v1/aides, /api/v1/eligibilite)',
  'recherche:lecture': 'La recherche (/api/v1/recherche)',
  'lieux:lecture': 'Les lieux d’aide de proximité (/api/v1/lieux)',
  'collectivites:lecture': 'Les collectivités, leurs pages et actualités (/api/v1/collectivites)',
  'donnees:lecture': 'Le catalogue des données ouvertes (/api/v1/donnees)',
  'signalements:ecriture': 'Signaler une erreur dans une donnée publique (POST /api/v1/signalements)',
  'orientation:lecture': 'Les formations, métiers et événements d’orientation',
} as const;

export type ApiScope = keyof typeof SCOPES;

/** Not a key's scopes: the person's own data, through OAuth2 access tokens (docs/api.md, identity-provider/bearer.ts). */
export const OAUTH_ONLY_SCOPES = ['profil:lecture', 'demarches:lecture'] as const;
export type OAuthScope = (typeof OAUTH_ONLY_SCOPES)[number];

export function isOAuthScope(value: unknown): value is OAuthScope {
  return (OAUTH_ONLY_SCOPES as readonly unknown[]).includes(value);
}

/** Route config: `false` marks an /api/v1 route open to all (its OpenAPI document) or reached with an OpenID token checked by its handler. */
export type ApiScopeConfig = ApiScope | OAuthScope | false;

declare module 'fastify' {
  interface FastifyContextConfig {
    apiScope?: ApiScopeConfig;
  }
}

export function isScope(value: unknown): value is ApiScope {
  return typeof value === 'string' && Object.hasOwn(SCOPES, value);
}

export const SCOPE_IDS = Object.keys(SCOPES) as ApiScope[];

/**
 * The API key a request presents: `Authorization: Bearer gk_…` or `X-Api-Key: gk_…` (another
 * Bearer token is an OAuth2 access token, for the routes that take them). `undefined`: none.
 */
export function presentedApiKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const header = headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header.trim();
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(gk_\S*)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  return undefined;
}

/** An /api/v1 operation on its way out (docs/api.md, « Versions et dépréciation »). */
export interface ApiDeprecation {
  /** When it was deprecated (ISO date). */
  since: string;
  /** When it stops answering (ISO date), at least six months after `since`. */
  sunset: string;
  /** The operation that replaces it, if any (a path). */
  successor?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    apiDeprecated?: ApiDeprecation;
  }
}

/** The headers a deprecated operation sends: Deprecation (RFC 9745), Sunset (RFC 8594), Link to its successor. */
export function deprecationHeaders(deprecation: ApiDeprecation): Record<string, string> {
  const headers: Record<string, string> = {
    deprecation: `@${Math.floor(Date.parse(deprecation.since) / 1000)}`,
    sunset: new Date(deprecation.sunset).toUTCString(),
  };
  if (deprecation.successor) headers.link = `<${deprecation.successor}>; rel="successor-version"`;
  return headers;
}
