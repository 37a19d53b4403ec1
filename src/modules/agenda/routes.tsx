import { saveControl } from '../../platform/views/save-control';
import { eventSavedKind } from './saved-kind';
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/http/errors';
import { KeptPages } from '../../platform/views/kept-pages';
import { jobLabels } from '../orientation';
import { icsOf } from './ics';
import { agendaList, eventHref, readFilters } from './service';
import { agendaDb, feedEvents, publishedEvent } from './store';
import { AGENDA_TABLES } from './tables';
import { AGENDA_PATH } from './vocabulary';
import { EventPage, eventJsonLd } from './views/event-page';
import { ListPage } from './views/list-page';
import { ReportLink } from '../../platform/views/report-link';

const AGENDA = 'Agenda de l’orientation';
const READS = [...AGENDA_TABLES, 'content_menu_entries', 'content_items'] as const;
const FEED_LIMIT = 500;
const crumbs = [{ label: 'Accueil', href: '/' }, { label: 'Orientation', href: '/orientation' }];

export async function agendaRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const db = agendaDb(platform.db);
  // The lists depend on the time (an event that ends leaves them): kept one minute at most.
  const kept = new KeptPages(platform.db, READS, { maxAgeMs: 60_000 });

  app.get(AGENDA_PATH, async (request, reply) =>
    kept.send(request, reply, async () => {
      const outcome = await agendaList(platform.db, request.query as Record<string, unknown>);
      const invalid = Object.keys(outcome.errors).length > 0;
      return {
        view: {
          title: `${invalid ? 'Erreur : ' : ''}${AGENDA}${outcome.pages > 1 ? `, page ${outcome.page} sur ${outcome.pages}` : ''}`,
          heading: AGENDA,
          breadcrumb: [...crumbs, { label: 'Agenda' }],
          main: <ListPage outcome={outcome} />,
        },
        status: invalid ? 422 : 200,
      };
    }),
  );

  // The feed keeps the list's filters; a bad filter is a French problem, not a calendar.
  app.get(`${AGENDA_PATH}.ics`, async (request, reply) => {
    const read = await readFilters(platform.db, request.query as Record<string, unknown>, new Date());
    if (!read.filter) {
      return reply
        .status(422)
        .type('application/problem+json; charset=utf-8')
        .send({ type: 'about:blank', title: 'Filtre incorrect', status: 422, detail: Object.values(read.errors).join(' '), errors: read.errors });
    }
    const events = await feedEvents(db, read.filter, FEED_LIMIT);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="agenda-orientation.ics"')
      .header('cache-control', 'public, max-age=300')
      .send(icsOf(events, { publicUrl: platform.publicUrl, name: AGENDA, eventHref }));
  });

  app.get(`${AGENDA_PATH}/:id`, async (request, reply) => {
    const raw = (request.params as { id: string }).id;
    const ics = raw.endsWith('.ics');
    const id = ics ? raw.slice(0, -4) : raw;
    if (ics) {
      const event = /^[\w-]{1,80}$/.test(id) ? await publishedEvent(db, id) : undefined;
      if (!event) throw new NotFoundError('Cet événement n’existe pas.');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="evenement-${id}.ics"`)
        .send(icsOf([event], { publicUrl: platform.publicUrl, name: event.title, eventHref }));
    }
    return kept.send(request, reply, async () => {
      const event = /^[\w-]{1,80}$/.test(id) ? await publishedEvent(db, id) : undefined;
      if (!event) throw new NotFoundError('Cet événement n’existe pas.');
      const organiser = platform.tenants.get(event.tenant_id)?.name ?? event.tenant_id;
      const labels = await jobLabels(platform.db, event.rome_codes);
      return {
        view: {
          title: event.title,
          heading: event.title,
          breadcrumb: [...crumbs, { label: 'Agenda', href: AGENDA_PATH }, { label: event.title }],
          main: (
            <>
              <EventPage
                event={event}
                past={event.ends_at < new Date()}
                organiser={organiser}
                jsonLd={eventJsonLd(event, `${platform.publicUrl}${eventHref(event.id)}`, organiser)}
                jobs={[...labels].map(([code, label]) => ({ code, label }))}
                save={await saveControl(request, reply, eventSavedKind.id, event.id, 'cet événement')}
              />
              <ReportLink dataset="evenements-orientation" id={event.id} />
            </>
          ),
        },
      };
    });
  });
}
