import { Type } from '@sinclair/typebox';
import { FormBody, NoQuery, Params, Text } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Interaction } from 'oidc-provider';
import { audit } from '../../platform/audit/audit';
import { SCOPES } from './clients.store';
import { saveConsent } from './consents';
import { attachRequest, cspAllowingForms, MOUNT, useIssuerOrigin, type IdentityProvider } from './provider';
import { ConsentPage } from './views/consent';
import { ErrorBody, relayPage } from './views/provider-pages';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const;

/** Where a person signs in: the accounts module's page when it exists, else the agents' one. */
export function signInPath(app: FastifyInstance): string {
  const hasPublic = app.platform.routes.some((r) => r.url === '/connexion' && (r.method === 'GET' || (Array.isArray(r.method) && r.method.includes('GET'))));
  return hasPublic ? '/connexion' : '/admin/connexion';
}

/** oidc-provider's interaction uid (url-safe characters). */
const InteractionParams = Params({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$', maxLength: 100 }) });

export async function interactionRoutes(fastify: FastifyInstance, idp: IdentityProvider) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  // Everything under /oidc that is not an interaction page belongs to oidc-provider (a Koa
  // app): the request leaves Fastify's lifecycle in onRequest, before any body parsing or
  // CSRF check (the provider reads the body itself and protects its own forms), with the
  // platform's security headers already set.
  app.route({
    method: [...METHODS],
    url: `${MOUNT}/*`,
    onRequest: async (request, reply) => {
      const provider = await idp.get();
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value as string);
      reply.hijack();
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      attachRequest(raw, request);
      raw.originalUrl = request.url;
      useIssuerOrigin(raw, idp.issuer, request.ip);
      raw.url = request.url.slice(MOUNT.length) || '/';
      provider.callback()(raw, reply.raw);
    },
    handler: async () => undefined,
  });

  const page = (reply: FastifyReply, title: string, main: preact.ComponentChildren, status = 200) =>
    reply.header('cache-control', 'no-store').page({ title, noindex: true, main, breadcrumb: [{ label: 'Accueil', href: '/' }, { label: title }] }, { status, tenant: platform.tenants.portal() });

  const expired = (reply: FastifyReply) =>
    page(reply, 'Demande de connexion expirée', <ErrorBody code="session_not_found" />, 400);

  async function details(request: FastifyRequest, uid: string, reply: FastifyReply): Promise<Interaction | undefined> {
    const provider = await idp.get();
    try {
      const interaction = await provider.interactionDetails(request.raw, reply.raw);
      return interaction.uid === uid ? interaction : undefined;
    } catch {
      return undefined;
    }
  }

  async function finish(request: FastifyRequest, reply: FastifyReply, result: Parameters<typeof import('oidc-provider').default.prototype.interactionFinished>[2]) {
    const provider = await idp.get();
    reply.hijack();
    await provider.interactionFinished(request.raw, reply.raw, result, { mergeWithLastSubmission: true });
  }

  app.get(`${MOUNT}/interaction/:uid`, { schema: { params: InteractionParams, querystring: NoQuery } }, async (request, reply) => {
    const interaction = await details(request, request.params.uid, reply);
    if (!interaction) return expired(reply);
    const provider = await idp.get();
    const client = await provider.Client.find(String(interaction.params.client_id));
    if (!client) return page(reply, 'Connexion impossible', <ErrorBody code="invalid_client" />, 400);
    const account = await request.currentAccount();

    if (interaction.prompt.name === 'login') {
      if (!account) return reply.redirect(`${signInPath(app)}?suite=${encodeURIComponent(request.url)}`, 303);
      const returnTo = await provider.interactionResult(request.raw, reply.raw, { login: { accountId: account.id, remember: false } }, { mergeWithLastSubmission: false });
      // Back from our own sign-in form: go on from a fresh navigation (see relayPage).
      if (request.headers['sec-fetch-site'] === 'same-origin') {
        return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(relayPage(returnTo, platform.assets.stylesheet.href, client.clientName ?? ''));
      }
      return reply.redirect(returnTo, 303);
    }

    if (!account || account.id !== interaction.session?.accountId) {
      return page(reply, 'Demande de connexion expirée', <ErrorBody code="login_required" />, 400);
    }
    const tenant = platform.tenants.get(String(client['tenant_id'] ?? ''));
    const requested = String(interaction.params.scope ?? '').split(' ');
    const scopes = SCOPES.filter((s) => requested.includes(s) && (client.scope ?? '').split(' ').includes(s));
    const csp = cspAllowingForms(reply.getHeader('content-security-policy') as string | undefined, client.redirectUris);
    if (csp) reply.header('content-security-policy', csp);
    return page(
      reply,
      `Autoriser ${client.clientName ?? 'cette application'}`,
      <ConsentPage
        action={`${MOUNT}/interaction/${interaction.uid}/consentement`}
        csrfToken={await reply.generateCsrf()}
        clientName={client.clientName ?? client.clientId}
        tenantName={tenant?.name ?? 'une collectivité'}
        scopes={scopes}
        personName={account.displayName}
      />,
    );
  });

  app.post(`${MOUNT}/interaction/:uid/consentement`, { schema: { params: InteractionParams, body: FormBody({ decision: Text }) } }, async (request, reply) => {
    const interaction = await details(request, request.params.uid, reply);
    if (!interaction) return expired(reply);
    const account = await request.currentAccount();
    if (!account || interaction.prompt.name !== 'consent' || account.id !== interaction.session?.accountId) {
      return page(reply, 'Demande de connexion expirée', <ErrorBody code="login_required" />, 400);
    }
    const provider = await idp.get();
    const clientId = String(interaction.params.client_id);
    const client = await provider.Client.find(clientId);
    if (!client) return page(reply, 'Connexion impossible', <ErrorBody code="invalid_client" />, 400);
    const actor = { id: account.id, label: account.displayName, ip: request.ip };
    const tenantId = String(client['tenant_id'] ?? '') || null;
    const decision = request.body.decision;

    if (decision !== 'accepter') {
      await audit(platform.db, { action: 'idp.consent_refused', actor, tenantId, targetType: 'idp_client', targetId: clientId });
      return finish(request, reply, { error: 'access_denied', error_description: 'The person refused to share their data with this application' });
    }

    const requested = String(interaction.params.scope ?? '').split(' ');
    const scopes = SCOPES.filter((s) => requested.includes(s) && (client.scope ?? '').split(' ').includes(s));
    const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
    const grant = existing ?? new provider.Grant({ accountId: account.id, clientId });
    grant.addOIDCScope(scopes.join(' '));
    const claims = interaction.prompt.details.missingOIDCClaims;
    if (Array.isArray(claims) && claims.length) grant.addOIDCClaims(claims as string[]);
    const grantId = await grant.save();
    await saveConsent(idp.db, account.id, clientId, grantId, scopes);
    await audit(platform.db, { action: 'idp.consent_given', actor, tenantId, targetType: 'idp_client', targetId: clientId, details: { scopes } });
    return finish(request, reply, { consent: { grantId } });
  });
}
