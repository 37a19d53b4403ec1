import type { Actor } from '../../platform/audit/audit';
import { audit } from '../../platform/audit/audit';
import type { FieldErrors } from '../../platform/views/form';
import { isLicence } from './licences';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { opendataDb, type LicenceId } from './tables';

/** Reads the form: one licence per dataset id; a value that is no licence is an error next to its field. */
export function readLicences(body: Record<string, unknown>, datasetIds: readonly string[]): { values: Record<string, string>; errors: FieldErrors; chosen: Map<string, LicenceId> } {
  const values: Record<string, string> = {};
  const errors: FieldErrors = {};
  const chosen = new Map<string, LicenceId>();
  for (const id of datasetIds) {
    const raw = body[`licence-${id}`];
    if (raw === undefined) continue;
    const value = typeof raw === 'string' ? raw : '';
    values[`licence-${id}`] = value;
    if (isLicence(value)) chosen.set(id, value);
    else errors[`licence-${id}`] = 'Choisissez une licence dans la liste.';
  }
  return { values, errors, chosen };
}

/** Writes the licences that changed, each audited with its old and new value, in one transaction. */
export async function saveLicences(db: Kysely<PlatformTables>, actor: Actor, tenantId: string, chosen: ReadonlyMap<string, LicenceId>, current: ReadonlyMap<string, LicenceId>): Promise<number> {
  let changed = 0;
  await db.transaction().execute(async (trx) => {
    for (const [datasetId, licence] of chosen) {
      const before = current.get(datasetId);
      if (before === licence) continue;
      await opendataDb(trx)
        .insertInto('opendata_licences')
        .values({ tenant_id: tenantId, dataset_id: datasetId, licence, updated_by: actor.id, updated_at: new Date() })
        .onConflict((oc) => oc.columns(['tenant_id', 'dataset_id']).doUpdateSet({ licence, updated_by: actor.id, updated_at: new Date() }))
        .execute();
      await audit(trx, { action: 'opendata.licence_changed', actor, tenantId, targetType: 'dataset', targetId: datasetId, details: { from: before, to: licence } });
      changed++;
    }
  });
  return changed;
}
