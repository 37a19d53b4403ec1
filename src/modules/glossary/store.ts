/**
 * Agents keep the glossary (« Glossaire » in the back office). The Région's agents (the portal
 * tenant) keep the terms used everywhere; another tenant's agents add terms for their own space.
 * Every change is audited in the same transaction; pages see it at once (terms.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit, type Actor } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import type { FieldErrors } from '../../platform/views/form';
import type { GlossaryRow, GlossaryTables } from './tables';

export const MAX_TERMS = 500;
export const TERM_MAX = 60;
export const LONG_FORM_MAX = 200;
export const DEFINITION_MAX = 1000;

export const glossaryLabels: Record<string, string> = {
  term: 'Terme',
  long_form: 'Sens du sigle',
  definition: 'Explication en mots simples',
};

export interface GlossaryInput {
  term: string;
  long_form: string;
  definition: string;
}

type Db = Kysely<GlossaryTables & PlatformTables>;
const dbOf = (db: Kysely<PlatformTables>) => db as unknown as Db;

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The anchor of a term: its letters and digits, lower case, without accents, joined by « - ». */
export function slugOf(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `scope` is null for the Région's terms, else a tenant id. */
export function listTerms(platformDb: Kysely<PlatformTables>, scope: string | null): Promise<GlossaryRow[]> {
  const query = dbOf(platformDb).selectFrom('glossary_terms').selectAll();
  return (scope === null ? query.where('tenant_id', 'is', null) : query.where('tenant_id', '=', scope)).orderBy('slug').execute();
}

export async function getTerm(platformDb: Kysely<PlatformTables>, scope: string | null, id: string): Promise<GlossaryRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = dbOf(platformDb).selectFrom('glossary_terms').selectAll().where('id', '=', id);
  return (scope === null ? query.where('tenant_id', 'is', null) : query.where('tenant_id', '=', scope)).executeTakeFirst();
}

async function check(db: Db, scope: string | null, input: GlossaryInput, id: string | undefined): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const term = tidy(input.term);
  const slug = slugOf(term);
  if (!term) errors.term = 'Saisissez le terme tel qu’il est écrit dans les pages, par exemple « QF » ou « pièce justificative ».';
  else if ([...term].length > TERM_MAX) errors.term = `Le terme doit faire ${TERM_MAX} caractères au plus.`;
  else if (!slug) errors.term = 'Le terme doit contenir au moins une lettre ou un chiffre.';
  else {
    let same = db.selectFrom('glossary_terms').select('id').where('slug', '=', slug);
    same = scope === null ? same.where('tenant_id', 'is', null) : same.where('tenant_id', '=', scope);
    const existing = await same.executeTakeFirst();
    if (existing && existing.id !== id) errors.term = 'Ce terme est déjà dans le glossaire : modifiez son explication plutôt que d’en créer une autre.';
  }
  if ([...tidy(input.long_form)].length > LONG_FORM_MAX) errors.long_form = `Le sens du sigle doit faire ${LONG_FORM_MAX} caractères au plus.`;
  const definition = input.definition.trim();
  if (!definition) errors.definition = 'Expliquez le terme en quelques mots simples, par exemple « Un nombre calculé avec les revenus et la taille de la famille ».';
  else if ([...definition].length > DEFINITION_MAX) errors.definition = `L’explication doit faire ${DEFINITION_MAX} caractères au plus.`;
  if (!id && !errors.term) {
    let count = db.selectFrom('glossary_terms').select((eb) => eb.fn.countAll<number>().as('n'));
    count = scope === null ? count.where('tenant_id', 'is', null) : count.where('tenant_id', '=', scope);
    if (Number((await count.executeTakeFirst())?.n ?? 0) >= MAX_TERMS) errors.term = `Le glossaire compte déjà ${MAX_TERMS} termes, le maximum.`;
  }
  return errors;
}

export type SaveResult = { ok: true; id: string; slug: string } | { ok: false; errors: FieldErrors };

/** Adds (id undefined) or changes a term of `scope`, audited under `tenantId` (the back office's tenant). */
export async function saveTerm(platformDb: Kysely<PlatformTables>, actor: Actor, tenantId: string, scope: string | null, id: string | undefined, input: GlossaryInput): Promise<SaveResult> {
  const db = dbOf(platformDb);
  const errors = await check(db, scope, input, id);
  if (Object.keys(errors).length) return { ok: false, errors };
  const term = tidy(input.term);
  const values = { term, slug: slugOf(term), long_form: tidy(input.long_form), definition: input.definition.trim().replace(/\r\n/g, '\n') };
  return db.transaction().execute(async (trx) => {
    let targetId = id;
    if (targetId === undefined) {
      targetId = randomUUID();
      await trx.insertInto('glossary_terms').values({ id: targetId, tenant_id: scope, ...values, created_at: new Date(), updated_at: new Date() }).execute();
    } else {
      let update = trx.updateTable('glossary_terms').set({ ...values, updated_at: new Date() }).where('id', '=', targetId);
      update = scope === null ? update.where('tenant_id', 'is', null) : update.where('tenant_id', '=', scope);
      const result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return { ok: false as const, errors: { term: 'Ce terme n’existe plus : il a été supprimé entre-temps.' } };
    }
    await audit(trx as unknown as Kysely<PlatformTables>, {
      action: id === undefined ? 'glossary.term_create' : 'glossary.term_update',
      actor,
      tenantId,
      targetType: 'glossary_term',
      targetId,
      details: { scope: scope === null ? 'plateforme' : scope, term: values.term },
    });
    return { ok: true as const, id: targetId, slug: values.slug };
  });
}

/** Deletes a term of `scope`; false when there is none. */
export async function deleteTerm(platformDb: Kysely<PlatformTables>, actor: Actor, tenantId: string, scope: string | null, id: string): Promise<boolean> {
  const db = dbOf(platformDb);
  const row = await getTerm(platformDb, scope, id);
  if (!row) return false;
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('glossary_terms').where('id', '=', row.id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await audit(trx as unknown as Kysely<PlatformTables>, {
      action: 'glossary.term_delete',
      actor,
      tenantId,
      targetType: 'glossary_term',
      targetId: row.id,
      details: { scope: scope === null ? 'plateforme' : scope, term: row.term },
    });
    return true;
  });
}
