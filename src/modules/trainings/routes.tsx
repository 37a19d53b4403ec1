import { saveControl } from '../../platform/views/save-control';
import { trainingSavedKind } from './saved-kind';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Params, Query, Text, TextFields } from '../../platform/http/route-schemas';
import { Type } from '@sinclair/typebox';
import { NotFoundError } from '../../platform/http/errors';
import { KeptPages, sendBuilt } from '../../platform/views/kept-pages';
import { jobLabels, orientationDb } from '../orientation';
import { financingOf } from './financing';
import { toLheo } from './lheo';
import { DEMO_MENTION, type Training } from './model';
import { FIELDS, searchTrainings, TRAININGS_PATH } from './service';
import { readTraining, trainingsDb } from './store';
import { TRAININGS_TABLES } from './tables';
import { TrainingsPage } from './views/list-page';
import { TrainingPage, type Likely } from './views/training-page';
import { ReportLink } from '../../platform/views/report-link';

const ORIENTATION = { label: 'Orientation', href: '/orientation' };
const TRAININGS = 'Les formations';
const READS = [...TRAININGS_TABLES, 'orientation_fiches', 'content_menu_entries', 'content_items'] as const;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/** The JSON of one training, as exported: the model, and the demo mention when it is demo data. */
export function trainingJson(t: Training) {
  const { ...rest } = t;
  return t.demo ? { ...rest, mention: DEMO_MENTION } : rest;
}

/** The search form's fields (service.ts checks each) and its page. */
const SearchQuery = Query({ ...TextFields(FIELDS), page: Text });
/** A training's id, or its id followed by `.json` or `.xml` (its open formats). */
const TrainingParams = Params({ id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,84}$', maxLength: 85 }) });

export async function trainingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = trainingsDb(platform.db);
  const kept = new KeptPages(platform.db, READS);

  app.get(TRAININGS_PATH, { schema: { querystring: SearchQuery } }, async (request, reply) =>
    kept.send(request, reply, async () => {
      const outcome = await searchTrainings(platform.db, request.query);
      const invalid = Object.keys(outcome.errors).length > 0;
      return {
        view: {
          title: `${invalid ? 'Erreur : ' : ''}${TRAININGS}${outcome.pages > 1 ? `, page ${outcome.page} sur ${outcome.pages}` : ''}`,
          heading: TRAININGS,
          breadcrumb: [{ label: 'Accueil', href: '/' }, ORIENTATION, { label: TRAININGS }],
          main: <TrainingsPage outcome={outcome} />,
        },
        status: invalid ? 422 : 200,
      };
    }),
  );

  app.get(`${TRAININGS_PATH}/:id`, { schema: { params: TrainingParams, querystring: Query({ 'mon-profil': Text }) } }, async (request, reply) => {
    const raw = request.params.id;
    const format = /\.(json|xml)$/.exec(raw)?.[1];
    const id = format ? raw.slice(0, -format.length - 1) : raw;
    const load = async () => {
      const t = ID.test(id) ? await readTraining(db, id) : undefined;
      if (!t) throw new NotFoundError('Cette formation n’existe pas, ou plus.');
      const { tenantId: _tenant, ...training } = t;
      return training;
    };
    if (format === 'json') return reply.type('application/json; charset=utf-8').send({ formation: trainingJson(await load()) });
    if (format === 'xml') return reply.type('application/xml; charset=utf-8').send(toLheo([await load()]));
    const query = request.query;
    const account = await request.currentAccount();
    const build = async () => {
      const training = await load();
      const [labels, financing] = await Promise.all([jobLabels(orientationDb(platform.db), training.romeCodes), financingOf(platform.db, training)]);
      let likely: Likely | undefined;
      if (account && query['mon-profil'] === 'oui') likely = await platform.likelyAids?.forAccount(account.id);
      return {
        view: {
          title: training.title,
          heading: training.title,
          breadcrumb: [{ label: 'Accueil', href: '/' }, ORIENTATION, { label: TRAININGS, href: TRAININGS_PATH }, { label: training.title }],
          main: (
            <>
              <TrainingPage training={training} jobs={[...labels].map(([code, label]) => ({ code, label }))} financing={financing} likely={likely} signedIn={Boolean(account)} save={await saveControl(request, reply, trainingSavedKind.id, training.id, 'cette formation')} />
              <ReportLink dataset="formations" id={training.id} />
            </>
          ),
        },
      };
    };
    return account ? sendBuilt(reply, build) : kept.send(request, reply, build);
  });
}
