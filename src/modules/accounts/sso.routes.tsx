import { randomBytes } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Query, Text } from '../../platform/http/route-schemas';
import { openSession } from '../../platform/auth/open-session';
import { sessionId } from '../../platform/auth/sessions';
import { audit } from '../../platform/audit/audit';
import { NotFoundError } from '../../platform/http/errors';
import type { Tenant } from '../../platform/db/tables';
import { Notice } from '../../platform/views/components';
import { safeLocalPath } from './service';
import { consumeSsoCode, findAccount, issueSsoCode } from './store';

/**
 * One account on every host. The portal (PUBLIC_URL) and /collectivites/<id>/ share one cookie;
 * a tenant's own host name (brest.localhost) cannot read the portal's cookie, so it asks the
 * portal: /connexion there redirects to <portal>/sso/autoriser, which (once the person is signed
 * in at the portal) sends back a single-use 60-second code to <tenant host>/sso/retour only,
 * where it becomes a session of the same account linked to the portal's session.
 */

const STATE_COOKIE = 'guichet_sso_etat';

function portalHostname(publicUrl: string): string {
  return new URL(publicUrl).hostname.toLowerCase();
}

/** The tenant whose own host name this request came to, if it is not the portal's host. */
export function tenantHostOf(request: FastifyRequest): Tenant | undefined {
  const { tenants, publicUrl } = request.server.platform;
  const tenant = tenants.forHost(request.headers.host);
  if (!tenant?.host || tenant.host.toLowerCase() === portalHostname(publicUrl)) return undefined;
  return tenant;
}

/** On a tenant host, /connexion asks the portal; elsewhere returns undefined. */
export function startSsoIfTenantHost(request: FastifyRequest, reply: FastifyReply, next: string): FastifyReply | undefined {
  const tenant = tenantHostOf(request);
  if (!tenant) return undefined;
  const { publicUrl, config } = request.server.platform;
  // Bound to this browser: a code obtained by someone else cannot sign this browser in.
  const state = randomBytes(16).toString('base64url');
  reply.setCookie(STATE_COOKIE, state, { path: '/sso', httpOnly: true, sameSite: 'lax', secure: config.NODE_ENV === 'production', maxAge: 600 });
  const query = new URLSearchParams({ hote: tenant.host!, suite: next, etat: state });
  return reply.redirect(`${publicUrl}/sso/autoriser?${query}`, 303);
}

export async function ssoRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  const problem = (reply: FastifyReply, text: string, retry: string, status = 400) =>
    reply.page(
      {
        title: 'Connexion impossible',
        noindex: true,
        main: (
          <>
            <Notice kind="warning">
              <p>{text}</p>
            </Notice>
            <p>
              <a href={retry}>Recommencer la connexion</a>
            </p>
          </>
        ),
      },
      { status },
    );

  // On the portal: hand a signed-in person over to a registered tenant host.
  app.get('/sso/autoriser', { schema: { querystring: Query({ hote: Text, suite: Text, etat: Text }) } }, async (request, reply) => {
    if (tenantHostOf(request)) throw new NotFoundError();
    const query = request.query;
    const tenant = platform.tenants.forHost(query.hote);
    const state = typeof query.etat === 'string' && /^[\w-]{8,64}$/.test(query.etat) ? query.etat : undefined;
    // Only the host names of registered tenants: never an open redirect.
    if (!tenant?.host || String(query.hote).toLowerCase() !== tenant.host.toLowerCase() || tenant.host.toLowerCase() === portalHostname(platform.publicUrl) || !state) {
      return problem(reply, 'L’adresse de retour demandée n’est pas celle d’une collectivité présente sur Guichet.', '/connexion');
    }
    const next = safeLocalPath(query.suite, '/');
    const account = await request.currentAccount();
    if (!account) return reply.redirect(`/connexion?suite=${encodeURIComponent(request.url)}`, 303);
    const code = await issueSsoCode(platform.db, {
      accountId: account.id,
      host: tenant.host.toLowerCase(),
      parentSession: sessionId(account.sessionToken),
      data: account.session.data.mfa === undefined ? {} : { mfa: account.session.data.mfa },
    });
    const portal = new URL(platform.publicUrl);
    const target = new URL(`${portal.protocol}//${tenant.host}${portal.port ? `:${portal.port}` : ''}/sso/retour`);
    target.search = new URLSearchParams({ code, suite: next, etat: state }).toString();
    // Back from the portal's own sign-in form (password, code page, FranceConnect's return):
    // browsers apply that form page's `form-action 'self'` to every redirect that follows it,
    // and the tenant host is another origin. So the way on starts from a fresh navigation: a
    // small page that goes on at once (HTTP Refresh), with a link. Found by the browser
    // journey test/e2e/single-account.test.ts.
    if (request.headers['sec-fetch-site'] === 'same-origin') {
      return reply
        .header('cache-control', 'no-store')
        .header('refresh', `0;url=${target.toString()}`)
        .page({
          title: 'Connexion en cours',
          heading: 'Vous êtes connecté',
          noindex: true,
          main: (
            <p>
              <a href={target.toString()}>Continuer vers {tenant.name}</a>
            </p>
          ),
        });
    }
    return reply.redirect(target.toString(), 303);
  });

  // On a tenant host: the code becomes a session of the same account.
  app.get('/sso/retour', { schema: { querystring: Query({ code: Text, suite: Text, etat: Text }) } }, async (request, reply) => {
    const tenant = tenantHostOf(request);
    if (!tenant) throw new NotFoundError();
    const query = request.query;
    const next = safeLocalPath(query.suite, '/');
    const retry = `/connexion?suite=${encodeURIComponent(next)}`;
    const expected = request.cookies[STATE_COOKIE];
    reply.clearCookie(STATE_COOKIE, { path: '/sso' });
    if (!expected || query.etat !== expected) {
      return problem(reply, 'Cette connexion n’a pas été demandée depuis ce navigateur, ou a pris trop de temps.', retry);
    }
    const used = await consumeSsoCode(platform.db, query.code, tenant.host!.toLowerCase());
    const parentAlive = used && (await platform.sessions.listFor(used.accountId)).some((s) => s.id === used.parentSession);
    const account = used && parentAlive ? await findAccount(platform.db, used.accountId) : undefined;
    if (!used || !account || account.disabled_at) {
      await audit(platform.db, { action: 'auth.sso_refused', ip: request.ip, tenantId: tenant.id, details: { host: tenant.host } });
      return problem(reply, 'Ce lien de connexion n’est plus valable (il ne sert qu’une fois, pendant une minute).', retry);
    }
    await openSession(request, reply, { id: account.id, displayName: account.display_name }, {
      method: 'sso',
      data: { ...(used.data.mfa === undefined ? {} : { mfa: used.data.mfa }), ssoParent: used.parentSession, host: tenant.host },
    });
    return reply.redirect(next, 303);
  });
}
