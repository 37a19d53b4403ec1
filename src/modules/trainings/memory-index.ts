/**
 * The faceted search in memory: every action's searched columns, loaded once per version of the
 * trainings tables (the database's change feed vouches for it, as for the eligibility's index of
 * published aids), then filtered, counted and sorted in JavaScript — a few ms over 50,000
 * trainings where SQL counting the facets took hundreds. Without a live feed, `findTrainings`
 * (SQL) answers; both give the same results (tested).
 *
 * What keeps a 60 km search over 20,000 matches cheap (bench/trainings.ts):
 * - rows are loaded in the list's order (next start, title, id: the database's collation), so
 *   their position is their rank: no string comparison at query time, and without a commune the
 *   matches come out already sorted;
 * - with a commune, only the first `page × perPage` nearest are kept (a bounded insertion, ties
 *   by rank), not all matches sorted; a bounding box is tested before the great-circle formula;
 * - facet values are small integers counted in typed arrays, start dates are day numbers.
 */
import { sql } from 'kysely';
import { changeFeedOf } from '../../platform/db/changes';
import { boundingBox, type TrainingFilter, type TrainingHit, type TrainingsFound } from './search-store';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';

interface Row extends Omit<TrainingHit, 'distance'> {
  financers: string[];
  rome_codes: string[];
  search_title: string;
  latitude: number | null;
  longitude: number | null;
  starts: string[];
}
/** Values of a facet as small integers (their position in `names`). */
class Dictionary {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) this.ids.set(name, (id = this.names.push(name) - 1));
    return id;
  }
}
interface Index {
  rows: Row[];
  /** Positions in `rows` (ascending: the list's order) of the actions leading to each job. */
  byRome: Map<string, Int32Array>;
  level: Int16Array;
  modality: Uint8Array;
  financers: Int32Array[];
  romes: Int32Array[];
  /** Session start days as yyyymmdd numbers. */
  starts: Int32Array[];
  lat: Float64Array;
  lon: Float64Array;
  /** cos(latitude), for the great-circle formula. */
  cosLat: Float64Array;
  /** The highest level (the facet's counters go up to it). */
  maxLevel: number;
  dict: { modality: Dictionary; financer: Dictionary; rome: Dictionary };
}

const RAD = Math.PI / 180;
const TABLES = ['trainings_formations', 'trainings_actions', 'trainings_sessions'] as const;
const indexes = new WeakMap<object, { version: string; index: Promise<Index> }>();
const dayNumber = (iso: string) => Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));

async function load(db: Kysely<PlatformTables>): Promise<Index> {
  const result = await sql<Row>`
    select a.formation_id, fo.title, o.name as organisme, a.commune_name, a.modality, a.level, a.price_euros,
      to_char(a.next_start, 'YYYY-MM-DD') as next_start, fo.demo, a.financers, a.rome_codes, a.search_title, a.latitude, a.longitude,
      coalesce((select array_agg(to_char(s.start_on, 'YYYY-MM-DD') order by s.start_on) from trainings_sessions s where s.action_id = a.id), '{}') as starts
    from trainings_actions a
    join trainings_formations fo on fo.id = a.formation_id
    join trainings_organismes o on o.id = fo.organisme_id
    order by a.next_start nulls last, a.search_title, a.id`.execute(db);
  const rows = result.rows;
  const n = rows.length;
  const dict = { modality: new Dictionary(), financer: new Dictionary(), rome: new Dictionary() };
  const index: Index = {
    rows, byRome: new Map(), level: new Int16Array(n), modality: new Uint8Array(n), financers: [], romes: [], starts: [],
    lat: new Float64Array(n).fill(Number.NaN), lon: new Float64Array(n).fill(Number.NaN), cosLat: new Float64Array(n), maxLevel: rows.reduce((m, r) => Math.max(m, r.level), 0), dict,
  };
  const byRome = new Map<string, number[]>();
  rows.forEach((r, i) => {
    index.level[i] = r.level;
    index.modality[i] = dict.modality.id(r.modality);
    index.financers.push(Int32Array.from(r.financers, (x) => dict.financer.id(x)));
    index.romes.push(Int32Array.from(r.rome_codes, (x) => dict.rome.id(x)));
    index.starts.push(Int32Array.from(r.starts, dayNumber));
    if (r.latitude !== null && r.longitude !== null) {
      [index.lat[i], index.lon[i]] = [Number(r.latitude), Number(r.longitude)];
      index.cosLat[i] = Math.cos(Number(r.latitude) * RAD);
    }
    for (const c of r.rome_codes) (byRome.get(c) ?? byRome.set(c, []).get(c)!).push(i);
  });
  for (const [code, positions] of byRome) index.byRome.set(code, Int32Array.from(positions));
  return index;
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

/** The great-circle distance in km (the SQL's formula), cosines of both latitudes given. */
function km(lat1: number, lon1: number, cos1: number, lat2: number, lon2: number, cos2: number): number {
  const a = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + cos1 * cos2 * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const FACET_SIZE = 6;
/** Beyond this many hits to keep (far pages), the matches are sorted whole instead. */
const BOUNDED = 1000;

function facet(counts: Int32Array, names: readonly string[]) {
  const list: Array<{ value: string; count: number }> = [];
  counts.forEach((n, id) => {
    if (n > 0) list.push({ value: names[id]!, count: n });
  });
  return list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * The `keep` nearest matches in order (distance, then rank), inserted one by one: a match farther
 * than the last kept is refused with one comparison. Matches arrive in rank order, so a tie of
 * distance keeps the earlier rank first (inserted after its equals).
 */
class Nearest {
  readonly positions: number[] = [];
  readonly distances: number[] = [];
  constructor(private readonly keep: number) {}
  add(position: number, distance: number): void {
    const d = this.distances;
    if (d.length >= this.keep && distance >= d[d.length - 1]!) return;
    let lo = 0;
    let hi = d.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (d[mid]! <= distance) lo = mid + 1;
      else hi = mid;
    }
    d.splice(lo, 0, distance);
    this.positions.splice(lo, 0, position);
    if (d.length > this.keep) {
      d.pop();
      this.positions.pop();
    }
  }
}

/** The same answer as `findTrainings`, from memory; undefined when the index cannot be trusted. */
/** `db`: the platform's handle itself (its change feed is registered on it, not on a `withTables` copy). */
export async function findTrainingsInMemory(db: Kysely<PlatformTables>, f: TrainingFilter, page: number, perPage: number): Promise<TrainingsFound | undefined> {
  const index = await indexOf(db);
  if (!index) return undefined;
  const { rows, dict } = index;
  const source = f.rome ? index.byRome.get(f.rome) : undefined;
  if (f.rome && !source) return { total: 0, hits: [], facets: { niveau: [], modalite: [], financement: [], metier: [] } };
  const size = source ? source.length : rows.length;
  const from = f.from ? dayNumber(f.from) : 0;
  const to = f.to ? dayNumber(f.to) : 99_999_999;
  const modality = f.modality === undefined ? -1 : dict.modality.names.indexOf(f.modality);
  const financer = f.financer === undefined ? -1 : dict.financer.names.indexOf(f.financer);
  if ((f.modality && modality < 0) || (f.financer && financer < 0)) return { total: 0, hits: [], facets: { niveau: [], modalite: [], financement: [], metier: [] } };
  const box = f.near ? boundingBox(f.near) : undefined;
  const cosNear = f.near ? Math.cos(f.near.latitude * RAD) : 0;
  const first = (page - 1) * perPage;
  const keep = first + perPage;
  const nearest = f.near && keep <= BOUNDED ? new Nearest(keep) : undefined;
  const all: Array<{ position: number; distance: number }> = [];
  const inOrder: number[] = [];
  const levels = new Int32Array(index.maxLevel + 1);
  const modalities = new Int32Array(dict.modality.names.length);
  const financers = new Int32Array(dict.financer.names.length);
  const jobs = new Int32Array(dict.rome.names.length);
  let total = 0;
  for (let k = 0; k < size; k++) {
    const i = source ? source[k]! : k;
    if (f.level !== undefined && index.level[i] !== f.level) continue;
    if (modality >= 0 && index.modality[i] !== modality) continue;
    if (financer >= 0 && !index.financers[i]!.includes(financer)) continue;
    if (f.words.length && !f.words.every((w) => rows[i]!.search_title.includes(w))) continue;
    if (f.from || f.to) {
      const starts = index.starts[i]!;
      let dated = false;
      for (let s = 0; s < starts.length && !dated; s++) dated = starts[s]! >= from && starts[s]! <= to;
      if (!dated) continue;
    }
    if (f.near && box) {
      const lat = index.lat[i]!;
      const lon = index.lon[i]!;
      // NaN (no position) fails these comparisons too.
      if (!(lat >= box.minLat && lat <= box.maxLat && lon >= box.minLon && lon <= box.maxLon)) continue;
      const distance = km(f.near.latitude, f.near.longitude, cosNear, lat, lon, index.cosLat[i]!);
      if (distance > f.near.radiusKm) continue;
      if (nearest) nearest.add(i, distance);
      else all.push({ position: i, distance });
    } else if (total < keep) inOrder.push(i);
    total += 1;
    levels[index.level[i]!]! += 1;
    modalities[index.modality[i]!]! += 1;
    const fin = index.financers[i]!;
    for (let x = 0; x < fin.length; x++) financers[fin[x]!]! += 1;
    const job = index.romes[i]!;
    for (let x = 0; x < job.length; x++) jobs[job[x]!]! += 1;
  }
  let page_: Array<{ position: number; distance: number | null }>;
  if (nearest) page_ = nearest.positions.slice(first).map((position, j) => ({ position, distance: nearest.distances[first + j]! }));
  else if (f.near) page_ = all.sort((a, b) => a.distance - b.distance || a.position - b.position).slice(first, keep);
  else page_ = inOrder.slice(first, keep).map((position) => ({ position, distance: null }));
  const hits = page_.map(({ position, distance }) => {
    const row = rows[position]!;
    return {
      formation_id: row.formation_id, title: row.title, organisme: row.organisme, commune_name: row.commune_name, modality: row.modality, level: row.level,
      price_euros: row.price_euros, next_start: row.next_start, distance, demo: row.demo,
    };
  });
  const levelNames = Array.from({ length: levels.length }, (_, l) => String(l));
  return {
    total,
    hits,
    facets: {
      niveau: facet(levels, levelNames),
      modalite: facet(modalities, dict.modality.names),
      financement: facet(financers, dict.financer.names),
      metier: facet(jobs, dict.rome.names).slice(0, FACET_SIZE),
    },
  };
}
