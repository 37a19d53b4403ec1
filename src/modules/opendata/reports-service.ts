import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/audit/audit';
import { audit } from '../../platform/audit/audit';
import type { Platform } from '../../platform/context';
import type { PlatformTables } from '../../platform/db/tables';
import type { ReportedObject } from '../../platform/open-data';
import type { FieldErrors } from '../../platform/views/form';
import { opendataDb, type ReportStatus } from './tables';

export const MESSAGE_MAX = 2000;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

/** What can follow each status: closed reports stay closed. */
export const NEXT: Record<ReportStatus, ReportStatus[]> = { nouveau: ['en_cours', 'corrige', 'rejete'], en_cours: ['corrige', 'rejete'], corrige: [], rejete: [] };

export interface ReportInput {
  message: string;
  email: string;
}

/** The report form or API body, checked: French messages by field. */
export function checkReport(body: Record<string, unknown>, names = { message: 'message', email: 'courriel' }): { values: ReportInput; errors: FieldErrors } {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const values = { message: text(body[names.message]).trim(), email: text(body[names.email]).trim() };
  const errors: FieldErrors = {};
  if (values.message.length < 5) errors[names.message] = 'Écrivez ce qui est faux, en quelques mots au moins.';
  else if (values.message.length > MESSAGE_MAX) errors[names.message] = `Écrivez au plus ${MESSAGE_MAX} caractères (vous en avez écrit ${values.message.length}).`;
  if (values.email && (values.email.length > 254 || !EMAIL.test(values.email))) errors[names.email] = 'Écrivez une adresse électronique comme nom@exemple.fr, ou laissez ce champ vide.';
  return { values, errors };
}

/** The public object a report is about, and the dataset it belongs to; undefined if it is not public. */
export async function reportTarget(platform: Platform, datasetId: string, objectId: string): Promise<(ReportedObject & { tenantId: string }) | undefined> {
  const declaration = platform.datasets.find((d) => d.id === datasetId);
  if (!declaration?.reportable || objectId.length > 100) return undefined;
  const object = await declaration.reportable(platform.db, objectId);
  if (!object) return undefined;
  // Platform data (loaded from national sources) is looked after by the portal's authority.
  const tenantId = object.producer && platform.tenants.get(object.producer) ? object.producer : platform.tenants.portal().id;
  return { ...object, tenantId };
}

export async function createReport(db: Kysely<PlatformTables>, target: ReportedObject & { tenantId: string }, datasetId: string, objectId: string, input: ReportInput): Promise<string> {
  const id = randomUUID();
  await opendataDb(db)
    .insertInto('opendata_reports')
    .values({ id, tenant_id: target.tenantId, dataset_id: datasetId, object_id: objectId, object_title: target.title, object_url: target.url, message: input.message, email: input.email || null, handled_by: null, closed_at: null })
    .execute();
  return id;
}

/** An agent moves a report on; closing it with an e-mail given mails the answer to the reporter (same transaction). */
export async function handleReport(
  platform: Platform,
  actor: Actor,
  tenantId: string,
  id: string,
  change: { status: ReportStatus; answer: string },
): Promise<'done' | 'not-found' | 'not-allowed'> {
  return platform.db.transaction().execute(async (trx) => {
    const db = opendataDb(trx);
    const report = await db.selectFrom('opendata_reports').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!report) return 'not-found';
    if (!NEXT[report.status].includes(change.status)) return 'not-allowed';
    const closing = change.status === 'corrige' || change.status === 'rejete';
    await db
      .updateTable('opendata_reports')
      .set({ status: change.status, answer: change.answer, handled_by: actor.id, updated_at: new Date(), closed_at: closing ? new Date() : null })
      .where('id', '=', id)
      .execute();
    await audit(trx, { action: 'opendata.report_handled', actor, tenantId, targetType: 'data_report', targetId: id, details: { from: report.status, to: change.status, mailed: closing && Boolean(report.email) } });
    if (closing && report.email) {
      const tenant = platform.tenants.get(tenantId);
      await platform.mailer.send(
        {
          to: report.email,
          subject: change.status === 'corrige' ? `Erreur corrigée : ${report.object_title}` : `Votre signalement : ${report.object_title}`,
          text: [
            'Bonjour,',
            '',
            `Vous avez signalé une erreur sur « ${report.object_title} » :`,
            `${platform.publicUrl}${report.object_url}`,
            '',
            change.status === 'corrige' ? 'Merci : l’erreur est corrigée.' : 'Après vérification, nous ne changeons pas cette information.',
            ...(change.answer ? ['', 'Notre réponse :', change.answer] : []),
            '',
            `${tenant?.name ?? 'Guichet'}`,
            'Votre adresse sera effacée dans 30 jours. Ce message est envoyé automatiquement ; pour nous écrire, utilisez la page Contact.',
          ].join('\n'),
        },
        trx,
      );
    }
    return 'done';
  });
}
