import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { savedKeys } from './favourites';
import { favouritesRoutes } from './favourites.routes';
import { membersPersonalData } from './personal-data';
import { REMINDER_JOB, sendDueReminders } from './reminders';
import { selectionsAdminSections, selectionsRoutes } from './selections.routes';
import { membersDb } from './tables';

export { REMINDER_JOB } from './reminders';

/**
 * C6 d (issue 15): « Membre » — a person's favourites of every saved kind (platform/saved.ts) with
 * private notes and reminders two days before a dated one; « Pro » — counsellors' selections
 * shared by link, printable, exported as CSV. Owns no kind itself: jobs, places (and later
 * trainings, events) declare theirs in their own module (`savedKinds`).
 */
export const membersModule: GuichetModule = {
  name: 'members',
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: membersPersonalData,
  plugin: async (app) => {
    const { platform } = app;
    platform.favourites = { savedKeys: (accountId, kind, keys) => savedKeys(platform.db, accountId, kind, keys) };
    platform.adminSections.push(...selectionsAdminSections);
    platform.auditTargets.set('selection', async (tenantId, ids) => {
      const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
      if (uuids.length === 0) return new Map();
      const rows = await membersDb(platform.db).selectFrom('members_selections').select(['id', 'title']).where('tenant_id', '=', tenantId).where('id', 'in', uuids).execute();
      return new Map(rows.map((row) => [row.id, `Sélection « ${row.title} »`]));
    });
    platform.jobs.add({
      name: REMINDER_JOB,
      everyMs: 15 * 60_000,
      run: async (now) => {
        const queued = await sendDueReminders({ db: platform.db, mailer: platform.mailer, kinds: platform.savedKinds, publicUrl: platform.publicUrl }, now);
        if (queued) app.log.info({ queued }, 'favourites: reminders queued');
      },
    });
    await favouritesRoutes(app);
    await selectionsRoutes(app);
  },
};
