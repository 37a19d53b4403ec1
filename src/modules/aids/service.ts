import { csvDocument } from '../../platform/csv';
import type { FieldErrors } from '../../platform/views/form';
import { AUDIENCES, PORTEUR_KINDS, THEMES, type Aid } from './format';
import { describeTerritory, formatAmount } from './explain';
import { searchPublished, type AidsDb, type AidListRow } from './store';

export const AIDS_PER_PAGE = 10;

export interface AidSearchValues {
  q: string;
  theme: string;
  public: string;
  niveau: string;
}

export interface AidSearchOutcome {
  values: AidSearchValues;
  errors: FieldErrors;
  total: number;
  page: number;
  pages: number;
  rows: AidListRow[];
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, max) : '';
}

/** Reads the query string of a list of aids, checks it, and searches. */
export async function searchAids(db: AidsDb, query: Record<string, unknown>, tenantId?: string): Promise<AidSearchOutcome> {
  const values: AidSearchValues = { q: text(query.q, 100), theme: text(query.theme, 40), public: text(query.public, 40), niveau: text(query.niveau, 40) };
  const errors: FieldErrors = {};
  if (values.theme && !Object.hasOwn(THEMES, values.theme)) errors.theme = 'Choisissez un thème dans la liste.';
  if (values.public && !Object.hasOwn(AUDIENCES, values.public)) errors.public = 'Choisissez un public dans la liste.';
  if (values.niveau && !Object.hasOwn(PORTEUR_KINDS, values.niveau)) errors.niveau = 'Choisissez un type d’organisme dans la liste.';
  const requested = typeof query.page === 'string' && /^\d{1,4}$/.test(query.page) ? Math.max(1, Number(query.page)) : 1;
  if (Object.keys(errors).length) return { values, errors, total: 0, page: 1, pages: 1, rows: [] };
  const filters = {
    text: values.q || undefined,
    theme: values.theme || undefined,
    audience: values.public || undefined,
    porteurKind: values.niveau || undefined,
    tenantId,
  };
  let found = await searchPublished(db, { ...filters, limit: AIDS_PER_PAGE, offset: (requested - 1) * AIDS_PER_PAGE });
  const pages = Math.max(1, Math.ceil(found.total / AIDS_PER_PAGE));
  const page = Math.min(requested, pages);
  if (page !== requested) found = await searchPublished(db, { ...filters, limit: AIDS_PER_PAGE, offset: (page - 1) * AIDS_PER_PAGE });
  return { values, errors, total: found.total, page, pages, rows: found.rows };
}

export const EXPORT_COLUMNS = [
  'id',
  'nom',
  'resume',
  'porteur',
  'type_porteur',
  'collectivite_guichet',
  'publics',
  'themes',
  'types_aide',
  'montant',
  'territoire',
  'codes_territoire',
  'permanente',
  'date_ouverture',
  'date_cloture',
  'lien',
  'lien_demande',
  'verifiee_le',
] as const;

/** One aid as a flat line (the CSV export; the JSON export gives the whole definition). */
export function exportLine(tenantId: string, aid: Aid): Record<(typeof EXPORT_COLUMNS)[number], string> {
  return {
    id: aid.id,
    nom: aid.name,
    resume: aid.summary,
    porteur: aid.porteur.name,
    type_porteur: aid.porteur.kind,
    collectivite_guichet: tenantId,
    publics: aid.audiences.join('|'),
    themes: aid.themes.join('|'),
    types_aide: aid.aid_types.join('|'),
    montant: aid.amount ? formatAmount(aid.amount) : '',
    territoire: describeTerritory(aid.territory),
    codes_territoire: aid.territory.scope === 'national' ? 'FR' : aid.territory.areas.map((a) => `${a.level}:${a.code}`).join('|'),
    permanente: aid.dates.permanent ? 'oui' : 'non',
    date_ouverture: aid.dates.opening ?? '',
    date_cloture: aid.dates.closing ?? '',
    lien: aid.link,
    lien_demande: aid.apply_url ?? '',
    verifiee_le: aid.last_verified,
  };
}

export function toCsv(lines: Array<Record<string, string>>): string {
  return csvDocument(EXPORT_COLUMNS, lines);
}
