/** The schemas of GET /api/v1/aides: the aid format (format.ts, docs/aid-format.md) with the publishing authority. */
import { Type } from '@sinclair/typebox';
import { CsvText, Nullable } from '../../platform/api/schemas';
import { AidSchema } from './format';

const format = JSON.parse(JSON.stringify(AidSchema)) as { properties: Record<string, unknown>; required?: string[] };

export const ExportedAidSchema = Type.Unsafe<Record<string, unknown>>({
  ...format,
  $id: 'Aide',
  title: 'Aide publique (format Guichet)',
  description: 'Une aide publique et ses conditions d’éligibilité structurées (docs/aid-format.md, /docs/aid.schema.json), avec la collectivité qui la publie.',
  properties: { collectivite: { type: 'string', description: 'La collectivité de Guichet qui publie l’aide.' }, ...format.properties },
  required: ['collectivite', ...(format.required ?? [])],
});

export const AidsQuery = Type.Object({
  collectivite: Type.Optional(Type.String({ description: 'Identifiant d’une collectivité de Guichet, par exemple brest.', examples: ['brest'] })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json', description: 'json (par défaut) ou csv.' })),
  // No defaults here: without either parameter the answer stays the whole export, as in v1's first form.
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Le numéro de la page, à partir de 1. Sans « page » ni « par_page » : toutes les aides.' })),
  par_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Le nombre d’aides par page (20 si seule « page » est donnée, 100 au plus).' })),
});

export const AidsAnswer = {
  description: 'Les aides publiées, en JSON (schéma /docs/aid.schema.json) ou en CSV : toutes, ou une page avec « page » et « par_page ».',
  content: {
    'application/json': {
      schema: Type.Object({
        schema: Type.String({ format: 'uri', description: 'Le schéma JSON d’une aide.' }),
        sources: Type.String({ format: 'uri' }),
        collectivite: Nullable(Type.String()),
        total: Type.Integer({ description: 'Le nombre d’aides publiées (toutes les pages).' }),
        page: Type.Optional(Type.Integer({ minimum: 1, description: 'Avec « page » ou « par_page » : le numéro de cette page.' })),
        par_page: Type.Optional(Type.Integer({ minimum: 1 })),
        pages: Type.Optional(Type.Integer({ minimum: 0, description: 'Avec « page » ou « par_page » : le nombre de pages.' })),
        aides: Type.Array(ExportedAidSchema),
      }),
    },
    'text/csv': { schema: CsvText },
  },
};
