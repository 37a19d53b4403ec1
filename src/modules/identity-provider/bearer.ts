import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, UnauthenticatedError } from '../../platform/http/errors';
import type { IdentityProvider } from './provider';

/** What a valid access token says: who, through which application of which authority, may read what. */
export interface PersonToken {
  accountId: string;
  clientId: string;
  clientName: string;
  tenantId: string;
  scopes: Set<string>;
}

const TOKEN = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i;

/**
 * RFC 6750: without a token, a bare challenge; with a bad one, `invalid_token`; with a good one
 * that lacks the route's scope, `insufficient_scope` and the scope needed (403).
 */
function challenge(realm: string, error?: string, extra = ''): string {
  return `Bearer realm="${realm}"${error ? `, error="${error}"` : ''}${extra}`;
}

export class InsufficientScopeError extends AppError {
  constructor(scope: string) {
    super(403, 'insufficient_scope', 'Autorisation insuffisante', `La personne n’a pas autorisé cette application à lire ces données : il faut la portée « ${scope} ».`);
  }
}

/**
 * The access token of the request, checked through the provider (unknown, expired, revoked, or
 * issued to an application since disabled: refused), with the scope the route declares in
 * `config.apiScope`. Sets `cache-control: no-store` first, so that refusals are not kept either.
 */
export async function personToken(request: FastifyRequest, reply: FastifyReply, idp: IdentityProvider, realm: string): Promise<PersonToken> {
  reply.header('cache-control', 'no-store');
  const token = TOKEN.exec(String(request.headers.authorization ?? ''))?.[1];
  if (!token) {
    reply.header('www-authenticate', challenge(realm));
    throw new UnauthenticatedError('Présentez un jeton d’accès délivré par Guichet (en-tête Authorization: Bearer), obtenu avec l’accord de la personne.');
  }
  const provider = await idp.get();
  const accessToken = await provider.AccessToken.find(token);
  const client = accessToken?.clientId ? await provider.Client.find(accessToken.clientId) : undefined;
  const tenantId = client?.['tenant_id'] as string | undefined;
  if (!accessToken || !client || !accessToken.accountId || !tenantId) {
    reply.header('www-authenticate', challenge(realm, 'invalid_token', ', error_description="The access token is unknown, expired or revoked"'));
    throw new UnauthenticatedError('Ce jeton d’accès est inconnu, expiré ou retiré.');
  }
  const scopes = new Set(String(accessToken.scope ?? '').split(' ').filter(Boolean));
  const needed = request.routeOptions.config.apiScope;
  if (typeof needed === 'string' && !scopes.has(needed)) {
    reply.header('www-authenticate', challenge(realm, 'insufficient_scope', `, scope="${needed}"`));
    throw new InsufficientScopeError(needed);
  }
  return { accountId: accessToken.accountId, clientId: client.clientId, clientName: client.clientName ?? client.clientId, tenantId, scopes };
}
