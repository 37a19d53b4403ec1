import { agendaApiRoutes } from './api.routes';
import { join } from 'node:path';
import { eventsDataset } from './dataset';
import type { GuichetModule } from '../../platform/module';
import { agendaAdminRoutes } from './admin.routes';
import { agendaPersonalData } from './personal-data';
import { agendaRoutes } from './routes';
import { eventSavedKind } from './saved-kind';
import { sweepPastEvents } from './search-source';
import { agendaDb, eventsAboutJob } from './store';
import { AGENDA_TABLES } from './tables';
import { KINDS } from './vocabulary';
import { whenLabel } from './when';

export type { AgendaTables, EventInput } from './tables';
export { eventsSearchSource } from './search-source';
export { EVENT_DOCUMENT_TYPE } from './vocabulary';

const HOUR = 3_600_000;

/**
 * C6 Orientation, part c.7: the agenda of orientation events (/agenda, an event's page with its
 * JSON-LD and .ics, the feed /agenda.ics), written by each tenant's agents or imported from
 * OpenAgenda, shown on the matching job sheets and found by the one search (docs/orientation.md).
 */
export const agendaModule: GuichetModule = {
  name: 'agenda',
  datasets: [eventsDataset],
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: agendaPersonalData,
  savedKinds: [eventSavedKind],
  plugin: async (app) => {
    const { platform } = app;
    platform.auditTargets.set('agenda_event', async (tenantId, ids) => {
      const rows = await agendaDb(platform.db).selectFrom('agenda_events').select(['id', 'title']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
      return new Map(rows.map((row) => [row.id, `Événement « ${row.title} »`]));
    });
    platform.adminSections.push({ path: '/agenda', label: 'Agenda', description: 'Créer, modifier et importer les événements d’orientation (salons, forums, portes ouvertes).', group: 'orientation' });
    platform.jobEvents = {
      tables: AGENDA_TABLES,
      eventsAbout: async (code, domainCode) =>
        (await eventsAboutJob(agendaDb(platform.db), code, domainCode, new Date(), 5)).map((e) => ({
          href: `/agenda/${encodeURIComponent(e.id)}`,
          title: e.title,
          detail: `${KINDS[e.kind]} · ${whenLabel(e.starts_at, e.ends_at)} · ${e.commune_name}`,
        })),
    };
    // Events that are over leave the one search (their pages stay): at start, then every hour (one instance).
    app.addHook('onReady', async () => {
      await sweepPastEvents(platform.db).catch((error: unknown) => app.log.warn({ err: error }, 'agenda: sweeping past events failed'));
    });
    platform.jobs.add({ name: 'agenda.past-events', everyMs: HOUR, run: async (now) => void (await sweepPastEvents(platform.db, now)) });
    await app.register(agendaRoutes);
    await app.register(agendaApiRoutes);
    await app.register(agendaAdminRoutes);
  },
};
