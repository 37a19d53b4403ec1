import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import { readReferential } from './referential';
import type { TerritoryTables } from './tables';

type Db = Kysely<PlatformTables & TerritoryTables>;

function territoryDb(db: Kysely<PlatformTables>): Db {
  return db.withTables<TerritoryTables>();
}

/**
 * Loads the territory referential when the database holds another version of it (or none).
 * Runs at every start; does nothing when the data is current.
 */
export async function ensureTerritories(platformDb: Kysely<PlatformTables>): Promise<boolean> {
  const db = territoryDb(platformDb);
  const referential = readReferential();
  const current = await db.selectFrom('territory_meta').select('value').where('key', '=', 'version').executeTakeFirst();
  if (current?.value === referential.version) return false;
  await withTransaction(db, async (trx) => {
    for (const region of referential.regions) {
      await trx.insertInto('territory_regions').values(region).onConflict((oc) => oc.column('code').doUpdateSet({ name: region.name })).execute();
    }
    for (const dep of referential.departements) {
      await trx.insertInto('territory_departements').values(dep).onConflict((oc) => oc.column('code').doUpdateSet({ name: dep.name, region_code: dep.region_code })).execute();
    }
    for (let i = 0; i < referential.epci.length; i += 200) {
      await trx
        .insertInto('territory_epci')
        .values(referential.epci.slice(i, i + 200))
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), kind: eb.ref('excluded.kind'), population: eb.ref('excluded.population') })))
        .execute();
    }
    for (let i = 0; i < referential.communes.length; i += 300) {
      await trx
        .insertInto('territory_communes')
        .values(referential.communes.slice(i, i + 300))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            departement_code: eb.ref('excluded.departement_code'),
            region_code: eb.ref('excluded.region_code'),
            epci_code: eb.ref('excluded.epci_code'),
            postal_codes: eb.ref('excluded.postal_codes'),
            population: eb.ref('excluded.population'),
          })),
        )
        .execute();
    }
    await trx
      .insertInto('territory_meta')
      .values({ key: 'version', value: referential.version })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: referential.version }))
      .execute();
  });
  return true;
}

export async function countTerritories(platformDb: Kysely<PlatformTables>) {
  const db = territoryDb(platformDb);
  const count = async (table: 'territory_communes' | 'territory_epci' | 'territory_departements' | 'territory_regions') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    communes: await count('territory_communes'),
    epci: await count('territory_epci'),
    departements: await count('territory_departements'),
    regions: await count('territory_regions'),
  };
}

export async function findCommune(platformDb: Kysely<PlatformTables>, code: string) {
  return territoryDb(platformDb).selectFrom('territory_communes').selectAll().where('code', '=', code).executeTakeFirst();
}

export interface TenantTerritory {
  kind: 'region' | 'departement' | 'epci' | 'commune';
  code: string;
  name: string;
  /** INSEE codes of every commune the territory covers. */
  communeCodes: string[];
}

/** The official territory behind a tenant's COG code (SIREN for an EPCI), with its communes. */
export async function territoryOf(platformDb: Kysely<PlatformTables>, kind: TenantTerritory['kind'], code: string): Promise<TenantTerritory | undefined> {
  const db = territoryDb(platformDb);
  const communes = db.selectFrom('territory_communes').select('code');
  let name: string | undefined;
  let rows: Array<{ code: string }>;
  if (kind === 'region') {
    name = (await db.selectFrom('territory_regions').select('name').where('code', '=', code).executeTakeFirst())?.name;
    rows = await communes.where('region_code', '=', code).execute();
  } else if (kind === 'departement') {
    name = (await db.selectFrom('territory_departements').select('name').where('code', '=', code).executeTakeFirst())?.name;
    rows = await communes.where('departement_code', '=', code).execute();
  } else if (kind === 'epci') {
    name = (await db.selectFrom('territory_epci').select('name').where('code', '=', code).executeTakeFirst())?.name;
    rows = await communes.where('epci_code', '=', code).execute();
  } else {
    name = (await db.selectFrom('territory_communes').select('name').where('code', '=', code).executeTakeFirst())?.name;
    rows = name ? [{ code }] : [];
  }
  return name === undefined ? undefined : { kind, code, name, communeCodes: rows.map((r) => r.code) };
}
