import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { Aid, Condition, Territory } from './format';
import { validateAid } from './validate';
import type { AidRow, AidStatus, AidsTables } from './tables';
import { indexAid } from './search-source';

export type AidsDb = Kysely<PlatformTables & AidsTables>;

export function aidsDb(db: Kysely<PlatformTables>): AidsDb {
  return db.withTables<AidsTables>();
}

const LEVEL_PREFIX = { region: 'R', departement: 'D', epci: 'E', commune: 'C' } as const;

/** The codes an aid's territory covers, as stored for prefiltering: FR, R53, D29, E<siren>, C<cog>. */
export function territoryCodes(territory: Territory): string[] {
  if (territory.scope === 'national') return ['FR'];
  return territory.areas.map((a) => `${LEVEL_PREFIX[a.level]}${a.code}`);
}

/** The codes of everything a person living in this commune belongs to. */
export function residenceCodes(place: { commune: string; epci?: string | null; departement: string; region: string }): string[] {
  return ['FR', `R${place.region}`, `D${place.departement}`, ...(place.epci ? [`E${place.epci}`] : []), `C${place.commune}`];
}

/**
 * Age bounds that hold in every case where the rule can be met (for prefiltering): an "all"
 * narrows them, an "any" widens them; anything else leaves the age free.
 */
export function ageBounds(c: Condition): { min: number | null; max: number | null } {
  if (c.type === 'age') return { min: c.min ?? null, max: c.max ?? null };
  if (c.type === 'all') {
    return c.conditions.map(ageBounds).reduce(
      (acc, b) => ({
        min: b.min === null ? acc.min : acc.min === null ? b.min : Math.max(acc.min, b.min),
        max: b.max === null ? acc.max : acc.max === null ? b.max : Math.min(acc.max, b.max),
      }),
      { min: null as number | null, max: null as number | null },
    );
  }
  if (c.type === 'any') {
    const bounds = c.conditions.map(ageBounds);
    return {
      min: bounds.some((b) => b.min === null) ? null : Math.min(...bounds.map((b) => b.min!)),
      max: bounds.some((b) => b.max === null) ? null : Math.max(...bounds.map((b) => b.max!)),
    };
  }
  return { min: null, max: null };
}

export class InvalidAidError extends Error {
  constructor(readonly errors: Array<{ path: string; message: string }>) {
    super(`invalid aid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  }
}

function searchVector(aid: Aid) {
  return sql`setweight(to_tsvector('french_unaccent', ${aid.name}), 'A')
    || setweight(to_tsvector('french_unaccent', ${`${aid.porteur.name} ${aid.summary}`}), 'B')
    || setweight(to_tsvector('french_unaccent', ${aid.description ?? ''}), 'C')`;
}

/**
 * Writes an aid of a tenant: created, or updated when its definition or status changed (a new
 * version is kept each time); unchanged input changes nothing. The definition is validated first.
 * Returns what happened.
 */
export async function saveAid(
  db: AidsDb,
  input: { tenantId: string; status: AidStatus; aid: Aid; actorId?: string | null },
): Promise<'created' | 'updated' | 'unchanged'> {
  const errors = validateAid(input.aid);
  if (errors.length) throw new InvalidAidError(errors);
  const { aid, tenantId, status } = input;
  const existing = await db.selectFrom('aids').select(['tenant_id', 'status', 'definition', 'version']).where('id', '=', aid.id).executeTakeFirst();
  if (existing && existing.tenant_id !== tenantId) throw new InvalidAidError([{ path: '/id', message: 'Cet identifiant appartient à une autre collectivité.' }]);
  if (existing && existing.status === status && canonical(existing.definition) === canonical(aid)) return 'unchanged';
  await db.transaction().execute((trx) => writeAid(trx, { tenantId, status, aid, actorId: input.actorId ?? null }, existing?.version));
  return existing ? 'updated' : 'created';
}

/** The columns of `aids` computed from a definition: what the prefilter and the search read. */
export function aidColumns(aid: Aid) {
  const bounds = ageBounds(aid.eligibility);
  return {
    name: aid.name,
    porteur_kind: aid.porteur.kind,
    porteur_name: aid.porteur.name,
    definition: JSON.stringify(aid),
    territory_codes: territoryCodes(aid.territory),
    age_min: bounds.min,
    age_max: bounds.max,
    audiences: aid.audiences,
    themes: aid.themes,
    search: searchVector(aid),
  };
}

/** Writes one checked aid and its new version, inside the caller's transaction. */
export async function writeAid(trx: AidsDb, input: { tenantId: string; status: AidStatus; aid: Aid; actorId: string | null }, existingVersion: number | undefined): Promise<void> {
  const { aid, tenantId, status } = input;
  const columns = { status, ...aidColumns(aid) };
  const version = (existingVersion ?? 0) + 1;
  if (existingVersion !== undefined) {
    await trx
      .updateTable('aids')
      .set({ ...columns, version, updated_at: sql`now()`, published_at: status === 'published' ? sql`coalesce(published_at, now())` : null })
      .where('id', '=', aid.id)
      .where('tenant_id', '=', tenantId)
      .execute();
  } else {
    await trx.insertInto('aids').values({ id: aid.id, tenant_id: tenantId, ...columns, version, published_at: status === 'published' ? sql`now()` : null }).execute();
  }
  await trx.insertInto('aids_versions').values({ aid_id: aid.id, version, status, definition: JSON.stringify(aid), created_by: input.actorId }).execute();
  await indexAid(trx, tenantId, status, aid);
}

/** JSON with sorted keys: jsonb does not keep the order of keys, nor undefined ones. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export interface AidQuery {
  text?: string | undefined;
  theme?: string | undefined;
  audience?: string | undefined;
  porteurKind?: string | undefined;
  tenantId?: string | undefined;
  limit: number;
  offset: number;
}

export type AidSummary = Pick<AidRow, 'id' | 'tenant_id' | 'name' | 'porteur_kind' | 'porteur_name' | 'definition'>;

/** A line of a list of aids: the two parts of the definition it shows, not the whole definition. */
export type AidListRow = Pick<AidRow, 'id' | 'tenant_id' | 'name' | 'porteur_kind' | 'porteur_name'> & { summary: string; amount: Aid['amount'] | null; dates: Aid['dates'] };

/** Published aids matching words and filters, best matches first (by name otherwise). */
export async function searchPublished(db: AidsDb, query: AidQuery): Promise<{ total: number; rows: AidListRow[] }> {
  const words = query.text?.trim();
  const tsquery = words ? sql`websearch_to_tsquery('french_unaccent', ${words})` : null;
  const base = db
    .selectFrom('aids')
    .where('status', '=', 'published')
    .$if(query.tenantId !== undefined, (qb) => qb.where('tenant_id', '=', query.tenantId!))
    .$if(query.porteurKind !== undefined, (qb) => qb.where('porteur_kind', '=', query.porteurKind!))
    .$if(query.theme !== undefined, (qb) => qb.where(sql<boolean>`themes @> array[${query.theme!}]::text[]`))
    .$if(query.audience !== undefined, (qb) => qb.where(sql<boolean>`audiences @> array[${query.audience!}]::text[]`))
    .$if(tsquery !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb(sql<boolean>`search @@ ${tsquery}`, '=', true),
          eb(sql<string>`lower(immutable_unaccent(name))`, 'like', sql<string>`'%' || lower(immutable_unaccent(${words!}::text)) || '%'`),
        ]),
      ),
    );
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['id', 'tenant_id', 'name', 'porteur_kind', 'porteur_name', sql<string>`definition->>'summary'`.as('summary'), sql<Aid['amount'] | null>`definition->'amount'`.as('amount'), sql<Aid['dates']>`definition->'dates'`.as('dates')])
    .$if(tsquery !== null, (qb) => qb.orderBy(sql`ts_rank(search, ${tsquery})`, 'desc'))
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { total: Number(total), rows };
}

/** A published aid, or undefined (drafts are never public). */
export async function publishedAid(db: AidsDb, id: string): Promise<AidSummary | undefined> {
  return db
    .selectFrom('aids')
    .select(['id', 'tenant_id', 'name', 'porteur_kind', 'porteur_name', 'definition'])
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/** Every published aid of a tenant (or of all tenants), for the open export. */
export async function publishedDefinitions(db: AidsDb, tenantId?: string): Promise<Array<{ tenant_id: string; definition: Aid }>> {
  return db
    .selectFrom('aids')
    .select(['tenant_id', 'definition'])
    .where('status', '=', 'published')
    .$if(tenantId !== undefined, (qb) => qb.where('tenant_id', '=', tenantId!))
    .orderBy('id')
    .execute();
}

/** A tenant's aids, drafts included (back office). */
export async function tenantAids(db: AidsDb, tenantId: string): Promise<Array<Pick<AidRow, 'id' | 'name' | 'status' | 'version'>>> {
  return db.selectFrom('aids').select(['id', 'name', 'status', 'version']).where('tenant_id', '=', tenantId).orderBy('name').execute();
}

/**
 * The published aids that may concern a person: their territory covers where the person lives
 * and their age bounds do not exclude the person's age. The eligibility engine decides the rest.
 */
export async function prefilter(db: AidsDb, person: { residence: string[]; age?: number | undefined }): Promise<Array<{ id: string; definition: Aid }>> {
  return prefilterQuery(db, person).select(['id', 'definition']).orderBy('id').execute();
}

/**
 * The same aids as `prefilter`, as ids and versions only: for a caller that keeps parsed
 * definitions by version (the eligibility engine), so that unchanged aids are not read again.
 */
export async function prefilterVersions(db: AidsDb, person: { residence: string[]; age?: number | undefined }): Promise<Array<{ id: string; version: number }>> {
  return prefilterQuery(db, person).select(['id', 'version']).orderBy('id').execute();
}

function prefilterQuery(db: AidsDb, person: { residence: string[]; age?: number | undefined }) {
  return db
    .selectFrom('aids')
    .where('status', '=', 'published')
    .where(sql<boolean>`territory_codes && ${sql.val(person.residence)}::text[]`)
    .$if(person.age !== undefined, (qb) =>
      qb
        .where((eb) => eb.or([eb('age_min', 'is', null), eb('age_min', '<=', person.age!)]))
        .where((eb) => eb.or([eb('age_max', 'is', null), eb('age_max', '>=', person.age!)])),
    );
}

export async function countByStatus(db: AidsDb): Promise<Record<AidStatus, number>> {
  const rows = await db.selectFrom('aids').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const counts: Record<AidStatus, number> = { draft: 0, published: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

// ------------------------------------------------------------------ back office

export type TenantAidRow = Pick<AidRow, 'id' | 'name' | 'status' | 'version' | 'updated_at' | 'porteur_name'>;

/** A tenant's aids, drafts included, by words in the name or id and by status (back office). */
export async function listTenantAids(
  db: AidsDb,
  tenantId: string,
  query: { q?: string | undefined; status?: AidStatus | undefined; limit: number; offset: number },
): Promise<{ total: number; rows: TenantAidRow[] }> {
  const base = db
    .selectFrom('aids')
    .where('tenant_id', '=', tenantId)
    .$if(query.status !== undefined, (qb) => qb.where('status', '=', query.status!))
    .$if(Boolean(query.q), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb(sql<string>`lower(immutable_unaccent(name))`, 'like', sql<string>`'%' || lower(immutable_unaccent(${query.q!}::text)) || '%'`),
          eb('id', 'like', `%${query.q!.toLowerCase().replace(/[%_\\]/g, '')}%`),
        ]),
      ),
    );
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base.select(['id', 'name', 'status', 'version', 'updated_at', 'porteur_name']).orderBy('name').orderBy('id').limit(query.limit).offset(query.offset).execute();
  return { total: Number(total), rows };
}

/** One aid of a tenant (drafts included); undefined when it does not exist or is another tenant's. */
export async function tenantAid(db: AidsDb, tenantId: string, id: string): Promise<Pick<AidRow, 'id' | 'tenant_id' | 'status' | 'version' | 'definition' | 'updated_at' | 'published_at'> | undefined> {
  if (!/^[a-z0-9-]{2,120}$/.test(id)) return undefined;
  return db.selectFrom('aids').select(['id', 'tenant_id', 'status', 'version', 'definition', 'updated_at', 'published_at']).where('id', '=', id).where('tenant_id', '=', tenantId).executeTakeFirst();
}

/** The owner, status and definition of existing aids by id (any tenant), for an import's dry run. */
export async function existingByIds(db: AidsDb, ids: string[]): Promise<Map<string, { tenant_id: string; status: AidStatus; version: number; definition: Aid }>> {
  const out = new Map<string, { tenant_id: string; status: AidStatus; version: number; definition: Aid }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    if (!chunk.length) continue;
    const rows = await db.selectFrom('aids').select(['id', 'tenant_id', 'status', 'version', 'definition']).where('id', 'in', chunk).execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/**
 * The published aids on one of these themes whose territory covers the place (its residence
 * codes): what can pay for a training there, or for its side costs (the trainings module).
 */
export async function publishedOnThemes(db: AidsDb, themes: string[], place: string[]): Promise<Array<{ id: string; name: string; themes: string[]; audiences: string[]; definition: Aid }>> {
  if (!themes.length || !place.length) return [];
  return db
    .selectFrom('aids')
    .select(['id', 'name', 'themes', 'audiences', 'definition'])
    .where('status', '=', 'published')
    .where(sql<boolean>`themes && ${sql.val(themes)}::text[]`)
    .where(sql<boolean>`territory_codes && ${sql.val(place)}::text[]`)
    .orderBy('name')
    .orderBy('id')
    .execute();
}
