/**
 * SQL of the places an authority's agents manage (back office and CSV import). Every query names
 * the tenant: an agent never reads nor changes another authority's place, nor the open data.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AnyDb } from '../../platform/search';
import { indexPlace } from './search-source';
import type { helpDb } from './store';
import type { HelpPlace, PlaceInput } from './tables';

type Db = ReturnType<typeof helpDb>;

/** The places of the authority, by name; `q` filters on the name. */
export async function tenantPlaces(db: Db, tenantId: string, options: { limit: number; offset: number }): Promise<{ total: number; rows: HelpPlace[] }> {
  const base = db.selectFrom('help_places').where('tenant_id', '=', tenantId);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('name').orderBy('id').limit(options.limit).offset(options.offset).execute();
  return { total: Number(total), rows };
}

export async function tenantPlace(db: Db, tenantId: string, id: string): Promise<HelpPlace | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return db.selectFrom('help_places').selectAll().where('id', '=', id).where('tenant_id', '=', tenantId).executeTakeFirst();
}

/** The authority's places named by these external ids. */
export async function placesByExternalIds(db: Db, tenantId: string, ids: string[]): Promise<Map<string, HelpPlace>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('help_places').selectAll().where('tenant_id', '=', tenantId).where('external_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.external_id!, r]));
}

const today = () => new Date().toISOString().slice(0, 10);

function columns(input: PlaceInput) {
  return {
    kind: input.kind,
    name: input.name,
    address: input.address,
    postal_code: input.postal_code,
    commune_code: input.commune_code,
    commune_name: input.commune_name,
    departement_code: input.departement_code,
    latitude: input.latitude,
    longitude: input.longitude,
    phone: input.phone,
    email: input.email,
    website: input.website,
    opening_hours: input.opening_hours,
    services: input.services,
    access_conditions: input.access_conditions,
    published: input.published,
    demo: input.demo,
    external_id: input.external_id || null,
  };
}

/** Whether a stored place already says what the input says (an import writes only what changed). */
export function samePlace(row: HelpPlace, input: PlaceInput): boolean {
  const c = columns(input);
  return (Object.keys(c) as Array<keyof typeof c>).every((k) => JSON.stringify(row[k]) === JSON.stringify(c[k]));
}

/** Creates (no `id`) or changes the authority's place, and its search document, in the caller's transaction. */
export async function writePlace(trx: Db, tenantId: string, input: PlaceInput, id?: string): Promise<string> {
  if (id) {
    const updated = await trx
      .updateTable('help_places')
      .set({ ...columns(input), source_date: today(), updated_at: sql`now()` })
      .where('id', '=', id)
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new Error('help place not found in tenant');
  } else {
    id = randomUUID();
    await trx
      .insertInto('help_places')
      .values({ id, tenant_id: tenantId, ...columns(input), source: 'collectivite', source_ref: id, source_date: today() })
      .execute();
  }
  await indexPlace(trx as AnyDb, id);
  return id;
}

/** Publishes or withdraws the authority's place; false when it is not one of its places. */
export async function setPublished(trx: Db, tenantId: string, id: string, published: boolean): Promise<boolean> {
  const updated = await trx
    .updateTable('help_places')
    .set({ published, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await indexPlace(trx as AnyDb, id);
  return true;
}
