import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/http/errors';
import { KeptPages } from '../../platform/views/kept-pages';
import { JOBS_PATH, searchJobs } from './service';
import { ficheAppellations, ficheSheet, listInterests, orientationDb } from './store';
import { ORIENTATION_TABLES } from './tables';
import { Entrance } from './views/entrance';
import { JobsPage } from './views/jobs-page';
import { APPELLATIONS_PER_PAGE, FichePage } from './views/fiche-page';

const ORIENTATION = 'Orientation';
const JOBS = 'Les métiers';
/** What the pages read: the ROME tables (reloaded together by the seed), the menu. */
const READS = [...ORIENTATION_TABLES, 'content_menu_entries', 'content_items'] as const;

export async function orientationRoutes(app: FastifyInstance): Promise<void> {
  const db = orientationDb(app.platform.db);
  const kept = new KeptPages(app.platform.db, READS);
  // The sheet lists trainings: kept until their tables change too (the port is plugged in after this module).
  let keptSheets: KeptPages | undefined;
  const sheets = () => (keptSheets ??= new KeptPages(app.platform.db, [...READS, ...(app.platform.jobTrainings?.tables ?? [])]));

  app.get('/orientation', async (request, reply) =>
    kept.send(request, reply, async () => ({
      view: {
        title: ORIENTATION,
        heading: 'S’orienter, choisir un métier',
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: ORIENTATION }],
        main: <Entrance interests={await listInterests(db)} />,
      },
    })),
  );

  app.get(JOBS_PATH, async (request, reply) =>
    kept.send(request, reply, async () => {
      const outcome = await searchJobs(db, request.query as Record<string, unknown>);
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

  app.get(`${JOBS_PATH}/:code`, async (request, reply) => {
    const { code } = request.params as { code: string };
    // « d1102 »: the address of the fiche is its code in capitals.
    if (/^[a-n]\d{4}$/i.test(code) && code !== code.toUpperCase()) return reply.redirect(`${JOBS_PATH}/${code.toUpperCase()}`, 301);
    const query = request.query as Record<string, unknown>;
    const commune = typeof query.commune === 'string' && query.commune.trim() ? query.commune.trim().slice(0, 100) : undefined;
    return sheets().send(request, reply, async () => {
      const sheet = /^[A-N]\d{4}$/.test(code) ? await ficheSheet(db, code) : undefined;
      if (!sheet) throw new NotFoundError('Ce métier n’existe pas dans le répertoire.');
      const pages = Math.max(1, Math.ceil(sheet.appellationCount / APPELLATIONS_PER_PAGE));
      const requested = Number.parseInt(String(query.page ?? ''), 10);
      const page = Number.isFinite(requested) && requested > 0 ? Math.min(requested, pages) : 1;
      const appellations = await ficheAppellations(db, code, page, APPELLATIONS_PER_PAGE);
      const trainings = await app.platform.jobTrainings?.forJob(code, commune);
      return {
        view: {
          title: `${sheet.label}${page > 1 ? `, appellations page ${page}` : ''}`,
          heading: sheet.label,
          breadcrumb: [{ label: 'Accueil', href: '/' }, { label: ORIENTATION, href: '/orientation' }, { label: JOBS, href: JOBS_PATH }, { label: sheet.label }],
          main: <FichePage sheet={sheet} appellations={appellations} page={page} trainings={trainings} />,
        },
        status: trainings?.near && 'error' in trainings.near ? 422 : 200,
      };
    });
  });
}
