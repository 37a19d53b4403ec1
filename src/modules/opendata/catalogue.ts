import type { Platform } from '../../platform/context';
import { changeFeedOf } from '../../platform/db/changes';
import type { Tenant } from '../../platform/db/tables';
import { datasetSlug, type DatasetDeclaration, type DatasetProducerStats } from '../../platform/open-data';
import { DEFAULT_LICENCE, LICENCES, type Licence } from './licences';
import { opendataDb, type LicenceId } from './tables';

export const FREQUENCIES = {
  continue: { label: 'En continu (à chaque modification)', uri: 'http://publications.europa.eu/resource/authority/frequency/CONT' },
  quotidienne: { label: 'Chaque jour', uri: 'http://publications.europa.eu/resource/authority/frequency/DAILY' },
  hebdomadaire: { label: 'Chaque semaine', uri: 'http://publications.europa.eu/resource/authority/frequency/WEEKLY' },
  mensuelle: { label: 'Chaque mois', uri: 'http://publications.europa.eu/resource/authority/frequency/MONTHLY' },
  annuelle: { label: 'Chaque année', uri: 'http://publications.europa.eu/resource/authority/frequency/ANNUAL' },
  irreguliere: { label: 'Irrégulière', uri: 'http://publications.europa.eu/resource/authority/frequency/IRREG' },
} as const;

/** One dataset of the catalogue: one declaration, one producer's part of it. */
export interface CatalogueEntry {
  slug: string;
  declaration: DatasetDeclaration;
  /** The producing authority; null: the platform (published by the portal's authority). */
  producer: string | null;
  /** Who publishes it: the producer, or the portal's authority for platform data. */
  publisher: Tenant;
  stats: DatasetProducerStats;
  licence: Licence;
  /** The title with its producer (« Aides publiques – Ville de Brest »). */
  title: string;
}

/** A bound on the age of what is kept, as a safety net: changes are told by the change feed. */
const MAX_AGE_MS = 60_000;

/**
 * What the catalogue reads from many tables (each dataset's counts and dates, the licences),
 * kept until one of those tables changes on any instance (platform/db/changes.ts) or the tenant
 * directory reloads; read every time while the change feed is not live. Without it every page
 * of /donnees counted every dataset's rows.
 */
const kept = new WeakMap<object, Map<string, { version: string; at: number; value: Promise<unknown> }>>();

function keptRead<T>(platform: Platform, key: string, tables: readonly string[], read: () => Promise<T>): Promise<T> {
  const feed = changeFeedOf(platform.db);
  if (!feed?.live) return read();
  const directory = platform.tenants.portal();
  let entries = kept.get(directory);
  if (!entries) kept.set(directory, (entries = new Map()));
  const version = feed.version(tables);
  const found = entries.get(key);
  if (found && found.version === version && Date.now() - found.at < MAX_AGE_MS) return found.value as Promise<T>;
  const entry = { version, at: Date.now(), value: read() };
  entries.set(key, entry);
  const all = entries;
  entry.value.catch(() => {
    if (all.get(key) === entry) all.delete(key);
  });
  return entry.value;
}

function producersOf(platform: Platform, declaration: DatasetDeclaration): Promise<DatasetProducerStats[]> {
  return keptRead(platform, `producers:${declaration.id}`, declaration.tables, () => declaration.producers(platform.db));
}

/** The licence each tenant chose for its datasets, by `${tenant}/${declaration}`. */
function chosenLicences(platform: Platform): Promise<Map<string, LicenceId>> {
  return keptRead(platform, 'licences', ['opendata_licences'], async () => {
    const rows = await opendataDb(platform.db).selectFrom('opendata_licences').select(['tenant_id', 'dataset_id', 'licence']).execute();
    return new Map(rows.map((r) => [`${r.tenant_id}/${r.dataset_id}`, r.licence]));
  });
}

export function licenceOf(chosen: ReadonlyMap<string, LicenceId>, declaration: DatasetDeclaration, producer: string | null): Licence {
  return LICENCES[(producer && declaration.perTenant ? chosen.get(`${producer}/${declaration.id}`) : undefined) ?? DEFAULT_LICENCE];
}

async function entriesOf(platform: Platform, declarations: readonly DatasetDeclaration[]): Promise<CatalogueEntry[]> {
  const chosen = await chosenLicences(platform);
  const portal = platform.tenants.portal();
  const parts = await Promise.all(declarations.map(async (declaration) => ({ declaration, producers: await producersOf(platform, declaration) })));
  const entries: CatalogueEntry[] = [];
  for (const { declaration, producers } of parts) {
    for (const stats of producers) {
      const producer = declaration.perTenant ? stats.producer : null;
      const tenant = producer ? platform.tenants.get(producer) : portal;
      if (!tenant) continue;
      entries.push({
        slug: datasetSlug(declaration.id, producer),
        declaration,
        producer,
        publisher: tenant,
        stats,
        licence: licenceOf(chosen, declaration, producer),
        title: declaration.perTenant ? `${declaration.title} – ${producer ? tenant.name : 'données nationales reprises par Guichet'}` : declaration.title,
      });
    }
  }
  return entries;
}

/** Every dataset of the catalogue, in the order the modules declared them. */
export async function catalogue(platform: Platform): Promise<CatalogueEntry[]> {
  return entriesOf(platform, platform.datasets);
}

/** One dataset by its slug (« aides--brest », « fiches-metiers »); undefined if there is none. */
export async function catalogueEntry(platform: Platform, slug: string): Promise<CatalogueEntry | undefined> {
  const [id, producer] = slug.split('--');
  const declaration = platform.datasets.find((d) => d.id === id);
  if (!declaration || (producer !== undefined && !declaration.perTenant)) return undefined;
  return (await entriesOf(platform, [declaration])).find((e) => e.slug === slug);
}

/** The datasets of one tenant whose licence it may choose (its own parts of per-tenant declarations). */
export async function tenantDatasets(platform: Platform, tenantId: string): Promise<Array<{ declaration: DatasetDeclaration; licence: Licence; count: number }>> {
  const chosen = await chosenLicences(platform);
  const own = platform.datasets.filter((d) => d.perTenant);
  const counts = await Promise.all(own.map(async (d) => (await producersOf(platform, d)).find((p) => p.producer === tenantId)?.count ?? 0));
  return own.map((declaration, i) => ({ declaration, licence: licenceOf(chosen, declaration, tenantId), count: counts[i]! }));
}
