import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AnyDb } from '../../platform/search';
import type { AgendaEvent, AgendaTables, EventInput, EventKind } from './tables';

export type AgendaDb = Kysely<AgendaTables>;
export const agendaDb = (db: AnyDb): AgendaDb => db as AgendaDb;

export interface Point {
  latitude: number;
  longitude: number;
}

export interface EventFilter {
  /** Events still running at or after this instant (now, or the start of the chosen first day). */
  from: Date;
  /** Events starting before this instant (the end of the chosen last day). */
  before?: Date | undefined;
  kind?: EventKind | undefined;
  /** « D » or « D11 »: the event's domains or job sheets start with it. */
  domain?: string | undefined;
  near?: (Point & { radiusKm: number }) | undefined;
  tenantId?: string | undefined;
}

export type EventWithDistance = AgendaEvent & { km: number | null };

/** Great-circle distance in km from the point to the event's place (literals only). */
function distanceSql(point: Point): RawBuilder<number | null> {
  const lat = sql.lit(Number(point.latitude.toFixed(6)));
  const lon = sql.lit(Number(point.longitude.toFixed(6)));
  return sql<number | null>`(case when latitude is not null and longitude is not null then 12742 * asin(least(1, sqrt(
    power(sin(radians(latitude - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(latitude)) * power(sin(radians(longitude - ${lon}) / 2), 2)
  ))) end)`;
}

function filtered(db: AgendaDb, filter: EventFilter) {
  let query = db.selectFrom('agenda_events').where('published', '=', true).where('pro_only', '=', false).where('ends_at', '>=', filter.from);
  if (filter.before) query = query.where('starts_at', '<', filter.before);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.tenantId) query = query.where('tenant_id', '=', filter.tenantId);
  if (filter.domain) {
    const prefix = `${filter.domain}%`;
    query = query.where(sql<boolean>`exists (select 1 from unnest(domains || rome_codes) as tag where tag like ${prefix})`);
  }
  if (filter.near) query = query.where(sql<boolean>`${distanceSql(filter.near)} <= ${sql.lit(filter.near.radiusKm)}`);
  return query;
}

/** Published events not yet over, soonest first, with their distance to the point when one is given. */
export async function findEvents(db: AgendaDb, filter: EventFilter, offset: number, limit: number): Promise<{ total: number; events: EventWithDistance[] }> {
  const base = filtered(db, filter);
  const [count, events] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    base
      .selectAll()
      .select(filter.near ? distanceSql(filter.near).as('km') : sql<null>`null::float8`.as('km'))
      .orderBy('starts_at')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute(),
  ]);
  return { total: Number(count?.n ?? 0), events: events.map((e) => ({ ...e, km: e.km === null ? null : Number(e.km) })) };
}

/** Every published event matching the filter (the iCalendar feed), at most `limit`. */
export async function feedEvents(db: AgendaDb, filter: EventFilter, limit: number): Promise<AgendaEvent[]> {
  return filtered(db, filter).selectAll().orderBy('starts_at').orderBy('id').limit(limit).execute();
}

/** A published public event, past or not: its page stays. */
export function publishedEvent(db: AgendaDb, id: string): Promise<AgendaEvent | undefined> {
  return db.selectFrom('agenda_events').selectAll().where('id', '=', id).where('published', '=', true).where('pro_only', '=', false).executeTakeFirst();
}

/** A published event reserved to professionals (never through `publishedEvent`). */
export function publishedProEvent(db: AgendaDb, id: string): Promise<AgendaEvent | undefined> {
  return db.selectFrom('agenda_events').selectAll().where('id', '=', id).where('published', '=', true).where('pro_only', '=', true).executeTakeFirst();
}

/** Upcoming published events tagged with the job sheet or its domains. */
export function eventsAboutJob(db: AgendaDb, code: string, domainCode: string, now: Date, limit: number): Promise<AgendaEvent[]> {
  const tags = [code, domainCode, domainCode.slice(0, 1)];
  return db
    .selectFrom('agenda_events')
    .selectAll()
    .where('published', '=', true)
    .where('pro_only', '=', false)
    .where('ends_at', '>=', now)
    .where(sql<boolean>`(rome_codes && ${sql.val(tags)}::text[] or domains && ${sql.val(tags)}::text[])`)
    .orderBy('starts_at')
    .limit(limit)
    .execute();
}

/** One event of the tenant (back office): never another tenant's. */
export function tenantEvent(db: AgendaDb, tenantId: string, id: string): Promise<AgendaEvent | undefined> {
  return db.selectFrom('agenda_events').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function tenantEvents(db: AgendaDb, tenantId: string, offset: number, limit: number): Promise<{ total: number; events: AgendaEvent[] }> {
  const base = db.selectFrom('agenda_events').where('tenant_id', '=', tenantId);
  const [count, events] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    base.selectAll().orderBy('starts_at', 'desc').orderBy('id').offset(offset).limit(limit).execute(),
  ]);
  return { total: Number(count?.n ?? 0), events };
}

/** Events by id, whatever their tenant (an import checks that an id is not another tenant's). */
export function eventsByIds(db: AgendaDb, ids: string[]): Promise<AgendaEvent[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('agenda_events').selectAll().where('id', 'in', ids).execute();
}

const columns = (input: EventInput) => ({ ...input, starts_at: new Date(input.starts_at), ends_at: new Date(input.ends_at) });

export async function insertEvent(db: AgendaDb, row: { id: string; tenantId: string; actorId: string | null; input: EventInput; source?: 'editeur' | 'openagenda' | 'demo'; externalId?: string | null; demo?: boolean }) {
  await db
    .insertInto('agenda_events')
    .values({
      ...columns(row.input),
      id: row.id,
      tenant_id: row.tenantId,
      source: row.source ?? 'editeur',
      external_id: row.externalId ?? null,
      demo: row.demo ?? false,
      created_by: row.actorId,
      updated_by: row.actorId,
    })
    .execute();
}

/** Rewrites an event of the tenant (the version grows); false when it is not the tenant's. */
export async function updateEvent(db: AgendaDb, tenantId: string, id: string, actorId: string | null, input: EventInput): Promise<boolean> {
  const result = await db
    .updateTable('agenda_events')
    .set((eb) => ({ ...columns(input), updated_by: actorId, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
