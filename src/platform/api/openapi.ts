/**
 * The API's OpenAPI 3.1 document, generated from the routes' TypeBox schemas (@fastify/swagger)
 * and served at /api/v1/openapi.json. Only routes under /api/ are described; the HTML routes
 * keep their schemas for validation but are hidden. A schema with an `$id` becomes a named
 * component (`#/components/schemas/<$id>`). Registered before the modules: @fastify/swagger
 * collects routes as they are added.
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { Type } from '@sinclair/typebox';
import { registerApiCors } from './cors';
import { problems } from './schemas';

/** The API's capabilities, in the order the document lists them. */
export const API_TAGS = [
  { name: 'aides', description: 'Le référentiel des aides publiques, au format ouvert de Guichet.' },
  { name: 'eligibilite', description: 'Le calcul d’éligibilité aux aides, avec ses raisons en mots simples.' },
  { name: 'recherche', description: 'La recherche unique sur tout Guichet, et les recherches restées sans résultat.' },
  { name: 'lieux', description: 'Les lieux d’aide humaine : France Services, médiation numérique, points d’accueil.' },
  { name: 'collectivites', description: 'Les collectivités de Guichet, leurs pages et leurs actualités.' },
  { name: 'orientation', description: 'Formations, fiches métiers et agenda de l’orientation.' },
  { name: 'donnees', description: 'Le catalogue des données ouvertes et les signalements d’erreurs.' },
  { name: 'usager', description: 'Les données d’une personne, pour une application qu’elle a autorisée (OAuth2).' },
  { name: 'document', description: 'Ce document.' },
];

type Schema = Record<string, unknown>;

/** Named schemas met in responses' `content` (problem answers), which @fastify/swagger would inline. */
const contentComponents = new Map<string, Schema>();

/**
 * A top-level schema with an `$id` would be inlined by @fastify/swagger; wrapped, it is hoisted
 * like the nested ones and named by its `$id`. Inside a `content` map, swagger hoists nothing:
 * the schema is replaced by a reference and kept for the document's components.
 */
function named(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as Schema;
  if (typeof s.$id === 'string') return { ...(s.description ? { description: s.description } : {}), allOf: [s] };
  if (s.content && typeof s.content === 'object') {
    const content = Object.entries(s.content as Record<string, Schema>).map(([type, media]) => [type, media.schema ? { ...media, schema: hoisted(media.schema) } : media]);
    return { ...s, content: Object.fromEntries(content) };
  }
  return s;
}

/** Every schema with an `$id` in `schema` becomes a reference to a component of that name; local `$ref`s by name follow. */
function hoisted(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(hoisted);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) copy.$ref = `#/components/schemas/${value}`;
    else if (key !== '$id') copy[key] = hoisted(value);
  }
  const id = (schema as Schema).$id;
  if (typeof id !== 'string') return copy;
  contentComponents.set(id, copy);
  return { $ref: `#/components/schemas/${id}` };
}

function describe(schema: FastifySchema): FastifySchema {
  const response = schema.response as Record<string, unknown> | undefined;
  return {
    ...schema,
    ...(schema.body ? { body: named(schema.body) } : {}),
    ...(response ? { response: Object.fromEntries(Object.entries(response).map(([status, s]) => [status, named(s)])) } : {}),
  };
}

export async function registerOpenApi(app: FastifyInstance, options: { publicUrl: string }): Promise<void> {
  // Answers are serialised as before (JSON.stringify): a schema documents and tests an answer,
  // it never drops or reshapes a field of it, and big answers cost no more.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Guichet – API publique',
        version: '1.0.0',
        description:
          'Les services publics numériques de la Région et des collectivités de Guichet, en API : aides et calcul d’éligibilité, recherche, lieux d’aide, collectivités, pages et actualités, orientation, données ouvertes. Réponses en JSON, erreurs au format RFC 9457 (application/problem+json) en français, ouvert à toutes les origines (CORS). Sans clé, les données ouvertes restent accessibles à un débit réduit ; une clé d’API (en-tête X-Api-Key ou Authorization: Bearer) donne des quotas propres à votre application. Guide : docs/api.md.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
        contact: { name: 'Guichet', url: `${options.publicUrl}/developpeurs` },
      },
      servers: [{ url: options.publicUrl, description: 'Cette instance de Guichet' }],
      tags: API_TAGS,
      components: {
        securitySchemes: {
          cleApi: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'La clé d’API de votre application (facultative pour les données ouvertes).' },
          jeton: { type: 'http', scheme: 'bearer', description: 'La clé d’API, ou un jeton d’accès OAuth2 délivré par Guichet, en en-tête Authorization: Bearer.' },
        },
      },
      // Keys are accepted, never required for open data: « {} » says anonymous access works.
      security: [{}, { cleApi: [] }, { jeton: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transformObject: (documents) => {
      const document = (documents as { openapiObject: { components?: { schemas?: Record<string, unknown> } } }).openapiObject;
      document.components = { ...document.components, schemas: { ...Object.fromEntries(contentComponents), ...document.components?.schemas } };
      return document as never;
    },
    transform: ({ schema, url }) => {
      const base = (schema ?? {}) as FastifySchema;
      if (!url.startsWith('/api/')) return { schema: { ...base, hide: true }, url };
      return { schema: describe(base), url };
    },
  });

  app.get(
    '/api/v1/openapi.json',
    {
      schema: {
        operationId: 'document-openapi',
        summary: 'Ce document OpenAPI 3.1, produit à partir des routes',
        tags: ['document'],
        security: [{}],
        response: { 200: Type.Object({ openapi: Type.String(), info: Type.Object({}), paths: Type.Object({}) }, { description: 'Le document OpenAPI 3.1.', additionalProperties: true }), ...problems() },
      },
      config: { apiScope: false },
    },
    async (_request, reply) => reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=300').send(app.swagger()),
  );

  // Open to every origin, errors and preflights included; never with cookies (cors.ts).
  registerApiCors(app);
}
