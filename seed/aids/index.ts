/**
 * The demo's referential of public aids: ≥ 150 real aids available to people in Bretagne, from
 * aides-jeunes and aides-vélo (seed/data/aides-jeunes, seed/data/aides-velo: SOURCE.txt there).
 * Idempotent: an aid is written only when missing or different (saveAid compares definitions).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Aid } from '../../src/modules/aids/format';
import { aidsDb, saveAid } from '../../src/modules/aids/store';
import type { PlatformTables } from '../../src/platform/db/tables';
import { aidFromBenefit, type RawBenefit } from './aides-jeunes';
import { ORGANISATION_AIDS } from './organisations';
import { apaAid, covoiturageAid, fslAid, veloAid, type CovoiturageEntry, type VeloEntry } from './other-sources';

const dataDir = join(import.meta.dirname, '..', 'data');

function readJson<T>(...path: string[]): T {
  return JSON.parse(readFileSync(join(dataDir, ...path), 'utf8')) as T;
}

/** Every seeded aid with the tenant that publishes it on Guichet. */
export function demoAids(): Array<{ aid: Aid; tenantId: string }> {
  const aidesJeunes = readJson<{ benefits: RawBenefit[]; covoiturage: CovoiturageEntry[] }>('aides-jeunes', 'benefits.json');
  const dynamic = readJson<{ fsl: Parameters<typeof fslAid>[0][]; apa: Parameters<typeof apaAid>[0][] }>('aides-jeunes', 'dynamic-bretagne.json');
  const velo = readJson<VeloEntry[]>('aides-velo', 'bretagne.json');
  return [
    ...aidesJeunes.benefits.map(aidFromBenefit),
    ...aidesJeunes.covoiturage.map(covoiturageAid),
    ...dynamic.fsl.map(fslAid),
    ...dynamic.apa.map(apaAid),
    ...velo.map(veloAid),
    ...ORGANISATION_AIDS,
  ];
}

export async function seedAids(db: Kysely<PlatformTables>): Promise<boolean> {
  const store = aidsDb(db);
  let changed = false;
  for (const { aid, tenantId } of demoAids()) {
    if ((await saveAid(store, { tenantId, status: 'published', aid })) !== 'unchanged') changed = true;
  }
  return changed;
}
