/**
 * The faceted search over trainings: one row per action (a training at one place), filtered by
 * words of the title, job, level, modality, financer, start dates and distance from a commune;
 * the counts of each facet among the results. Plain SQL on both engines; distance through a
 * bounding box (indexed) then the great-circle formula.
 */
import { sql, type RawBuilder } from 'kysely';
import type { TrainingsDb } from './store';

export interface TrainingFilter {
  words: string[];
  rome?: string | undefined;
  level?: number | undefined;
  modality?: string | undefined;
  financer?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  near?: { latitude: number; longitude: number; radiusKm: number } | undefined;
}

export interface TrainingHit {
  formation_id: string;
  title: string;
  organisme: string;
  commune_name: string;
  modality: string;
  level: number;
  price_euros: number | null;
  next_start: string | null;
  distance: number | null;
  demo: boolean;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface TrainingsFound {
  total: number;
  hits: TrainingHit[];
  facets: { niveau: FacetCount[]; modalite: FacetCount[]; financement: FacetCount[]; metier: FacetCount[] };
}

const lit = (n: number) => sql.lit(Number(n.toFixed(6)));

function distanceOf(near: NonNullable<TrainingFilter['near']>): RawBuilder<number> {
  const lat = lit(near.latitude);
  const lon = lit(near.longitude);
  return sql<number>`(12742 * asin(least(1, sqrt(power(sin(radians(a.latitude - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(a.latitude)) * power(sin(radians(a.longitude - ${lon}) / 2), 2)))))`;
}

/**
 * The smallest latitude/longitude box holding every point within `radiusKm` of the centre (on the
 * sphere of the distance formula, 6,371 km): the widest longitude of such a circle lies poleward
 * of its centre, hence asin(sin(r/R) / cos(lat)), not r/R / cos(lat). Widened by 1e-6° against
 * rounding: the great-circle test decides. Past a quarter of the globe sin(r/R) falls again, so
 * such a radius (the « nearest first, no limit » sort of a job sheet) takes every longitude.
 */
export function boundingBox(near: { latitude: number; longitude: number; radiusKm: number }): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const angle = near.radiusKm / 6371;
  const dLat = angle / RAD + 1e-6;
  // A circle that reaches a pole, or spans more than a quarter of the globe, covers every longitude.
  const reachesPole = Math.abs(near.latitude) + dLat >= 90;
  const ratio = Math.sin(angle) / Math.cos(near.latitude * RAD);
  const dLon = reachesPole || angle >= Math.PI / 2 || ratio >= 1 ? 180 : Math.asin(ratio) / RAD + 1e-6;
  const minLon = near.longitude - dLon;
  const maxLon = near.longitude + dLon;
  // Across the antimeridian the box would wrap: every longitude then (rare, and still correct).
  const wraps = minLon < -180 || maxLon > 180;
  return { minLat: near.latitude - dLat, maxLat: near.latitude + dLat, minLon: wraps ? -180 : minLon, maxLon: wraps ? 180 : maxLon };
}
const RAD = Math.PI / 180;

function conditions(f: TrainingFilter): RawBuilder<unknown> {
  const parts: Array<RawBuilder<unknown>> = [sql`true`];
  for (const w of f.words) parts.push(sql`a.search_title like ${`%${w.replace(/[%_\\]/g, '')}%`}`);
  if (f.rome) parts.push(sql`a.rome_codes @> array[${f.rome}]::text[]`);
  if (f.level !== undefined) parts.push(sql`a.level = ${f.level}`);
  if (f.modality) parts.push(sql`a.modality = ${f.modality}`);
  if (f.financer) parts.push(sql`a.financers @> array[${f.financer}]::text[]`);
  if (f.from || f.to) {
    parts.push(sql`exists (select 1 from trainings_sessions s where s.action_id = a.id and s.start_on >= ${f.from ?? '1900-01-01'}::date and s.start_on <= ${f.to ?? '2999-12-31'}::date)`);
  }
  if (f.near) {
    const box = boundingBox(f.near);
    parts.push(sql`a.latitude between ${lit(box.minLat)} and ${lit(box.maxLat)}`);
    parts.push(sql`a.longitude between ${lit(box.minLon)} and ${lit(box.maxLon)}`);
    parts.push(sql`${distanceOf(f.near)} <= ${lit(f.near.radiusKm)}`);
  }
  return sql.join(parts, sql` and `);
}

const FACET_SIZE = 6;

export async function findTrainings(db: TrainingsDb, f: TrainingFilter, page: number, perPage: number): Promise<TrainingsFound> {
  const where = conditions(f);
  const distance = f.near ? distanceOf(f.near) : sql<number | null>`null::float8`;
  const order = f.near ? sql`distance, a.next_start nulls last, a.id` : sql`a.next_start nulls last, a.search_title, a.id`;
  const counts = await sql<{ facet: string; value: string; n: number }>`
    with m as (select a.level, a.modality, a.financers, a.rome_codes from trainings_actions a where ${where})
    select 'niveau' as facet, level::text as value, count(*)::int as n from m group by level
    union all select 'modalite', modality, count(*)::int from m group by modality
    union all select 'financement', x, count(*)::int from m, unnest(financers) as x group by x
    union all (select 'metier', x, count(*)::int from m, unnest(rome_codes) as x group by x order by count(*) desc, x limit ${FACET_SIZE})`.execute(db);
  const facets: TrainingsFound['facets'] = { niveau: [], modalite: [], financement: [], metier: [] };
  for (const r of counts.rows) facets[r.facet as keyof typeof facets].push({ value: r.value, count: Number(r.n) });
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const total = facets.niveau.reduce((s, c) => s + c.count, 0);
  if (total === 0) return { total, hits: [], facets };
  const rows = await sql<TrainingHit>`
    select a.formation_id, fo.title, o.name as organisme, a.commune_name, a.modality, a.level, a.price_euros,
      to_char(a.next_start, 'YYYY-MM-DD') as next_start, ${distance} as distance, fo.demo
    from trainings_actions a
    join trainings_formations fo on fo.id = a.formation_id
    join trainings_organismes o on o.id = fo.organisme_id
    where ${where}
    order by ${order}
    limit ${sql.lit(perPage)} offset ${sql.lit((page - 1) * perPage)}`.execute(db);
  return { total, hits: rows.rows.map((r) => ({ ...r, distance: r.distance === null ? null : Number(r.distance) })), facets };
}
