import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { savedKeys } from './favourites';
import { favouritesRoutes } from './favourites.routes';
import { membersPersonalData } from './personal-data';
import { REMINDER_JOB, sendDueReminders } from './reminders';
import { selectionsAdminSections, selectionsRoutes } from './selections.routes';

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
