import type { Kysely } from 'kysely';
import { changeFeedOf } from '../../platform/db/changes';
import type { PlatformTables } from '../../platform/db/tables';
import { nearPoint, type NearPoint } from '../help';
import { jobLabels, orientationDb } from '../orientation';
import { FINANCERS, LEVELS, MODALITIES } from './model';
import { findTrainingsInMemory } from './memory-index';
import { findTrainings, type TrainingFilter, type TrainingsFound } from './search-store';
import { fold, trainingsDb } from './store';

export const TRAININGS_PATH = '/orientation/formations';
export const PER_PAGE = 10;
export const RADII = [10, 30, 60] as const;
const MAX_QUERY = 100;

export interface TrainingsValues {
  q: string;
  metier: string;
  niveau: string;
  modalite: string;
  financement: string;
  du: string;
  au: string;
  commune: string;
  rayon: string;
}
export const FIELDS: Array<keyof TrainingsValues> = ['q', 'metier', 'niveau', 'modalite', 'financement', 'du', 'au', 'commune', 'rayon'];

export interface TrainingsOutcome {
  values: TrainingsValues;
  errors: Partial<Record<keyof TrainingsValues, string>>;
  near: NearPoint | undefined;
  found: TrainingsFound;
  /** Labels of the jobs shown in the job facet (and of the one asked). */
  jobs: Map<string, string>;
  page: number;
  pages: number;
}

const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '').trim();
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return ISO.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export function queryWords(q: string): string[] {
  return [...new Set(fold(q).match(/[\p{L}\p{N}]{2,}/gu) ?? [])].slice(0, 6);
}

const EMPTY: TrainingsFound = { total: 0, hits: [], facets: { niveau: [], modalite: [], financement: [], metier: [] } };

/**
 * Job labels by code, remembered per database handle while the change feed vouches that
 * orientation_fiches did not change (one round trip less per search); read each time otherwise.
 */
const labelMemo = new WeakMap<object, { version: string; labels: Map<string, string> }>();
async function labelsOf(db: Kysely<PlatformTables>, codes: string[]): Promise<Map<string, string>> {
  const feed = changeFeedOf(db);
  if (!feed?.live) return jobLabels(orientationDb(db), codes);
  const version = feed.version(['orientation_fiches']);
  let memo = labelMemo.get(db);
  if (!memo || memo.version !== version) labelMemo.set(db, (memo = { version, labels: new Map() }));
  const missing = codes.filter((c) => !memo.labels.has(c));
  if (missing.length) for (const [k, v] of await jobLabels(orientationDb(db), missing)) memo.labels.set(k, v);
  return new Map(codes.flatMap((c) => (memo.labels.has(c) ? [[c, memo.labels.get(c)!] as const] : [])));
}

/**
 * The list of trainings: words, job, level, modality, financer, start dates, distance from a
 * commune — combined. A bad filter gets a French message next to its field and no list (422).
 */
export async function searchTrainings(db: Kysely<PlatformTables>, query: Record<string, unknown>): Promise<TrainingsOutcome> {
  const values = Object.fromEntries(FIELDS.map((f) => [f, text(query[f])])) as unknown as TrainingsValues;
  values.metier = values.metier.toUpperCase();
  const errors: TrainingsOutcome['errors'] = {};
  const words = queryWords(values.q);
  if (values.q.length > MAX_QUERY) errors.q = `Écrivez ${MAX_QUERY} caractères au plus.`;
  else if (values.q && !words.length) errors.q = 'Écrivez au moins deux lettres, par exemple « cuisine ».';
  const jobs = new Map<string, string>();
  if (values.metier) {
    const known = /^[A-N]\d{4}$/.test(values.metier) ? await labelsOf(db, [values.metier]) : new Map<string, string>();
    if (!known.size) errors.metier = 'Ce métier n’existe pas : choisissez un métier dans la liste, ou un code ROME comme D1102.';
    for (const [k, v] of known) jobs.set(k, v);
  }
  if (values.niveau && !(values.niveau in LEVELS)) errors.niveau = 'Ce niveau n’existe pas : choisissez un niveau dans la liste.';
  if (values.modalite && !(values.modalite in MODALITIES)) errors.modalite = 'Choisissez « Sur place », « Sur place et à distance » ou « À distance ».';
  if (values.financement && !(values.financement in FINANCERS)) errors.financement = 'Ce financement n’existe pas : choisissez-en un dans la liste.';
  if (values.du && !validDay(values.du)) errors.du = 'Écrivez une date sous la forme AAAA-MM-JJ, par exemple 2027-03-01.';
  if (values.au && !validDay(values.au)) errors.au = 'Écrivez une date sous la forme AAAA-MM-JJ, par exemple 2027-06-30.';
  if (!errors.du && !errors.au && values.du && values.au && values.au < values.du) errors.au = 'Cette date est avant la date « à partir du ».';
  if (values.rayon && !RADII.map(String).includes(values.rayon)) errors.rayon = `Choisissez ${RADII.join(', ')} km.`;
  let near: NearPoint | undefined;
  if (values.commune) {
    const found = await nearPoint(db, values.commune);
    if (found && 'error' in found) errors.commune = found.error;
    else near = found?.point;
  }
  const requested = Number.parseInt(text(query.page), 10);
  let page = Number.isFinite(requested) && requested > 0 ? Math.min(requested, 10_000) : 1;
  if (Object.keys(errors).length) return { values, errors, near, found: EMPTY, jobs, page: 1, pages: 1 };
  const filter: TrainingFilter = {
    words,
    rome: values.metier || undefined,
    level: values.niveau ? Number(values.niveau) : undefined,
    modality: values.modalite || undefined,
    financer: values.financement || undefined,
    from: values.du || undefined,
    to: values.au || undefined,
    near: near ? { latitude: near.latitude, longitude: near.longitude, radiusKm: Number(values.rayon || 30) } : undefined,
  };
  const tdb = trainingsDb(db);
  const find = async (p: number) => (await findTrainingsInMemory(db, filter, p, PER_PAGE)) ?? findTrainings(tdb, filter, p, PER_PAGE);
  let found = await find(page);
  const pages = Math.max(1, Math.ceil(found.total / PER_PAGE));
  if (page > pages) {
    page = pages;
    found = await find(page);
  }
  const labels = await labelsOf(db, found.facets.metier.map((f) => f.value).filter((c) => !jobs.has(c)));
  for (const [k, v] of labels) jobs.set(k, v);
  return { values, errors, near, found, jobs, page, pages };
}

export function trainingsHref(values: Partial<TrainingsValues>, page = 1): string {
  const params = new URLSearchParams();
  for (const f of FIELDS) if (values[f]) params.set(f, values[f]!);
  if (page > 1) params.set('page', String(page));
  const q = params.toString();
  return q ? `${TRAININGS_PATH}?${q}` : TRAININGS_PATH;
}
