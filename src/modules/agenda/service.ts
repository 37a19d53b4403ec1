import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { resolveCommune } from '../help';
import { listDomains, orientationDb, type JobDomain } from '../orientation';
import { communeCentres } from '../territories';
import { agendaDb, findEvents, type EventWithDistance, type EventFilter } from './store';
import type { EventKind } from './tables';
import { AGENDA_PATH, KINDS } from './vocabulary';
import { nextDay, parisDay, parisInstant } from './when';

export const PER_PAGE = 10;
export const DISTANCES = ['5', '10', '20', '30', '50'] as const;
const DEFAULT_DISTANCE = '30';

export interface AgendaValues {
  du: string;
  au: string;
  commune: string;
  distance: string;
  type: string;
  domaine: string;
}

export interface AgendaOutcome {
  values: AgendaValues;
  errors: Partial<Record<keyof AgendaValues, string>>;
  domains: Array<{ code: string; label: string }>;
  /** The commune found for `commune`, as the person reads it. */
  near?: string | undefined;
  events: EventWithDistance[];
  total: number;
  page: number;
  pages: number;
  filter?: EventFilter | undefined;
}

function text(value: unknown, max = 100): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, max + 1) : '';
}

/** The 14 grand domains of ROME (one letter), the job domain filter. */
export function grandDomains(domains: JobDomain[]): Array<{ code: string; label: string }> {
  const seen = new Map<string, string>();
  for (const d of domains) seen.set(d.grand_domain_code, d.grand_domain_label);
  return [...seen].map(([code, label]) => ({ code, label }));
}

/** « 16/01/2027 » as « 2027-01-16 » (the form's way); an ISO day or anything else is kept as typed. */
const isoDay = (typed: string) => typed.replace(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, (_, d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
const validDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

/**
 * Reads the filters of /agenda (and of /agenda.ics, which keeps them): dates, commune and
 * distance, type, job domain. A bad filter gets a French message next to its field and no list.
 */
export async function readFilters(db: Kysely<PlatformTables>, query: Record<string, unknown>, now: Date): Promise<Omit<AgendaOutcome, 'events' | 'total' | 'page' | 'pages'>> {
  const values: AgendaValues = {
    du: isoDay(text(query.du, 10)),
    au: isoDay(text(query.au, 10)),
    commune: text(query.commune),
    distance: text(query.distance, 3) || DEFAULT_DISTANCE,
    type: text(query.type, 20),
    domaine: text(query.domaine, 3).toUpperCase(),
  };
  const errors: AgendaOutcome['errors'] = {};
  const domains = grandDomains(await listDomains(orientationDb(db)));
  if (values.du && !validDay(values.du)) errors.du = 'Écrivez une date comme 16/01/2027.';
  if (values.au && !validDay(values.au)) errors.au = 'Écrivez une date comme 16/01/2027.';
  else if (values.au && values.du && !errors.du && values.au < values.du) errors.au = 'La date de fin doit être après la date de début.';
  if (!(DISTANCES as readonly string[]).includes(values.distance)) errors.distance = 'Choisissez une distance dans la liste.';
  if (values.type && !Object.hasOwn(KINDS, values.type)) errors.type = 'Choisissez un type d’événement dans la liste.';
  if (values.domaine && !domains.some((d) => d.code === values.domaine)) errors.domaine = 'Ce domaine n’existe pas : choisissez un domaine dans la liste.';
  let near: EventFilter['near'];
  let nearLabel: string | undefined;
  if (values.commune.length > 100) errors.commune = 'Écrivez 100 caractères au plus.';
  else if (values.commune) {
    const found = await resolveCommune(db, values.commune);
    if ('error' in found) errors.commune = found.error;
    else {
      const points = found.communes.flatMap((c) => communeCentres().get(c.code) ?? []);
      if (!points.length) errors.commune = `Nous ne connaissons pas encore la position de la commune « ${values.commune} ». Essayez une commune voisine.`;
      else {
        nearLabel = found.communes.map((c) => c.name).join(', ');
        near = {
          latitude: points.reduce((s, p) => s + p.lat, 0) / points.length,
          longitude: points.reduce((s, p) => s + p.lon, 0) / points.length,
          radiusKm: Number(values.distance),
        };
      }
    }
  }
  if (Object.keys(errors).length) return { values, errors, domains };
  // From the chosen first day (never before now: past events leave the lists), to the end of the last.
  const fromDay = values.du ? parisInstant(values.du) : now;
  const filter: EventFilter = {
    from: fromDay > now ? fromDay : now,
    before: values.au ? parisInstant(nextDay(values.au)) : undefined,
    kind: (values.type || undefined) as EventKind | undefined,
    domain: values.domaine || undefined,
    near,
  };
  return { values, errors, domains, near: nearLabel, filter };
}

/** The list of /agenda, paginated (a page beyond the last shows the last). */
export async function agendaList(db: Kysely<PlatformTables>, query: Record<string, unknown>, now = new Date()): Promise<AgendaOutcome> {
  const read = await readFilters(db, query, now);
  const base = { ...read, events: [], total: 0, page: 1, pages: 1 };
  if (!read.filter) return base;
  const requested = Number.parseInt(text(query.page, 6), 10);
  let page = Number.isFinite(requested) && requested > 0 ? requested : 1;
  let found = await findEvents(agendaDb(db), read.filter, (page - 1) * PER_PAGE, PER_PAGE);
  const pages = Math.max(1, Math.ceil(found.total / PER_PAGE));
  if (page > pages) {
    page = pages;
    found = await findEvents(agendaDb(db), read.filter, (page - 1) * PER_PAGE, PER_PAGE);
  }
  return { ...base, events: found.events, total: found.total, page, pages };
}

/** The query string of a list (the same for the page and the feed), its page when beyond the first. */
export function agendaQuery(values: Partial<AgendaValues>, page = 1): string {
  const params = new URLSearchParams();
  if (values.du) params.set('du', values.du);
  if (values.au) params.set('au', values.au);
  if (values.commune) params.set('commune', values.commune);
  if (values.commune && values.distance && values.distance !== DEFAULT_DISTANCE) params.set('distance', values.distance);
  if (values.type) params.set('type', values.type);
  if (values.domaine) params.set('domaine', values.domaine);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const agendaHref = (values: Partial<AgendaValues>, page = 1) => `${AGENDA_PATH}${agendaQuery(values, page)}`;
export const eventHref = (id: string) => `${AGENDA_PATH}/${encodeURIComponent(id)}`;
export { parisDay };
