/** The schemas of the person's API (/api/v1/moi…): validation, serialisation and the OpenAPI document. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { PersonApplicationDetail, PersonApplicationSummary } from '../applications';
import { APPLICATION_STATUSES } from '../applications';
import { problemAnswer, ProblemSchema } from '../../platform/api/schemas';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The RFC 9457 problem answer, shared with the whole API. */
export const Problem = ProblemSchema;

/** Where each field of the profile comes from. */
const Origine = Type.Union([Type.Literal('certifiee'), Type.Literal('declaree'), Type.Literal('demarche')], {
  description: 'certifiee : transmise par FranceConnect ; declaree : écrite par la personne ; demarche : reprise d’une demande envoyée.',
});

const Field = <T extends TSchema>(value: T, description: string) =>
  Type.Optional(Type.Object({ valeur: value, origine: Origine, recue_le: DateTime }, { description }));

export const ProfileResponse = Type.Object({
  id: Type.String({ description: 'Identifiant de la personne (le même que le « sub » OpenID Connect).' }),
  courriel: Type.String({ description: 'Adresse électronique du compte Guichet.' }),
  profil: Type.Object({
    prenoms: Field(Type.String(), 'Prénoms.'),
    nom: Field(Type.String(), 'Nom de naissance.'),
    nom_usage: Field(Type.String(), 'Nom d’usage.'),
    date_naissance: Field(Type.String({ format: 'date' }), 'Date de naissance.'),
    sexe: Field(Type.Union([Type.Literal('female'), Type.Literal('male')]), 'Sexe, comme FranceConnect le nomme.'),
    commune_naissance: Field(Type.String(), 'Code COG de la commune de naissance (vide si née à l’étranger).'),
    pays_naissance: Field(Type.String(), 'Code COG du pays de naissance (99100 : France).'),
    courriel_franceconnect: Field(Type.String(), 'Adresse électronique transmise par FranceConnect.'),
    adresse: Field(Type.Object({ voie: Type.String(), code_postal: Type.String(), code_commune: Type.String(), commune: Type.String() }), 'Adresse postale.'),
    telephone: Field(Type.String(), 'Téléphone.'),
    situation: Field(Type.String(), 'Situation (etudiant, salarie, demandeur_emploi…).'),
    foyer: Field(Type.Object({ adultes: Type.Integer(), enfants: Type.Integer() }), 'Composition du foyer.'),
    organisation: Field(Type.Object({ siret: Type.String(), type: Type.String(), nom: Type.Optional(Type.String()) }), 'Organisme pour lequel la personne agit.'),
  }),
});
export type ProfileResponse = Static<typeof ProfileResponse>;

const STATUS_VALUES = Object.keys(APPLICATION_STATUSES) as Array<keyof typeof APPLICATION_STATUSES>;
const Status = Type.Union(
  STATUS_VALUES.map((status) => Type.Literal(status)),
  { description: STATUS_VALUES.map((s) => `${s} : ${APPLICATION_STATUSES[s]}`).join(' ; ') },
);

const Summary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Nullable(Type.String({ description: 'Numéro de la demande (BZH-AAAA-NNNNNN), null tant qu’elle n’est pas déposée.' })),
  aide: Type.Object({ id: Type.String(), nom: Type.String() }),
  collectivite: Type.String({ description: 'La collectivité qui examine la demande.' }),
  statut: Status,
  statut_libelle: Type.String(),
  prochaine_etape: Type.String(),
  creee_le: DateTime,
  deposee_le: Nullable(DateTime),
  mise_a_jour_le: DateTime,
});

export const ApplicationListResponse = Type.Object({
  collectivite: Type.Object({ id: Type.String(), nom: Type.String() }, { description: 'Seules les demandes faites à la collectivité de l’application sont listées.' }),
  demarches: Type.Array(Summary),
});

export const ApplicationResponse = Type.Composite([
  Summary,
  Type.Object({
    decision: Nullable(Type.Object({ motivation: Nullable(Type.String()), montant_accorde: Nullable(Type.String()), decidee_le: Nullable(DateTime) })),
    historique: Type.Array(
      Type.Object({
        le: DateTime,
        par: Type.Union([Type.Literal('usager'), Type.Literal('agent'), Type.Literal('systeme')]),
        action: Type.String(),
        action_libelle: Type.String(),
        de: Nullable(Status),
        vers: Nullable(Status),
        note: Nullable(Type.String()),
      }),
    ),
    messages: Type.Array(
      Type.Object({
        le: DateTime,
        de: Type.Union([Type.Literal('usager'), Type.Literal('agent')]),
        texte: Type.String(),
        documents_demandes: Type.Array(Type.String()),
      }),
    ),
  }),
]);

export const ApplicationListQuery = Type.Object({ statut: Type.Optional(Status) }, { additionalProperties: false });
export type ApplicationListQuery = Static<typeof ApplicationListQuery>;
export const ApplicationParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'L’identifiant « id » d’une demande de la liste.' }) });
export type ApplicationParams = Static<typeof ApplicationParams>;

/** The answers the applications module builds must be what the schemas promise (checked by tsc). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const summaryMatches: Same<Static<typeof Summary>, PersonApplicationSummary> = true;
const detailMatches: Same<Static<typeof ApplicationResponse>, PersonApplicationDetail> = true;
void summaryMatches;
void detailMatches;

/** Errors every route of the person's API may answer. */
export const errorResponses = {
  401: problemAnswer('Pas de jeton, ou jeton inconnu, expiré ou retiré (WWW-Authenticate: Bearer error="invalid_token").'),
  403: problemAnswer('Le jeton n’a pas la portée demandée (WWW-Authenticate: Bearer error="insufficient_scope").'),
  429: problemAnswer('Trop de requêtes : réessayez après le délai de l’en-tête Retry-After.'),
};
