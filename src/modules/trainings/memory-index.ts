/**
 * The faceted search in memory: every action's searched columns, loaded once per version of the
 * trainings tables (the database's change feed vouches for it, as for the eligibility's index of
 * published aids), then filtered, counted and sorted in JavaScript — a few ms over 50,000
 * trainings where SQL counting the facets took hundreds. Without a live feed, `findTrainings`
 * (SQL) answers; both give the same results (tested).
 */
import { sql } from 'kysely';
import { changeFeedOf } from '../../platform/db/changes';
import type { TrainingFilter, TrainingHit, TrainingsFound } from './search-store';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';

interface Row extends TrainingHit {
  id: string;
  financers: string[];
  rome_codes: string[];
  search_title: string;
  latitude: number | null;
  longitude: number | null;
  starts: string[];
}
interface Index {
  rows: Row[];
  byRome: Map<string, Row[]>;
}

const TABLES = ['trainings_formations', 'trainings_actions', 'trainings_sessions'] as const;
const indexes = new WeakMap<object, { version: string; index: Promise<Index> }>();

async function load(db: Kysely<PlatformTables>): Promise<Index> {
  const result = await sql<Omit<Row, 'distance'>>`
    select a.id, a.formation_id, fo.title, o.name as organisme, a.commune_name, a.modality, a.level, a.price_euros,
      to_char(a.next_start, 'YYYY-MM-DD') as next_start, fo.demo, a.financers, a.rome_codes, a.search_title, a.latitude, a.longitude,
      coalesce((select array_agg(to_char(s.start_on, 'YYYY-MM-DD') order by s.start_on) from trainings_sessions s where s.action_id = a.id), '{}') as starts
    from trainings_actions a
    join trainings_formations fo on fo.id = a.formation_id
    join trainings_organismes o on o.id = fo.organisme_id`.execute(db);
  const rows = result.rows.map((r) => ({ ...r, distance: null, latitude: r.latitude === null ? null : Number(r.latitude), longitude: r.longitude === null ? null : Number(r.longitude) }));
  const byRome = new Map<string, Row[]>();
  for (const r of rows) for (const c of r.rome_codes) (byRome.get(c) ?? byRome.set(c, []).get(c)!).push(r);
  return { rows, byRome };
}

/** The index of this database handle, or undefined when its change feed cannot vouch for it. */
async function indexOf(db: Kysely<PlatformTables>): Promise<Index | undefined> {
  const feed = changeFeedOf(db);
  if (!feed?.live) return undefined;
  const version = feed.version(TABLES);
  let kept = indexes.get(db);
  if (!kept || kept.version !== version) {
    kept = { version, index: load(db) };
    indexes.set(db, kept);
    const mine = kept;
    kept.index.catch(() => {
      if (indexes.get(db) === mine) indexes.delete(db);
    });
  }
  return kept.index;
}

const RAD = Math.PI / 180;
function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const FACET_SIZE = 6;
const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const sorted = (m: Map<string, number>) => [...m].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
const byStart = (a: Row, b: Row) => (a.next_start ?? '9999') .localeCompare(b.next_start ?? '9999') || a.search_title.localeCompare(b.search_title) || a.id.localeCompare(b.id);

/** The same answer as `findTrainings`, from memory; undefined when the index cannot be trusted. */
/** `db`: the platform's handle itself (its change feed is registered on it, not on a `withTables` copy). */
export async function findTrainingsInMemory(db: Kysely<PlatformTables>, f: TrainingFilter, page: number, perPage: number): Promise<TrainingsFound | undefined> {
  const index = await indexOf(db);
  if (!index) return undefined;
  const source = f.rome ? (index.byRome.get(f.rome) ?? []) : index.rows;
  const from = f.from ?? '0000-00-00';
  const to = f.to ?? '9999-99-99';
  const matches: Array<{ row: Row; distance: number | null }> = [];
  const levels = new Map<string, number>();
  const modalities = new Map<string, number>();
  const financers = new Map<string, number>();
  const jobs = new Map<string, number>();
  for (const r of source) {
    if (f.level !== undefined && r.level !== f.level) continue;
    if (f.modality && r.modality !== f.modality) continue;
    if (f.financer && !r.financers.includes(f.financer)) continue;
    if (f.words.length && !f.words.every((w) => r.search_title.includes(w))) continue;
    if ((f.from || f.to) && !r.starts.some((s) => s >= from && s <= to)) continue;
    let distance: number | null = null;
    if (f.near) {
      if (r.latitude === null || r.longitude === null) continue;
      distance = km(f.near.latitude, f.near.longitude, r.latitude, r.longitude);
      if (distance > f.near.radiusKm) continue;
    }
    matches.push({ row: r, distance });
    count(levels, String(r.level));
    count(modalities, r.modality);
    for (const x of r.financers) count(financers, x);
    for (const x of r.rome_codes) count(jobs, x);
  }
  if (f.near) matches.sort((a, b) => a.distance! - b.distance! || byStart(a.row, b.row));
  else matches.sort((a, b) => byStart(a.row, b.row));
  const hits = matches.slice((page - 1) * perPage, page * perPage).map(({ row, distance }) => ({
    formation_id: row.formation_id, title: row.title, organisme: row.organisme, commune_name: row.commune_name, modality: row.modality, level: row.level,
    price_euros: row.price_euros, next_start: row.next_start, distance, demo: row.demo,
  }));
  return { total: matches.length, hits, facets: { niveau: sorted(levels), modalite: sorted(modalities), financement: sorted(financers), metier: sorted(jobs).slice(0, FACET_SIZE) } };
}
