/**
 * TypeBox schemas shared by the API's routes: the problem answer (RFC 9457), pagination, and the
 * small shapes several capabilities return. A schema with an `$id` becomes a named component
 * of the OpenAPI document (openapi.ts hoists it); the others stay inline.
 */
import { Type, type TSchema } from '@sinclair/typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'Adresse qui nomme le problème (ou about:blank).' }),
    title: Type.String({ description: 'Le problème en quelques mots, en français.' }),
    status: Type.Integer({ description: 'Le code HTTP de la réponse.' }),
    detail: Type.String({ description: 'Ce qui ne va pas et comment y remédier, en français.' }),
    code: Type.Optional(Type.String({ description: 'Identifiant stable du problème (anglais), pour les programmes.', examples: ['bad_parameter', 'not_found', 'too_many_requests'] })),
    instance: Type.Optional(Type.String({ description: 'L’adresse demandée.' })),
    errors: Type.Optional(
      Type.Union(
        [
          Type.Array(Type.Object({ pointer: Type.String({ examples: ['#/page'] }), detail: Type.String() }), { description: 'Chaque champ en cause (pointeur JSON) avec son message.' }),
          Type.Record(Type.String(), Type.String(), { description: 'Chaque champ en cause avec son message.' }),
        ],
        { description: 'Les champs en cause, avec un message en français pour chacun.' },
      ),
    ),
  },
  { $id: 'Probleme', title: 'Problème', description: 'Une erreur au format RFC 9457 (application/problem+json), en français.' },
);

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Paramètre ou corps invalide : chaque champ en cause a son message (errors).',
  401: 'Authentification nécessaire ou jeton refusé.',
  403: 'Accès refusé.',
  404: 'Introuvable.',
  422: 'Des valeurs à corriger : chaque champ en cause a son message (errors).',
  429: 'Trop de requêtes : réessayez après le délai de l’en-tête Retry-After.',
};

/** A problem answer (application/problem+json) described for one status. */
export function problemAnswer(description: string) {
  return { description, content: { 'application/problem+json': { schema: ProblemSchema } } };
}

/**
 * The problem answers of an operation, by status: `problems(400, 404)`. Every API operation may
 * also answer 429 (rate limits), so it is always declared.
 */
export function problems(...statuses: number[]): Record<number, ReturnType<typeof problemAnswer>> {
  const answers: Record<number, ReturnType<typeof problemAnswer>> = {};
  for (const status of [...new Set([...statuses, 429])]) answers[status] = problemAnswer(PROBLEM_DESCRIPTIONS[status] ?? 'Erreur.');
  return answers;
}

/** `page` and `par_page` of a paginated list (1-based; at most 100 per page). */
export const PaginationQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1, description: 'Le numéro de la page, à partir de 1.' })),
  par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Le nombre d’éléments par page (100 au plus).' })),
};

/** The envelope of a paginated list of `item`. */
export function Paginated<T extends TSchema>(item: T, description: string) {
  return Type.Object(
    {
      total: Type.Integer({ minimum: 0, description: 'Le nombre total d’éléments.' }),
      page: Type.Integer({ minimum: 1 }),
      par_page: Type.Integer({ minimum: 1 }),
      pages: Type.Integer({ minimum: 0, description: 'Le nombre de pages (0 quand la liste est vide).' }),
      resultats: Type.Array(item),
    },
    { description },
  );
}

/** What a paginated answer says about its page, from the total and the asked page. */
export function pageInfo(total: number, page = 1, perPage = 20) {
  return { total, page, par_page: perPage, pages: Math.ceil(total / perPage), offset: (page - 1) * perPage };
}

/** A reference to an authority (tenant) of Guichet. */
export const TenantRefSchema = Type.Object({ id: Type.String({ examples: ['brest'] }), nom: Type.String() }, { description: 'Une collectivité de Guichet.' });

/** The `collectivite` path parameter: the identifier of an authority. */
export const TenantParams = Type.Object({ tenant: Type.String({ pattern: '^[a-z0-9-]{1,60}$', description: 'Identifiant d’une collectivité (par exemple « brest »).', examples: ['brest'] }) });

/** A slug path parameter (pages, news, datasets). */
export const SlugParam = (description: string) => Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,120}$', description });

/** Nullable, the OpenAPI 3.1 way (`type: [T, 'null']` through anyOf). */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The body of a CSV answer: streamed or sent as text, never serialised by a schema. */
export const CsvText = Type.String({ description: 'Un fichier CSV (UTF-8, séparateur virgule, première ligne : les noms des colonnes).' });
