import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FormBody, NoQuery, Params, Text } from '../../../platform/http/route-schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { audit } from '../../../platform/audit/audit';
import { ErrorSummary, Form, RadioGroup, SubmitButton } from '../../../platform/views/form';
import { franceConnectSettings, STANDIN_PATH } from '../settings';
import { identityByKey, subOf, TEST_IDENTITIES } from './identities';
import { createStandin, fastifyRequests, renderStandinPage } from './provider';

/**
 * Mounts the stand-in in Guichet's Fastify app. As oidc-provider's documentation does for
 * Express or Fastify (`use(prefix, provider.callback())`), the prefix is stripped from the raw
 * request's URL and kept in `originalUrl`, then the provider's Koa callback answers on the raw
 * request. This happens in the route's onRequest hook, before Fastify parses the body (the
 * provider reads it itself) and before the CSRF check (the token endpoint is called by the
 * relying party, the provider protects its own forms). The identity-picking pages are ordinary
 * Guichet routes, with our layout, CSP and CSRF tokens.
 */
/** oidc-provider's interaction uid (url-safe characters). */
const InteractionParams = Params({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$', maxLength: 100 }) });

export async function standinRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  let provider: Promise<Provider> | undefined;
  // Built on first use: the issuer is publicUrl, certain only once the app listens.
  const standin = () => {
    provider ??= createStandin(platform, franceConnectSettings(platform)!).catch((error: unknown) => {
      provider = undefined;
      throw error;
    });
    return provider;
  };

  app.route({
    method: ['GET', 'POST', 'OPTIONS'],
    url: `${STANDIN_PATH}/*`,
    onRequest: async (request, reply) => {
      const oidc = await standin();
      reply.hijack();
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      const url = raw.url ?? '/';
      raw.originalUrl = url;
      raw.url = url.slice(STANDIN_PATH.length) || '/';
      fastifyRequests.set(raw, request);
      oidc.callback()(raw, reply.raw);
    },
    handler: async () => undefined,
  });

  const interactionPath = `${STANDIN_PATH}/interaction/:uid`;

  const pickPage = async (request: FastifyRequest, reply: FastifyReply, uid: string, error?: string) =>
    reply
      .status(error ? 422 : 200)
      .type('text/html; charset=utf-8')
      .send(
        await renderStandinPage(request, {
          title: error ? 'Erreur : Choisir une identité – FranceConnect simulé' : 'Choisir une identité – FranceConnect simulé',
          heading: 'Choisir une identité',
          main: (
            <>
              <p>
                Guichet vous demande de vous identifier avec FranceConnect. Ici, pas de vrai compte : choisissez une des personnes fictives
                ci-dessous. Guichet recevra son identité comme si FranceConnect l’avait vérifiée.
              </p>
              {error ? <ErrorSummary errors={{ identite: error }} labels={{ identite: 'Identité' }} /> : null}
              <Form action={`${STANDIN_PATH}/interaction/${uid}`} csrfToken={await reply.generateCsrf()}>
                <RadioGroup
                  name="identite"
                  legend="Avec quelle personne fictive voulez-vous continuer ?"
                  error={error}
                  options={TEST_IDENTITIES.map((identity) => ({
                    value: identity.key,
                    label: `${identity.claims.given_name} ${identity.claims.preferred_username || identity.claims.family_name}`,
                    detail: identity.summary,
                  }))}
                />
                <p class="actions">
                  <SubmitButton>Continuer avec cette identité</SubmitButton>
                  <SubmitButton name="action" value="annuler" secondary>
                    Annuler et revenir sur Guichet
                  </SubmitButton>
                </p>
              </Form>
            </>
          ),
        }),
      );

  const expired = async (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .status(400)
      .type('text/html; charset=utf-8')
      .send(
        await renderStandinPage(request, {
          title: 'Demande expirée – FranceConnect simulé',
          heading: 'Cette demande de connexion a expiré',
          main: (
            <p>
              Recommencez depuis Guichet : <a href="/">revenir à l’accueil</a>.
            </p>
          ),
        }),
      );

  app.get(interactionPath, { schema: { params: InteractionParams, querystring: NoQuery } }, async (request, reply) => {
    const { uid } = request.params;
    const oidc = await standin();
    const details = await oidc.interactionDetails(request.raw, reply.raw).catch(() => undefined);
    if (!details || details.uid !== uid) return expired(request, reply);
    return pickPage(request, reply, uid);
  });

  app.post(interactionPath, { schema: { params: InteractionParams, body: FormBody({ action: Text, identite: Text }) } }, async (request, reply) => {
    const { uid } = request.params;
    const body = request.body;
    const oidc = await standin();
    const details = await oidc.interactionDetails(request.raw, reply.raw).catch(() => undefined);
    if (!details || details.uid !== uid) return expired(request, reply);
    if (body.action === 'annuler') {
      const to = await oidc.interactionResult(request.raw, reply.raw, { error: 'access_denied', error_description: 'La personne a annulé.' }, { mergeWithLastSubmission: false });
      return reply.redirect(to, 303);
    }
    const identity = typeof body.identite === 'string' ? identityByKey(body.identite) : undefined;
    if (!identity) return pickPage(request, reply, uid, 'Choisissez une des personnes proposées.');
    await audit(platform.db, { action: 'franceconnect.standin.sign_in', ip: request.ip, details: { identity: identity.key } });
    const to = await oidc.interactionResult(request.raw, reply.raw, { login: { accountId: subOf(identity), acr: 'eidas1', amr: ['pwd'] } }, { mergeWithLastSubmission: false });
    return reply.redirect(to, 303);
  });
}
