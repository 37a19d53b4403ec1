/**
 * Agents keep the list of acronyms and everyday words (« Recherche › Synonymes »). The Région's
 * agents (the portal tenant) keep the platform's list, used by every search; another tenant's
 * agents add entries used by the searches made from their own space. Every change is audited in
 * the same transaction; every instance sees it at its next search (synonyms.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit, type Actor } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import type { FieldErrors } from '../../platform/views/form';
import { phraseWords, termKey, type SynonymsTable, type SynonymTables } from './synonyms';

export const MAX_ENTRIES = 500;
export const MAX_EQUIVALENTS = 10;
export const TERM_MAX = 60;
export const EQUIVALENT_MAX = 100;

export const synonymLabels: Record<string, string> = {
  term: 'Sigle ou mot tapé',
  equivalents: 'Équivalents',
  sens: 'Sens',
};

export interface SynonymInput {
  term: string;
  /** One per line, as typed in the text area. */
  equivalents: string;
  twoWay: boolean;
}

export type SynonymRow = SynonymsTable;

type Db = Kysely<SynonymTables & PlatformTables>;
const dbOf = (db: Kysely<PlatformTables>) => db as unknown as Db;

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** `scope` is null for the platform's list, else a tenant id. */
export function listSynonyms(platformDb: Kysely<PlatformTables>, scope: string | null): Promise<SynonymRow[]> {
  const query = dbOf(platformDb).selectFrom('search_synonyms').selectAll();
  return (scope === null ? query.where('tenant_id', 'is', null) : query.where('tenant_id', '=', scope)).orderBy('term_key').execute();
}

export async function getSynonym(platformDb: Kysely<PlatformTables>, scope: string | null, id: string): Promise<SynonymRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = dbOf(platformDb).selectFrom('search_synonyms').selectAll().where('id', '=', id);
  return (scope === null ? query.where('tenant_id', 'is', null) : query.where('tenant_id', '=', scope)).executeTakeFirst();
}

/** The equivalents of the text area: one per line, spaces tidied, empty lines and repeats left out. */
export function equivalentLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const value = line.replace(/\s+/g, ' ').trim();
    const key = termKey(value);
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

async function check(db: Db, scope: string | null, input: SynonymInput, id: string | undefined): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const term = input.term.replace(/\s+/g, ' ').trim();
  const key = termKey(term);
  if (!term) errors.term = 'Saisissez le sigle ou le mot que les personnes tapent, par exemple « RSA » ou « carte grise ».';
  else if ([...term].length > TERM_MAX) errors.term = `Le terme doit faire ${TERM_MAX} caractères au plus.`;
  else if (!key) errors.term = 'Le terme doit contenir au moins une lettre ou un chiffre.';
  else if (phraseWords(term).length > 6) errors.term = 'Le terme doit faire 6 mots au plus.';
  else {
    let same = db.selectFrom('search_synonyms').select('id').where('term_key', '=', key);
    same = scope === null ? same.where('tenant_id', 'is', null) : same.where('tenant_id', '=', scope);
    const existing = await same.executeTakeFirst();
    if (existing && existing.id !== id) errors.term = 'Ce terme est déjà dans la liste : modifiez son entrée plutôt que d’en créer une autre.';
  }
  const lines = equivalentLines(input.equivalents);
  if (lines.length === 0) errors.equivalents = 'Saisissez au moins un équivalent, par exemple « revenu de solidarité active ».';
  else if (lines.length > MAX_EQUIVALENTS) errors.equivalents = `Saisissez ${MAX_EQUIVALENTS} équivalents au plus.`;
  else if (lines.some((l) => [...l].length > EQUIVALENT_MAX)) errors.equivalents = `Chaque équivalent doit faire ${EQUIVALENT_MAX} caractères au plus.`;
  else if (lines.some((l) => !termKey(l))) errors.equivalents = 'Chaque équivalent doit contenir au moins une lettre ou un chiffre.';
  else if (key && lines.some((l) => termKey(l) === key)) errors.equivalents = 'Un équivalent doit être différent du terme lui-même.';
  if (!id && !errors.term) {
    let count = db.selectFrom('search_synonyms').select((eb) => eb.fn.countAll<number>().as('n'));
    count = scope === null ? count.where('tenant_id', 'is', null) : count.where('tenant_id', '=', scope);
    const n = Number((await count.executeTakeFirst())?.n ?? 0);
    if (n >= MAX_ENTRIES) errors.term = `La liste compte déjà ${MAX_ENTRIES} entrées, le maximum. Supprimez celles qui ne servent plus avant d’en ajouter.`;
  }
  return errors;
}

export type SaveResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/**
 * Adds (id undefined) or changes an entry of `scope`, audited under `tenantId` (the tenant whose
 * back office made the change: the Région for the platform's list).
 */
export async function saveSynonym(platformDb: Kysely<PlatformTables>, actor: Actor, tenantId: string, scope: string | null, id: string | undefined, input: SynonymInput): Promise<SaveResult> {
  const db = dbOf(platformDb);
  const errors = await check(db, scope, input, id);
  if (Object.keys(errors).length) return { ok: false, errors };
  const term = input.term.replace(/\s+/g, ' ').trim();
  const values = { term, term_key: termKey(term), equivalents: equivalentLines(input.equivalents), two_way: input.twoWay };
  return db.transaction().execute(async (trx) => {
    let targetId = id;
    if (targetId === undefined) {
      targetId = randomUUID();
      await trx.insertInto('search_synonyms').values({ id: targetId, tenant_id: scope, ...values, created_at: new Date(), updated_at: new Date() }).execute();
    } else {
      let update = trx.updateTable('search_synonyms').set({ ...values, updated_at: new Date() }).where('id', '=', targetId);
      update = scope === null ? update.where('tenant_id', 'is', null) : update.where('tenant_id', '=', scope);
      const result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return { ok: false as const, errors: { term: 'Cette entrée n’existe plus : elle a été supprimée entre-temps.' } };
    }
    await audit(trx as unknown as Kysely<PlatformTables>, {
      action: id === undefined ? 'search.synonym_create' : 'search.synonym_update',
      actor,
      tenantId,
      targetType: 'search_synonym',
      targetId,
      details: { scope: scope === null ? 'plateforme' : scope, term: values.term, equivalents: values.equivalents, twoWay: values.two_way },
    });
    return { ok: true as const, id: targetId };
  });
}

/** Deletes an entry of `scope`; false when there is none. */
export async function deleteSynonym(platformDb: Kysely<PlatformTables>, actor: Actor, tenantId: string, scope: string | null, id: string): Promise<boolean> {
  const db = dbOf(platformDb);
  const row = await getSynonym(platformDb, scope, id);
  if (!row) return false;
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('search_synonyms').where('id', '=', row.id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await audit(trx as unknown as Kysely<PlatformTables>, {
      action: 'search.synonym_delete',
      actor,
      tenantId,
      targetType: 'search_synonym',
      targetId: row.id,
      details: { scope: scope === null ? 'plateforme' : scope, term: row.term },
    });
    return true;
  });
}
