import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { applicationAdminRoutes } from './admin.routes';
import { formBuilderFieldRoutes } from './form-builder.fields.routes';
import { formBuilderRoutes } from './form-builder.routes';
import { instructionRoutes } from './instruction.routes';
import { applicationRoutes } from './routes';
import { spaceRoutes } from './space.routes';
import { applicationsDb, formOf } from './store';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { AidsTables } from '../aids';
import type { ApplicationsTables } from './tables';
import { applicationsPersonalData } from './personal-data';
import { applicationsDataset } from './dataset';
import { applicationsPurges } from './retention';

export { checkForm, FIELD_TYPES, type FormDefinition, type FormField, type FormSection } from './form';
export { checkDocument, sniffDocument, MAX_DOCUMENT_BYTES } from './documents';
export { APPLICATION_STATUSES, type ApplicationStatus, type ApplicationsTables } from './tables';
export { seedApplicationForms } from './seed-forms';
export { personApplication, personApplications, type PersonApplicationDetail, type PersonApplicationSummary } from './person-api';

/** Whether an aid can be applied for on Guichet (it has a form). */
export async function hasApplicationForm(db: Kysely<PlatformTables>, aidId: string): Promise<boolean> {
  return Boolean(await formOf(applicationsDb(db), aidId));
}

export interface Procedure {
  aidId: string;
  name: string;
}

/**
 * The procedures people use most on Guichet: the published aids with an online form, the ones
 * with the most applications sent first (then by name). The home pages list them.
 */
export async function mostUsedProcedures(db: Kysely<PlatformTables>, limit: number, tenantId?: string): Promise<Procedure[]> {
  let query = db
    .withTables<ApplicationsTables & AidsTables>()
    .selectFrom('application_forms as f')
    .innerJoin('aids as a', 'a.id', 'f.aid_id')
    .leftJoin('applications as ap', (join) => join.onRef('ap.aid_id', '=', 'f.aid_id').on('ap.status', '!=', 'brouillon'))
    .where('a.status', '=', 'published')
    .select((eb) => ['f.aid_id as aidId', 'a.name as name', eb.fn.count<number>('ap.id').as('sent')])
    .groupBy(['f.aid_id', 'a.name'])
    .orderBy('sent', 'desc')
    .orderBy('a.name')
    .limit(limit);
  if (tenantId) query = query.where('f.tenant_id', '=', tenantId);
  return (await query.execute()).map(({ aidId, name }) => ({ aidId, name }));
}

/** C5 c and e: applying for an aid (prefilled, with documents) and following one's applications. */
export const applicationsModule: GuichetModule = {
  name: 'applications',
  plugin: async (app) => {
    app.platform.aidApplications = { hasForm: (aidId) => hasApplicationForm(app.platform.db, aidId) };
    app.platform.accountSections.push({
      href: '/mes-demarches',
      label: 'Mes démarches',
      description: 'Vos demandes d’aide, auprès de tous les organismes : où elles en sont, ce que vous avez envoyé.',
      order: 3,
    });
    app.platform.adminSections.push({ path: '/demandes', label: 'Demandes d’aide', description: 'Examiner les demandes d’aide : documents, messages, décision.', group: 'aides' });
    await app.register(applicationRoutes);
    await app.register(spaceRoutes);
    await app.register(applicationAdminRoutes);
    await app.register(formBuilderRoutes);
    await app.register(formBuilderFieldRoutes);
    await app.register(instructionRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: applicationsPersonalData,
  purges: applicationsPurges,
  datasets: [applicationsDataset],
};
