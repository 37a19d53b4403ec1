import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';
import type { FieldErrors } from '../views/form';

const NUL = '\u0000';
const NUL_MESSAGE = 'Ce champ contient un caractère invisible non autorisé (le caractère nul) : retirez-le puis recommencez.';

/**
 * The NUL character has no place in anything a person types, and PostgreSQL refuses it in text
 * (error 22021): a request carrying one in its address, query or form is refused here, before any
 * guard or handler, so that no query ever sends one. Files (Buffers) are left alone.
 */
export class NulCharacterError extends AppError {
  constructor(fields?: FieldErrors) {
    super(400, 'nul_character', 'Caractère non autorisé', 'La demande contient un caractère invisible non autorisé (le caractère nul). Vérifiez l’adresse ou le formulaire puis recommencez.', fields);
  }
}

/** The names (JSON-pointer-like paths) of the values holding a NUL, in keys or in strings. */
export function nulPaths(value: unknown, path = '', found: string[] = [], depth = 0): string[] {
  if (found.length >= 10 || depth > 64) return found;
  if (typeof value === 'string') {
    if (value.includes(NUL)) found.push(path || '/');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulPaths(item, `${path}/${i}`, found, depth + 1));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const key of Object.keys(value)) {
      const at = `${path}/${key.replaceAll(NUL, '\\0')}`;
      if (key.includes(NUL)) found.push(at);
      nulPaths((value as Record<string, unknown>)[key], at, found, depth + 1);
    }
  }
  return found;
}

export function registerInputChecks(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (nulPaths(request.params).length || nulPaths(request.query).length) throw new NulCharacterError();
    const inBody = nulPaths(request.body);
    if (inBody.length) throw new NulCharacterError(Object.fromEntries(inBody.map((p) => [p.slice(1) || 'body', NUL_MESSAGE])));
  });
}

/**
 * One query parameter as a string: its first value when it is repeated (`?q=a&q=b`), undefined
 * when absent; never an array, an object or an inherited property (`__proto__`).
 */
export function queryValue(query: unknown, name: string): string | undefined {
  if (typeof query !== 'object' || query === null || !Object.hasOwn(query, name)) return undefined;
  const value = (query as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}
