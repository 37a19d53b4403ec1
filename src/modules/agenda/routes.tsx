import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NoQuery, Params, Query, Text } from '../../platform/http/route-schemas';
import { saveControl } from '../../platform/views/save-control';
import { eventSavedKind } from './saved-kind';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { audit } from '../../platform/audit/audit';
import { NotFoundError } from '../../platform/http/errors';
import { Notice } from '../../platform/views/components';
import { KeptPages } from '../../platform/views/kept-pages';
import { jobLabels } from '../orientation';
import { icsOf } from './ics';
import { agendaList, eventHref, readFilters } from './service';
import { agendaDb, feedEvents, publishedEvent, publishedProEvent } from './store';
import type { AgendaEvent } from './tables';
import { AGENDA_TABLES } from './tables';
import { AGENDA_PATH } from './vocabulary';
import { EventPage, eventJsonLd } from './views/event-page';
import { ListPage } from './views/list-page';
import { ReportLink } from '../../platform/views/report-link';

const AGENDA = 'Agenda de l’orientation';
const READS = [...AGENDA_TABLES, 'content_menu_entries', 'content_items'] as const;
const FEED_LIMIT = 500;
const crumbs = [{ label: 'Accueil', href: '/' }, { label: 'Orientation', href: '/orientation' }];

/** The agenda's filters (service.ts checks each), for the page and its calendar feed. */
const FiltersQuery = Query({ du: Text, au: Text, commune: Text, distance: Text, type: Text, domaine: Text, page: Text });
/** An event's id, or its id followed by `.ics` (its calendar file). */
const EventParams = Params({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,80}(\\.ics)?$', maxLength: 84 }) });

export async function agendaRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = agendaDb(platform.db);

  /**
   * An event reserved to professionals, for a reader allowed to see it (as pro-only content pages):
   * a conseiller of any tenant, or an agent of the event's own tenant, signed in with the second
   * factor. Undefined for anyone else, who then gets the public 404.
   */
  const proEvent = async (request: FastifyRequest, id: string) => {
    const account = await request.currentAccount();
    if (!account || account.session.data.mfa !== true || account.roles.size === 0) return undefined;
    const event = await publishedProEvent(db, id);
    if (!event || !([...account.roles.values()].includes('conseiller') || account.roles.has(event.tenant_id))) return undefined;
    await audit(platform.db, { action: 'agenda.pro_event_read', actor: { id: account.id, label: account.displayName, ip: request.ip }, tenantId: event.tenant_id, targetType: 'agenda_event', targetId: event.id });
    return event;
  };
  const eventView = async (request: FastifyRequest, reply: Parameters<typeof saveControl>[1], event: AgendaEvent) => {
    const organiser = platform.tenants.get(event.tenant_id)?.name ?? event.tenant_id;
    const labels = await jobLabels(platform.db, event.rome_codes);
    const page = (
      <EventPage
        event={event}
        past={event.ends_at < new Date()}
        organiser={organiser}
        jsonLd={event.pro_only ? undefined : eventJsonLd(event, `${platform.publicUrl}${eventHref(event.id)}`, organiser)}
        jobs={[...labels].map(([code, label]) => ({ code, label }))}
        save={event.pro_only ? undefined : await saveControl(request, reply, eventSavedKind.id, event.id, 'cet événement')}
      />
    );

    return {
      title: event.title,
      heading: event.title,
      breadcrumb: [...crumbs, { label: 'Agenda', href: AGENDA_PATH }, { label: event.title }],
      main: event.pro_only ? (
        <>
          <Notice title="Événement réservé aux professionnels de l’orientation">Il n’est pas visible du public. Ne le partagez pas.</Notice>
          {page}
        </>
      ) : (
        <>
          {page}
          <ReportLink dataset="evenements-orientation" id={event.id} />
        </>
      ),
    };
  };
  // The lists depend on the time (an event that ends leaves them): kept one minute at most.
  const kept = new KeptPages(platform.db, READS, { maxAgeMs: 60_000 });

  app.get(AGENDA_PATH, { schema: { querystring: FiltersQuery } }, async (request, reply) =>
    kept.send(request, reply, async () => {
      const outcome = await agendaList(platform.db, request.query);
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
  app.get(`${AGENDA_PATH}.ics`, { schema: { querystring: FiltersQuery } }, async (request, reply) => {
    const read = await readFilters(platform.db, request.query, new Date());
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

  app.get(`${AGENDA_PATH}/:id`, { schema: { params: EventParams, querystring: NoQuery } }, async (request, reply) => {
    const raw = request.params.id;
    const ics = raw.endsWith('.ics');
    const id = ics ? raw.slice(0, -4) : raw;
    if (ics) {
      const valid = /^[\w-]{1,80}$/.test(id);
      const event = valid ? ((await publishedEvent(db, id)) ?? (await proEvent(request, id))) : undefined;
      if (!event) throw new NotFoundError('Cet événement n’existe pas.');
      if (event.pro_only) reply.header('cache-control', 'no-store');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="evenement-${id}.ics"`)
        .send(icsOf([event], { publicUrl: platform.publicUrl, name: event.title, eventHref }));
    }
    const pro = /^[\w-]{1,80}$/.test(id) ? await proEvent(request, id) : undefined;
    if (pro) return reply.header('cache-control', 'no-store').page({ ...(await eventView(request, reply, pro)), noindex: true });
    return kept.send(request, reply, async () => {
      const event = /^[\w-]{1,80}$/.test(id) ? await publishedEvent(db, id) : undefined;
      if (!event) throw new NotFoundError('Cet événement n’existe pas.');
      return { view: await eventView(request, reply, event) };
    });
  });
}
