import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { FieldErrors } from '../../platform/views/form';
import {
  communesByCompactName,
  communesByPostalCode,
  communesCentre,
  countsByDepartement,
  departements,
  helpDb,
  placesInDepartement,
  placesNear,
  similarCommunes,
  type CentrePrecision,
  type CommuneRow,
  type PlaceWithDistance,
} from './store';
import { kindsOfType } from './kinds';
import type { HelpPlace } from './tables';

export const PAGE_SIZE = 10;
/** Places farther than this are not listed when a commune is known (Bretagne is ~300 km wide). */
export const RADIUS_KM = 30;

export interface SearchValues {
  commune: string;
  departement: string;
  type: string;
}

export interface SearchOutcome {
  values: SearchValues;
  errors: FieldErrors;
  /** Communes that look like the unknown one that was typed. */
  suggestions: CommuneRow[];
  departements: Array<{ code: string; name: string; count: number }>;
  page: number;
  pageCount: number;
  total: number;
  results:
    | { mode: 'none' }
    | { mode: 'near'; communes: CommuneRow[]; precision: CentrePrecision; places: PlaceWithDistance[] }
    | { mode: 'departement'; departement: { code: string; name: string }; places: HelpPlace[] };
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, max) : '';
}

/** Same normalisation as the SQL side: "St-Malo" → "saintmalo". */
export function compactCommuneName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(ste?)\b/g, (m) => (m === 'st' ? 'saint' : 'sainte'))
    .replace(/ /g, '');
}

/** Reads the query string of /aide-de-proximite, finds the commune, and lists the places. */
export async function searchHelpPlaces(platformDb: Kysely<PlatformTables>, query: Record<string, unknown>): Promise<SearchOutcome> {
  const db = helpDb(platformDb);
  const values: SearchValues = {
    commune: text(query.commune, 100),
    departement: text(query.departement, 3),
    type: text(query.type, 30),
  };
  const requestedPage = Number.parseInt(text(query.page, 6), 10);
  const allDepartements = await departements(db);
  const kinds = kindsOfType(values.type);
  const counts = await countsByDepartement(db, kinds ?? undefined);
  const outcome: SearchOutcome = {
    values,
    errors: {},
    suggestions: [],
    departements: allDepartements.map((d) => ({ ...d, count: counts.get(d.code) ?? 0 })),
    page: 1,
    pageCount: 1,
    total: 0,
    results: { mode: 'none' },
  };

  const departement = allDepartements.find((d) => d.code === values.departement);
  if (values.departement && !departement) outcome.errors.departement = 'Choisissez un département de Bretagne dans la liste.';
  if (kinds === null) outcome.errors.type = 'Choisissez un type de lieu dans la liste.';

  let communes: CommuneRow[] = [];
  if (values.commune) {
    const found = await findCommunes(db, values.commune, departement?.code);
    if ('error' in found) {
      outcome.errors.commune = found.error;
      outcome.suggestions = found.suggestions;
    } else {
      communes = found.communes;
    }
  }
  if (Object.keys(outcome.errors).length > 0) return outcome;

  const page = Number.isFinite(requestedPage) && requestedPage > 1 ? requestedPage : 1;
  if (communes.length > 0) {
    const centre = await communesCentre(db, communes);
    if (!centre) return outcome;
    const search = { point: centre, communeCodes: communes.map((c) => c.code), kinds: kinds ?? undefined, radiusKm: RADIUS_KM };
    let found = await placesNear(db, { ...search, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const pageCount = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    if (page > pageCount) found = await placesNear(db, { ...search, limit: PAGE_SIZE, offset: (pageCount - 1) * PAGE_SIZE });
    return {
      ...outcome,
      page: Math.min(page, pageCount),
      pageCount,
      total: found.total,
      results: { mode: 'near', communes, precision: centre.precision, places: found.places },
    };
  }
  if (departement) {
    let found = await placesInDepartement(db, { departement: departement.code, kinds: kinds ?? undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    const pageCount = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
    if (page > pageCount) found = await placesInDepartement(db, { departement: departement.code, kinds: kinds ?? undefined, limit: PAGE_SIZE, offset: (pageCount - 1) * PAGE_SIZE });
    return {
      ...outcome,
      page: Math.min(page, pageCount),
      pageCount,
      total: found.total,
      results: { mode: 'departement', departement, places: found.places },
    };
  }
  return outcome;
}

type Found = { communes: CommuneRow[] } | { error: string; suggestions: CommuneRow[] };

/**
 * The Breton communes a person means by what they typed (a name, with or without accents and
 * hyphens, or a postal code), or a French message saying why none was found. Used by the one
 * search's distance filter as well as by this page.
 */
export async function resolveCommune(platformDb: Kysely<PlatformTables>, typed: string): Promise<{ communes: Array<{ code: string; name: string }> } | { error: string }> {
  const found = await findCommunes(helpDb(platformDb), typed.trim().slice(0, 100), undefined);
  return 'error' in found ? { error: found.error } : { communes: found.communes.map((c) => ({ code: c.code, name: c.name })) };
}

export async function findCommunes(db: ReturnType<typeof helpDb>, typed: string, departement: string | undefined): Promise<Found> {
  const inDepartement = (list: CommuneRow[]) => (departement ? list.filter((c) => c.departement_code === departement) : list);
  if (/^\d+$/.test(typed.replace(/\s/g, ''))) {
    const code = typed.replace(/\s/g, '');
    if (!/^\d{5}$/.test(code)) {
      return { error: 'Un code postal a 5 chiffres, par exemple 35000. Vous pouvez aussi taper le nom de la commune.', suggestions: [] };
    }
    const communes = inDepartement(await communesByPostalCode(db, code));
    if (communes.length === 0) {
      return {
        error: `Aucune commune de Bretagne n'a le code postal ${code}${departement ? ' dans ce département' : ''}. Vérifiez le code, ou tapez le nom de la commune.`,
        suggestions: [],
      };
    }
    return { communes };
  }
  const compact = compactCommuneName(typed);
  if (compact.length < 2) return { error: 'Tapez au moins 2 lettres du nom de la commune, ou son code postal.', suggestions: [] };
  const named = await communesByCompactName(db, compact);
  const communes = inDepartement(named);
  if (communes.length === 1) return { communes };
  if (communes.length > 1) {
    return {
      error: `Plusieurs communes de Bretagne s'appellent ${communes[0]!.name}. Choisissez aussi le département, ou tapez le code postal.`,
      suggestions: communes,
    };
  }
  if (named.length > 0) {
    return { error: `La commune ${named[0]!.name} n'est pas dans ce département. Changez de département ou choisissez « Tous les départements ».`, suggestions: named };
  }
  return {
    error: `Nous ne trouvons pas de commune « ${typed} » en Bretagne. Vérifiez l'orthographe, ou tapez le code postal.`,
    suggestions: await similarCommunes(db, typed),
  };
}
