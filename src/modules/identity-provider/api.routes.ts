import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../platform/http/errors';
import { personClaims } from './claims';
import type { IdentityProvider } from './provider';
import { personClaimsRoute } from './api-schemas';

/**
 * A resource of one authority, reached with an access token Guichet issued: it answers the
 * person's claims the token's scopes allow, and only to applications of that authority.
 */
export async function apiRoutes(app: FastifyInstance, idp: IdentityProvider) {
  // OAuth2 access tokens, not API keys: checked below, the API gate leaves it alone.
  app.withTypeProvider<TypeBoxTypeProvider>().get('/api/v1/collectivites/:tenant/usager', { schema: personClaimsRoute, config: { apiScope: false } }, async (request, reply) => {
    const tenantId = request.params.tenant;
    if (!app.platform.tenants.get(tenantId)) throw new NotFoundError("Cette collectivité n'existe pas.");
    const header = String(request.headers.authorization ?? '');
    const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header)?.[1];
    const challenge = `Bearer realm="${app.platform.publicUrl}", error="invalid_token"`;
    if (!token) {
      reply.header('www-authenticate', `Bearer realm="${app.platform.publicUrl}"`);
      throw new UnauthenticatedError('Présentez un jeton d’accès délivré par Guichet (en-tête Authorization: Bearer).');
    }
    const provider = await idp.get();
    const accessToken = await provider.AccessToken.find(token);
    const client = accessToken ? await provider.Client.find(accessToken.clientId ?? '') : undefined;
    if (!accessToken || !client || !accessToken.accountId) {
      reply.header('www-authenticate', challenge);
      throw new UnauthenticatedError('Ce jeton d’accès est inconnu, expiré ou retiré.');
    }
    if (client['tenant_id'] !== tenantId) {
      throw new ForbiddenError("Ce jeton a été délivré à une application d'une autre collectivité.");
    }
    const person = await personClaims(app.platform.db, accessToken.accountId, String(accessToken.scope ?? '').split(' '));
    if (!person) {
      reply.header('www-authenticate', challenge);
      throw new UnauthenticatedError('Le compte de cette personne n’existe plus.');
    }
    return reply.header('cache-control', 'no-store').send({ collectivite: tenantId, application: client.clientId, ...person.claims });
  });
}
