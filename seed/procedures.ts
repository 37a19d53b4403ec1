/**
 * Loads the national procedures of service-public.fr (DILA, « Vos droits et démarches ») from the
 * open data copied in seed/data/service-public/ (see its SOURCE.txt) into the `procedures` table.
 * Used by the seed and by `npm run reindex`; nothing is downloaded at run time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { OnlineService, Procedure, ProceduresTables } from '../src/modules/procedures';
import type { PlatformTables } from '../src/platform/db/tables';

export const SERVICE_PUBLIC_DIR = join(import.meta.dirname, 'data', 'service-public');

interface SheetRecord {
  id: string;
  audience: string;
  kind: string;
  title: string;
  intro?: string;
  breadcrumb: string[];
  url: string;
  modified: string;
}

interface ServiceRecord {
  id: string;
  kind: string;
  title: string;
  url: string;
  provider?: string;
  description?: string;
  /** « 13997*01 »: the Cerfa number of a form. */
  cerfa?: string;
  /** Another number the form is known by (« 2042 », « 940-SD »). */
  otherNumber?: string;
  audiences: string[];
  sheets?: string[];
  themes: string[];
}

/** The online services worth a link: those that do the procedure or compute it (not forms or models). */
const ONLINE_KINDS = ['Téléservice', 'Téléservice personnalisé sur SP', 'Simulateur'];
/** Forms (Cerfa) and letter models: found by the search on their own, by title or by number. */
const FORM_KINDS = ['Formulaire', 'Modèle de document'];
/** « Demande de RSA (Mayotte) »: a form for one overseas territory only concerns no one in Bretagne. */
const ONE_OVERSEAS_TERRITORY = /\((Mayotte|Guadeloupe|Martinique|Guyane|La Réunion|Saint-Pierre-et-Miquelon|Saint-Barthélemy|Saint-Martin|Nouvelle-Calédonie|Polynésie française|Wallis et Futuna)\)/;
const AUDIENCE_ORDER = ['particuliers', 'professionnels', 'associations'];
/** The latest « important change » date of the extract (SOURCE.txt): the date of an online service. */
const EXTRACT_DATE = '2020-12-26';
const MAX_SERVICES_PER_SHEET = 3;

/** « Formulaire Cerfa n° 13997*01 (2754-SD). »: how people ask for a form, first in its text. */
function formNumbers(s: ServiceRecord): string {
  if (!s.cerfa && !s.otherNumber) return '';
  const cerfa = s.cerfa ? `Formulaire Cerfa n° ${s.cerfa}` : `Formulaire n° ${s.otherNumber}`;
  return `${cerfa}${s.cerfa && s.otherNumber ? ` (${s.otherNumber})` : ''}.`;
}

/** Lower-case words of 4 letters or more, without accents: enough to tell what a title is about. */
function significantWords(title: string): string[] {
  return title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/\p{L}{4,}/gu) ?? [];
}

function read<T>(file: string): T {
  return JSON.parse(readFileSync(join(SERVICE_PUBLIC_DIR, file), 'utf8')) as T;
}

/**
 * One row per sheet (theme pages and DILA's draft « ** » pages left out; a sheet published for
 * two audiences kept once, for particuliers first) and one per online service that a sheet links to.
 */
export function readProcedures(): Procedure[] {
  const sheets = read<SheetRecord[]>('fiches.json')
    .filter((s) => s.kind !== 'thème' && !s.title.startsWith('*'))
    .sort((a, b) => AUDIENCE_ORDER.indexOf(a.audience) - AUDIENCE_ORDER.indexOf(b.audience));
  const everyService = read<ServiceRecord[]>('services-en-ligne.json').filter((s) => !s.title.startsWith('*'));
  const services = everyService.filter((s) => ONLINE_KINDS.includes(s.kind) && (s.sheets?.length ?? 0) > 0);
  const forms = everyService.filter((s) => FORM_KINDS.includes(s.kind) && !ONE_OVERSEAS_TERRITORY.test(s.title));

  // For each sheet, the online services that name what it is about first (« Pré-demande de carte
  // d'identité » for « Carte d'identité », before the birth certificate requests that the dossier
  // also lists: those are left out), then téléservices before simulators, then the most specific (fewest sheets).
  const titles = new Map(sheets.map((s) => [s.id, s.title]));
  const linked = new Map<string, ServiceRecord[]>();
  for (const service of services) for (const sheet of service.sheets ?? []) linked.set(sheet, [...(linked.get(sheet) ?? []), service]);
  const servicesOf = new Map<string, OnlineService[]>();
  for (const [sheet, list] of linked) {
    const words = significantWords(titles.get(sheet) ?? '');
    const shared = (s: ServiceRecord) => significantWords(s.title).filter((w) => words.includes(w)).length;
    const ranked = [...list].sort(
      (a, b) => shared(b) - shared(a) || ONLINE_KINDS.indexOf(a.kind) - ONLINE_KINDS.indexOf(b.kind) || (a.sheets?.length ?? 0) - (b.sheets?.length ?? 0) || a.id.localeCompare(b.id),
    );
    // When some name what the sheet is about, the others (listed by a broad dossier) are left out.
    const relevant = shared(ranked[0]!) > 0 ? ranked.filter((s) => shared(s) > 0) : ranked;
    servicesOf.set(sheet, relevant.slice(0, MAX_SERVICES_PER_SHEET).map((s) => ({ id: s.id, title: s.title, url: s.url, kind: s.kind })));
  }

  const rows = new Map<string, Procedure>();
  for (const s of sheets) {
    if (rows.has(s.id)) continue;
    rows.set(s.id, {
      id: s.id,
      kind: s.kind,
      audience: s.audience,
      title: s.title.trim(),
      intro: s.intro ?? '',
      theme: s.breadcrumb[0] ?? '',
      url: s.url,
      online_services: servicesOf.get(s.id) ?? [],
      source_date: s.modified,
    });
  }
  for (const s of [...services, ...forms]) {
    rows.set(s.id, {
      id: s.id,
      kind: s.kind,
      audience: AUDIENCE_ORDER.find((a) => s.audiences.includes(a)) ?? 'particuliers',
      title: s.title.trim(),
      intro: [formNumbers(s), s.description, s.provider ? `Service proposé par : ${s.provider}.` : ''].filter(Boolean).join(' '),
      theme: s.themes[0] ?? '',
      url: s.url,
      online_services: [],
      source_date: EXTRACT_DATE,
    });
  }
  return [...rows.values()];
}

/**
 * Writes the procedures: all of them when the table is empty or `replace` is set (npm run reindex
 * refreshes them from the copy), else nothing. Returns true when it wrote rows.
 */
export async function seedProcedures(platformDb: Kysely<PlatformTables>, options: { replace?: boolean } = {}): Promise<boolean> {
  const db = platformDb.withTables<ProceduresTables>();
  const present = await db.selectFrom('procedures').select('id').limit(1).executeTakeFirst();
  if (present && !options.replace) return false;
  const rows = readProcedures();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('procedures').execute();
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('procedures')
        .values(rows.slice(i, i + 500).map((r) => ({ ...r, online_services: JSON.stringify(r.online_services) })))
        .execute();
    }
  });
  return true;
}
