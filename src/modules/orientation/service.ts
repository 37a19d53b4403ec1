import { normaliseWord } from '../../platform/search';
import { findFiches, listDomains, listInterests, type Domain, type FicheHit, type Interest, type OrientationDb } from './store';

export const JOBS_PATH = '/orientation/metiers';
export const PER_PAGE = 20;
const MAX_QUERY = 100;

export interface JobsValues {
  q: string;
  domaine: string;
  interet: string;
}

export interface JobsOutcome {
  values: JobsValues;
  errors: Partial<Record<keyof JobsValues, string>>;
  domains: Domain[];
  interests: Interest[];
  /** Whether the person asked for something: without it, the page shows the ways in. */
  asked: boolean;
  hits: FicheHit[];
  total: number;
  page: number;
  pages: number;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The words of a search, normalised; one-letter bits (« d' ») dropped. */
export function queryWords(q: string): string[] {
  return [...new Set(normaliseWord(q).match(/[\p{L}\p{N}]{2,}/gu) ?? [])].slice(0, 8);
}

/**
 * The list of jobs: by words in their appellations, by domain (grand or professional) and by
 * centre d'intérêt, combined. A bad filter gets a message next to its field and no results.
 */
export async function searchJobs(db: OrientationDb, query: Record<string, unknown>): Promise<JobsOutcome> {
  const values: JobsValues = { q: text(query.q), domaine: text(query.domaine).toUpperCase(), interet: text(query.interet) };
  const [domains, interests] = await Promise.all([listDomains(db), listInterests(db)]);
  const errors: JobsOutcome['errors'] = {};
  const words = queryWords(values.q);
  if (values.q.length > MAX_QUERY) errors.q = `Écrivez ${MAX_QUERY} caractères au plus.`;
  else if (values.q && words.length === 0) errors.q = 'Écrivez au moins deux lettres du nom d’un métier, par exemple « boulangère ».';
  const grandDomains = new Set(domains.map((d) => d.grand_domain_code));
  if (values.domaine && !grandDomains.has(values.domaine) && !domains.some((d) => d.code === values.domaine)) {
    errors.domaine = 'Ce domaine n’existe pas : choisissez un domaine dans la liste.';
  }
  let interest: number | null = null;
  if (values.interet) {
    interest = /^\d{1,3}$/.test(values.interet) ? Number(values.interet) : NaN;
    if (!interests.some((i) => i.code === interest)) errors.interet = 'Ce centre d’intérêt n’existe pas : choisissez-en un dans la liste.';
  }
  const asked = Boolean(values.q || values.domaine || values.interet);
  const base = { values, errors, domains, interests, asked, hits: [], total: 0, page: 1, pages: 1 };
  if (!asked || Object.keys(errors).length > 0) return base;

  const requested = Number.parseInt(text(query.page), 10);
  let page = Number.isFinite(requested) && requested > 0 ? Math.min(requested, 10_000) : 1;
  const filter = { words, domain: values.domaine, interest };
  let found = await findFiches(db, filter, page, PER_PAGE);
  const pages = Math.max(1, Math.ceil(found.total / PER_PAGE));
  // A page beyond the last one (an old link): the last page.
  if (page > pages) {
    page = pages;
    found = await findFiches(db, filter, page, PER_PAGE);
  }
  return { ...base, hits: found.hits, total: found.total, page, pages };
}

/** The address of a list, with its filters (the page when beyond the first). */
export function jobsHref(values: Partial<JobsValues>, page = 1): string {
  const params = new URLSearchParams();
  if (values.q) params.set('q', values.q);
  if (values.domaine) params.set('domaine', values.domaine);
  if (values.interet) params.set('interet', values.interet);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${JOBS_PATH}?${query}` : JOBS_PATH;
}
