import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NoQuery } from '../../platform/http/route-schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../platform/audit/audit';
import { AppError, NotFoundError, UnauthenticatedError } from '../../platform/http/errors';
import { problemAnswer } from '../../platform/api/schemas';
import { personApplication, personApplications } from '../applications';
import { readProfile, type FieldSource, type Profile, type ProfileField } from '../profile';
import { personToken, type PersonToken } from './bearer';
import type { IdentityProvider } from './provider';
import {
  ApplicationListQuery,
  ApplicationListResponse,
  ApplicationParams,
  ApplicationResponse,
  errorResponses,
  ProfileResponse,
} from './person-api.schemas';

const BEARER = 'Un jeton d’accès OAuth2 délivré par Guichet (code d’autorisation + PKCE) à une application que la personne a autorisée, en en-tête Authorization: Bearer.';

const ORIGINE: Record<FieldSource, 'certifiee' | 'declaree' | 'demarche'> = { franceconnect: 'certifiee', declared: 'declaree', application: 'demarche' };

function field<T, U>(source: ProfileField<T> | undefined, map: (value: T) => U) {
  if (!source || source.value === undefined || source.value === '') return undefined;
  return { valeur: map(source.value), origine: ORIGINE[source.source], recue_le: source.receivedAt.toISOString() };
}
const same = <T,>(value: T) => value;

/** The profile under the API's French names, each field with where it comes from. */
export function profileBody(profile: Profile): ProfileResponse['profil'] {
  return {
    prenoms: field(profile.given_name, same),
    nom: field(profile.family_name, same),
    nom_usage: field(profile.preferred_username, same),
    date_naissance: field(profile.birthdate, same),
    sexe: field(profile.gender, same),
    commune_naissance: field(profile.birthplace, same),
    pays_naissance: field(profile.birthcountry, same),
    courriel_franceconnect: field(profile.email, same),
    adresse: field(profile.address, (a) => ({ voie: a.street, code_postal: a.postal_code, code_commune: a.commune_code, commune: a.commune_name })),
    telephone: field(profile.phone, same),
    situation: field(profile.situation, same),
    foyer: field(profile.household, (h) => ({ adultes: h.adults, enfants: h.children })),
    organisation: field(profile.organisation, (o) => ({ siret: o.siret, type: o.type, ...(o.name ? { nom: o.name } : {}) })),
  };
}

/**
 * The person's own data for an application they allowed (OAuth2, docs/api.md « Les données
 * d'une personne »): their profile (`profil:lecture`) and their applications (`demarches:lecture`)
 * made to the authority that registered the application — never another authority's, never
 * another person's. Every answer is `no-store` and every read is in the audit trail.
 */
export async function personApiRoutes(app: FastifyInstance, idp: IdentityProvider) {
  const { platform } = app;
  const realm = platform.publicUrl;
  const tokens = new WeakMap<FastifyRequest, PersonToken>();
  const tokenOf = (request: FastifyRequest) => tokens.get(request)!;
  const limit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

  const read = (request: FastifyRequest, token: PersonToken, target: { type: string; id: string }, details: Record<string, unknown> = {}) =>
    audit(platform.db, {
      action: 'idp.personal_data_read',
      actorId: token.accountId,
      actorLabel: `Application « ${token.clientName} »`,
      ip: request.ip,
      tenantId: token.tenantId,
      targetType: target.type,
      targetId: target.id,
      details: { client_id: token.clientId, route: request.routeOptions.url, scope: request.routeOptions.config.apiScope, ...details },
    });

  const badRequest = (request: FastifyRequest) => {
    if (!request.validationError) return;
    throw new AppError(400, 'bad_request', 'Demande incorrecte', 'Le paramètre « statut » doit être un des statuts documentés (depose, en_instruction, accepte…).');
  };

  await app.register(async (scoped) => {
    const typed = scoped.withTypeProvider<TypeBoxTypeProvider>();
    // Before validation: a caller without a valid token learns nothing about the parameters.
    scoped.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const token = await personToken(request, reply, idp, realm);
      // A deleted or disabled account: its tokens are worthless.
      const account = await platform.db.selectFrom('platform_accounts').select('id').where('id', '=', token.accountId).where('disabled_at', 'is', null).executeTakeFirst();
      if (!account) {
        reply.header('www-authenticate', `Bearer realm="${realm}", error="invalid_token"`);
        throw new UnauthenticatedError('Le compte de cette personne n’existe plus.');
      }
      tokens.set(request, token);
    });

    typed.get(
      '/api/v1/moi',
      {
        config: { apiScope: 'profil:lecture', ...limit },
        schema: {
          operationId: 'lire-mon-profil', querystring: NoQuery,
          tags: ['usager'],
          summary: 'Le profil de la personne',
          description: BEARER + ' Portée « profil:lecture ».',
          security: [{ jeton: [] }],
          response: { 200: ProfileResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const token = tokenOf(request);
        const account = await platform.db.selectFrom('platform_accounts').select(['id', 'email']).where('id', '=', token.accountId).executeTakeFirstOrThrow();
        const body: ProfileResponse = { id: account.id, courriel: account.email, profil: profileBody(await readProfile(platform.db, account.id)) };
        await read(request, token, { type: 'account', id: account.id });
        return reply.send(body);
      },
    );

    typed.get(
      '/api/v1/moi/demarches',
      {
        config: { apiScope: 'demarches:lecture', ...limit },
        attachValidation: true,
        schema: {
          operationId: 'lister-mes-demarches',
          tags: ['usager'],
          summary: 'Les demandes de la personne à la collectivité de l’application',
          description: BEARER + ' Portée « demarches:lecture ». Seules les demandes faites à la collectivité qui a enregistré l’application sont listées, brouillons compris.',
          security: [{ jeton: [] }],
          querystring: ApplicationListQuery,
          response: { 200: ApplicationListResponse, 400: problemAnswer('Le filtre « statut » n’est pas un état connu.'), ...errorResponses },
        },
      },
      async (request, reply) => {
        badRequest(request);
        const token = tokenOf(request);
        const { statut } = request.query;
        const demarches = await personApplications(platform.db, token.accountId, token.tenantId, statut);
        await read(request, token, { type: 'account', id: token.accountId }, { count: demarches.length });
        return reply.send({ collectivite: { id: token.tenantId, nom: platform.tenants.get(token.tenantId)?.name ?? token.tenantId }, demarches });
      },
    );

    typed.get(
      '/api/v1/moi/demarches/:id',
      {
        config: { apiScope: 'demarches:lecture', ...limit },
        attachValidation: true,
        schema: {
          operationId: 'lire-ma-demarche', querystring: NoQuery,
          tags: ['usager'],
          summary: 'Une demande de la personne : où elle en est, son historique, ses messages',
          description: BEARER + ' Portée « demarches:lecture ». Une demande d’une autre personne ou faite à une autre collectivité répond 404.',
          security: [{ jeton: [] }],
          params: ApplicationParams,
          response: { 200: ApplicationResponse, 404: problemAnswer('Aucune demande de cette personne à cette collectivité n’a cet identifiant.'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const token = tokenOf(request);
        const missing = new NotFoundError('Aucune de vos demandes à cette collectivité n’a cet identifiant.');
        // Not a UUID: it cannot name an application, the same answer as someone else's.
        if (request.validationError) throw missing;
        const { id } = request.params;
        const application = await personApplication(platform.db, token.accountId, token.tenantId, id);
        if (!application) {
          await audit(platform.db, {
            action: 'idp.personal_data_refused',
            actorId: token.accountId,
            actorLabel: `Application « ${token.clientName} »`,
            ip: request.ip,
            tenantId: token.tenantId,
            targetType: 'application',
            targetId: id,
            details: { client_id: token.clientId, route: request.routeOptions.url, reason: 'not_found' },
          });
          throw missing;
        }
        await read(request, token, { type: 'application', id: application.id }, { reference: application.reference });
        return reply.send(application);
      },
    );
  });
}
