import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { NoQuery, Params, Query, Text } from '../../platform/http/route-schemas';
import { NotFoundError } from '../../platform/http/errors';
import { KeptPages } from '../../platform/views/kept-pages';
import { saveControl } from '../../platform/views/save-control';
import { publishedNotes } from './notes-store';
import { jobSavedKind } from './saved-kind';
import { newsTagged } from '../content';
import { JOBS_PATH, searchJobs } from './service';
import { ficheAppellations, ficheSheet, listInterests, orientationDb } from './store';
import { ORIENTATION_TABLES } from './tables';
import { Entrance } from './views/entrance';
import { JobsPage } from './views/jobs-page';
import { APPELLATIONS_PER_PAGE, FichePage } from './views/fiche-page';

const ORIENTATION = 'Orientation';
const JOBS = 'Les métiers';
/** What the pages read: the ROME tables (reloaded together by the seed), the counsellors' notes, the menu, the agenda's events (through platform.jobEvents). */
const READS = [...ORIENTATION_TABLES, 'orientation_notes', 'content_menu_entries', 'content_items', 'agenda_events'] as const;

/** A ROME code; « d1102 » is accepted to be redirected to its capitals. */
const SheetParams = Params({ code: Type.String({ pattern: '^[A-Za-z][0-9]{4}$', maxLength: 5 }) });

export async function orientationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = orientationDb(app.platform.db);
  const kept = new KeptPages(app.platform.db, READS);
  // The authorities' news tagged « orientation » (issue 15 c.8), with the name of who published each.
  const orientationNews = async () =>
    (await newsTagged(app.platform.db, app.platform.tenants.portal().id, 'orientation', 3)).map((n) => ({ ...n, authority: app.platform.tenants.get(n.tenantId)?.short_name ?? '' }));
  // The sheet lists trainings: kept until their tables change too (the port is plugged in after this module).
  let keptSheets: KeptPages | undefined;
  const sheets = () => (keptSheets ??= new KeptPages(app.platform.db, [...READS, ...(app.platform.jobTrainings?.tables ?? [])]));

  app.get('/orientation', { schema: { querystring: NoQuery } }, async (request, reply) =>
    kept.send(request, reply, async () => ({
      view: {
        title: ORIENTATION,
        heading: 'S’orienter, choisir un métier',
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: ORIENTATION }],
        main: <Entrance interests={await listInterests(db)} news={await orientationNews()} />,
      },
    })),
  );

  app.get(JOBS_PATH, { schema: { querystring: Query({ q: Text, domaine: Text, interet: Text, page: Text }) } }, async (request, reply) =>
    kept.send(request, reply, async () => {
      const outcome = await searchJobs(db, request.query);
      const invalid = Object.keys(outcome.errors).length > 0;
      const pageNote = outcome.pages > 1 ? `, page ${outcome.page} sur ${outcome.pages}` : '';
      return {
        view: {
          title: `${invalid ? 'Erreur : ' : ''}${JOBS}${pageNote}`,
          heading: JOBS,
          breadcrumb: [{ label: 'Accueil', href: '/' }, { label: ORIENTATION, href: '/orientation' }, { label: JOBS }],
          main: <JobsPage outcome={outcome} />,
        },
        status: invalid ? 422 : 200,
      };
    }),
  );

  app.get(`${JOBS_PATH}/:code`, { schema: { params: SheetParams, querystring: Query({ commune: Text, page: Text }) } }, async (request, reply) => {
    const { code } = request.params;
    // « d1102 »: the address of the fiche is its code in capitals.
    if (/^[a-n]\d{4}$/i.test(code) && code !== code.toUpperCase()) return reply.redirect(`${JOBS_PATH}/${code.toUpperCase()}`, 301);
    const query = request.query;
    const commune = query.commune?.trim() ? query.commune.trim().slice(0, 100) : undefined;
    return sheets().send(request, reply, async () => {
      const sheet = /^[A-N]\d{4}$/.test(code) ? await ficheSheet(db, code) : undefined;
      if (!sheet) throw new NotFoundError('Ce métier n’existe pas dans le répertoire.');
      const pages = Math.max(1, Math.ceil(sheet.appellationCount / APPELLATIONS_PER_PAGE));
      const requested = Number.parseInt(String(query.page ?? ''), 10);
      const page = Number.isFinite(requested) && requested > 0 ? Math.min(requested, pages) : 1;
      const appellations = await ficheAppellations(db, code, page, APPELLATIONS_PER_PAGE);
      const events = (await app.platform.jobEvents?.eventsAbout(code, sheet.domain.code)) ?? [];
      const trainings = await app.platform.jobTrainings?.forJob(code, commune);
      return {
        view: {
          title: `${sheet.label}${page > 1 ? `, appellations page ${page}` : ''}`,
          heading: sheet.label,
          breadcrumb: [{ label: 'Accueil', href: '/' }, { label: ORIENTATION, href: '/orientation' }, { label: JOBS, href: JOBS_PATH }, { label: sheet.label }],
          main: <FichePage sheet={sheet} appellations={appellations} page={page} events={events} save={await saveControl(request, reply, jobSavedKind.id, sheet.code, 'ce métier')} notes={await publishedNotes(db, sheet.code, app.platform.tenants)} trainings={trainings} />,
        },
        status: trainings?.near && 'error' in trainings.near ? 422 : 200,
      };
    });
  });
}
