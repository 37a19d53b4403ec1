/**
 * The glossary as pages read it: every term, read once per version of `glossary_terms` (a change
 * here or on another instance is seen by the next page, platform/db/changes.ts), and the list of
 * a space: the Région's terms, and the tenant's own (a tenant's term replaces the Région's term
 * with the same anchor in its space).
 */
import type { Kysely } from 'kysely';
import { changeFeedOf } from '../../platform/db/changes';
import type { GlossaryRow, GlossaryTables } from './tables';

export const GLOSSARY_TABLES = ['glossary_terms'] as const;

async function load(db: Kysely<GlossaryTables>): Promise<GlossaryRow[]> {
  return db.selectFrom('glossary_terms').selectAll().execute();
}

const kept = new WeakMap<object, { version: string; rows: Promise<GlossaryRow[]> }>();

export function allTerms(platformDb: object): Promise<GlossaryRow[]> {
  const db = platformDb as Kysely<GlossaryTables>;
  const feed = changeFeedOf(platformDb);
  if (!feed?.live) return load(db);
  const version = feed.version(GLOSSARY_TABLES);
  const current = kept.get(platformDb);
  if (current && current.version === version) return current.rows;
  const entry = { version, rows: load(db) };
  kept.set(platformDb, entry);
  entry.rows.catch(() => {
    if (kept.get(platformDb) === entry) kept.delete(platformDb);
  });
  return entry.rows;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The terms of a space (`tenantId` null: the Région's), in alphabetical order. */
export function termsOfSpace(rows: readonly GlossaryRow[], tenantId: string | null): GlossaryRow[] {
  const bySlug = new Map<string, GlossaryRow>();
  for (const row of rows) if (row.tenant_id === null) bySlug.set(row.slug, row);
  if (tenantId !== null) for (const row of rows) if (row.tenant_id === tenantId) bySlug.set(row.slug, row);
  return [...bySlug.values()].sort((a, b) => collator.compare(a.term, b.term));
}

/** The letter a term is filed under: « É » under E, digits under « 0-9 ». */
export function letterOf(term: string): string {
  const first = term.normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '0-9';
}
