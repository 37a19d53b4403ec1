import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Platform } from '../../../platform/context';
import { renderDocument, siteContext } from '../../../platform/views/render';
import { Layout, type PageView } from '../../../platform/views/layout';
import { postLogoutRedirectUri, redirectUri, STANDIN_PATH, type FranceConnectSettings } from '../settings';
import { databaseAdapter } from './adapter';
import { identityBySub } from './identities';
import { standinSigningKeys } from './keys';
import { DemoBanner } from './views';

/** FranceConnect's scopes: one per claim of the identité pivot. */
export const FRANCECONNECT_SCOPES = ['openid', 'given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry', 'email', 'preferred_username'] as const;

/**
 * The Fastify request behind a raw request handed to the provider, so the pages the provider
 * renders itself (logout, errors) use Guichet's layout.
 */
export const fastifyRequests = new WeakMap<IncomingMessage, FastifyRequest>();

export async function renderStandinPage(request: FastifyRequest, view: Omit<PageView, 'notice'>): Promise<string> {
  const site = await siteContext(request, request.server.platform.tenants.portal());
  return renderDocument(<Layout site={site} view={{ ...view, noindex: true, notice: <DemoBanner /> }} />);
}

async function renderInKoa(ctx: KoaContextWithOIDC, view: Omit<PageView, 'notice'>): Promise<void> {
  const request = fastifyRequests.get(ctx.req);
  ctx.type = 'html';
  ctx.body = request ? await renderStandinPage(request, view) : `<!doctype html><html lang="fr"><title>${view.title}</title><h1>${view.title}</h1></html>`;
}

/**
 * The local FranceConnect stand-in: oidc-provider configured as FranceConnect behaves (discovery,
 * authorization code with PKCE S256, acr eidas1, the identité pivot scopes and claims, ID token
 * and userinfo signed ES256 or RS256 as FranceConnect v2 does, RP-initiated logout) with one pre-registered client, Guichet itself.
 */
export async function createStandin(platform: Platform, settings: FranceConnectSettings): Promise<Provider> {
  const { config, publicUrl } = platform;
  const keys = await standinSigningKeys(platform.db, config.SESSION_SECRET, settings.signingAlg);
  const cookieKey = createHmac('sha256', config.SESSION_SECRET).update('franceconnect-standin-cookies').digest('base64url');
  const claims: Record<string, string[] | null> = { acr: null, auth_time: null, sid: null, openid: ['sub'] };
  for (const scope of FRANCECONNECT_SCOPES) if (scope !== 'openid') claims[scope] = [scope];

  const configuration: Configuration = {
    clients: [
      {
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        client_name: 'Guichet',
        redirect_uris: [redirectUri(publicUrl)],
        post_logout_redirect_uris: [postLogoutRedirectUri(publicUrl)],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: settings.signingAlg,
        // Like FranceConnect v2: userinfo answers a signed JWT (application/jwt), not plain JSON.
        userinfo_signed_response_alg: settings.signingAlg,
      },
    ],
    adapter: databaseAdapter(platform.db),
    ttl: {
      Session: 8 * 60 * 60,
      Interaction: 15 * 60,
      Grant: 8 * 60 * 60,
      AuthorizationCode: 60,
      AccessToken: 10 * 60,
      IdToken: 60 * 60,
    },
    jwks: { keys: keys as NonNullable<Configuration['jwks']>['keys'] },
    cookies: {
      keys: [cookieKey],
      names: { session: 'fcdemo_session', interaction: 'fcdemo_interaction', resume: 'fcdemo_resume' },
      long: { httpOnly: true, sameSite: 'lax', path: STANDIN_PATH },
      short: { httpOnly: true, sameSite: 'lax', path: STANDIN_PATH },
    },
    scopes: [...FRANCECONNECT_SCOPES],
    claims,
    acrValues: ['eidas1'],
    pkce: { required: () => true },
    responseTypes: ['code'],
    findAccount: (_ctx, sub) => {
      const identity = identityBySub(sub);
      if (!identity) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...identity.claims }) };
    },
    interactions: { url: (_ctx, interaction) => `${STANDIN_PATH}/interaction/${interaction.uid}` },
    // FranceConnect asks no consent of its own here: Guichet is granted every scope it asks.
    loadExistingGrant: async (ctx) => {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) {
        const grant = await ctx.oidc.provider.Grant.find(grantId);
        if (grant) {
          grant.addOIDCScope(FRANCECONNECT_SCOPES.join(' '));
          await grant.save();
          return grant;
        }
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(FRANCECONNECT_SCOPES.join(' '));
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          const action = /action="([^"]+)"/.exec(form)?.[1] ?? '';
          const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
          await renderInKoa(ctx, {
            title: 'Se déconnecter de FranceConnect',
            main: (
              <>
                <p>Vous quittez le service Guichet. Voulez-vous aussi vous déconnecter de FranceConnect ?</p>
                <form method="post" action={action}>
                  <input type="hidden" name="xsrf" value={xsrf} />
                  <p class="actions">
                    <button type="submit" class="button" name="logout" value="yes">
                      Oui, me déconnecter de FranceConnect
                    </button>{' '}
                    <button type="submit" class="button button--secondary">
                      Non, rester connecté à FranceConnect
                    </button>
                  </p>
                </form>
              </>
            ),
          });
        },
        postLogoutSuccessSource: async (ctx) => {
          await renderInKoa(ctx, { title: 'Déconnexion de FranceConnect', main: <p>Vous êtes déconnecté de FranceConnect.</p> });
        },
      },
    },
    renderError: async (ctx, out) => {
      await renderInKoa(ctx, {
        title: 'Erreur de FranceConnect simulé',
        main: (
          <>
            <p>FranceConnect simulé n’a pas pu traiter la demande.</p>
            <p>
              Code de l’erreur : <code>{String(out.error ?? 'server_error')}</code>
            </p>
            <p>
              <a href="/">Revenir à l’accueil de Guichet</a>
            </p>
          </>
        ),
      });
    },
  };
  const provider = new Provider(settings.issuer, configuration);
  provider.proxy = config.TRUST_PROXY;
  // An address the stand-in does not serve: a French page, not Koa's bare "Not Found".
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.status === 404 && ctx.body == null) {
      await renderInKoa(ctx as KoaContextWithOIDC, { title: 'Page introuvable – FranceConnect simulé', main: <p>La page demandée n’existe pas sur FranceConnect simulé.</p> });
      ctx.status = 404;
    }
  });
  return provider;
}
