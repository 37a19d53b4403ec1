import type { OpendataDb, ReportStatus } from './tables';

export const STATUSES: readonly ReportStatus[] = ['nouveau', 'en_cours', 'corrige', 'rejete'];

/** How many reports one dataset received, by status. */
export async function reportCounts(db: OpendataDb, datasetId: string, tenantId: string): Promise<Record<ReportStatus, number>> {
  const rows = await db
    .selectFrom('opendata_reports')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .where('dataset_id', '=', datasetId)
    .where('tenant_id', '=', tenantId)
    .groupBy('status')
    .execute();
  const counts = { nouveau: 0, en_cours: 0, corrige: 0, rejete: 0 };
  for (const r of rows) counts[r.status] = Number(r.count);
  return counts;
}
