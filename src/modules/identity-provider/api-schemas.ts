/** The schema of GET /api/v1/collectivites/{tenant}/usager: a person's claims for an authority's application (OAuth2 bearer). */
import { NoQuery } from '../../platform/http/route-schemas';
import { Type } from '@sinclair/typebox';
import { problems, TenantParams } from '../../platform/api/schemas';

export const personClaimsRoute = {
  operationId: 'lire-usager', querystring: NoQuery,
  tags: ['usager'],
  summary: 'La personne connectée, pour une application de la collectivité qu’elle a autorisée',
  description: 'Un jeton d’accès OAuth2 délivré par Guichet (fournisseur OpenID Connect) à une application de cette collectivité, en en-tête Authorization: Bearer. Les informations rendues sont celles que les portées du jeton permettent (profile, email…).',
  security: [{ jeton: [] }],
  params: TenantParams,
  response: {
    200: Type.Object(
      { collectivite: Type.String(), application: Type.String({ description: 'L’identifiant client de l’application.' }), sub: Type.Optional(Type.String({ description: 'L’identifiant de la personne pour cette application.' })) },
      { additionalProperties: true, description: 'Les informations de la personne (claims OpenID Connect) que les portées du jeton permettent.' },
    ),
    ...problems(401, 403, 404),
  },
};
