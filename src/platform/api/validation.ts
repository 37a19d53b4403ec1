/**
 * A request refused by its route's schema (Fastify's validation, Ajv) becomes a French error:
 * problem+json under /api, the error page elsewhere, each field with its own message. Forms
 * keep their own per-field messages (they check their bodies themselves); this covers the
 * parameters, query strings and JSON bodies a schema describes.
 */
import type { FastifyError } from 'fastify';
import { AppError, NotFoundError } from '../http/errors';

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const TYPES: Record<string, string> = {
  integer: 'un nombre entier',
  number: 'un nombre',
  boolean: 'true ou false',
  string: 'un texte, donné une seule fois',
  array: 'une liste',
  object: 'un objet JSON',
  null: 'null',
};

const quoted = (values: unknown[]) => values.map((v) => `« ${String(v)} »`).join(', ').replace(/, ([^,]*)$/, ' ou $1');

/** The field an error is about, as a path without its leading slash (`page`, `reponses/t-1`). */
function fieldOf(error: SchemaError): string {
  const path = error.instancePath.replace(/^\//, '').replace(/~1/g, '/').replace(/~0/g, '~');
  const child = (error.params.missingProperty ?? error.params.additionalProperty) as string | undefined;
  if (child !== undefined) return path ? `${path}/${child}` : child;
  return path || 'corps';
}

/** One error, in French. */
export function frenchMessage(error: SchemaError, field: string): string {
  const name = `« ${field} »`;
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return `${name} est obligatoire.`;
    case 'additionalProperties':
      return `${name} n’est pas un champ connu.`;
    case 'type':
      return `${name} doit être ${String(p.type).split(',').map((t) => TYPES[t] ?? t).join(' ou ')}.`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${name} doit valoir ${error.keyword === 'minimum' ? 'au moins' : 'plus de'} ${String(p.limit)}.`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${name} doit valoir ${error.keyword === 'maximum' ? 'au plus' : 'moins de'} ${String(p.limit)}.`;
    case 'minLength':
      return `${name} doit compter au moins ${String(p.limit)} caractère${Number(p.limit) > 1 ? 's' : ''}.`;
    case 'maxLength':
      return `${name} doit compter au plus ${String(p.limit)} caractères.`;
    case 'minItems':
      return `${name} doit compter au moins ${String(p.limit)} valeur${Number(p.limit) > 1 ? 's' : ''}.`;
    case 'maxItems':
      return `${name} doit compter au plus ${String(p.limit)} valeurs.`;
    case 'enum':
      return `${name} vaut ${quoted((p.allowedValues as unknown[]) ?? [])}.`;
    case 'const':
      return `${name} vaut « ${String(p.allowedValue)} ».`;
    case 'format':
      return `${name} n’a pas le format attendu (${String(p.format)}).`;
    default:
      return `${name} n’a pas la forme attendue.`;
  }
}

/** The French error for a schema refusal, or undefined when `error` is not one. */
export function validationError(error: FastifyError): AppError | undefined {
  const errors = error.validation as SchemaError[] | undefined;
  if (!errors || errors.length === 0) return undefined;
  const fields: Record<string, string> = {};
  for (const e of errors) {
    const field = fieldOf(e);
    fields[field] ??= frenchMessage(e, field);
  }
  const detail = Object.values(fields).join(' ');
  switch (error.validationContext) {
    // A path that does not fit the route's form names nothing that exists.
    case 'params':
      return new NotFoundError();
    case 'body':
      return new AppError(400, 'bad_request', 'Demande mal formée', `Le corps de la demande ne suit pas le format attendu. ${detail}`, fields);
    default:
      return new AppError(400, 'bad_parameter', 'Paramètre invalide', detail, fields);
  }
}
