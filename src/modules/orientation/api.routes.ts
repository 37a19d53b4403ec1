/** The job sheets (ROME 4.0) as an API: GET /api/v1/metiers (words, domain, interest) and /api/v1/metiers/{code}. */
import { NoQuery } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Nullable, pageInfo, Paginated, PaginationQuery, problems } from '../../platform/api/schemas';
import { AppError, NotFoundError } from '../../platform/http/errors';
import { KeptAnswers } from '../../platform/views/kept-pages';
import { JOBS_PATH, queryWords } from './service';
import { ficheSheet, findFiches, listDomains, listInterests, orientationDb } from './store';

const JobHitSchema = Type.Object(
  {
    code: Type.String({ description: 'Code ROME (« D1102 »).' }),
    intitule: Type.String(),
    domaine: Type.String({ description: 'Le domaine professionnel.' }),
    appellations_trouvees: Type.Array(Type.String(), { description: 'Avec « q » : les appellations où les mots ont été trouvés (trois au plus).' }),
    page: Type.String({ format: 'uri' }),
  },
  { $id: 'MetierResume' },
);

const JobSchema = Type.Object(
  {
    code: Type.String(),
    intitule: Type.String(),
    reglemente: Nullable(Type.Boolean()),
    cadre: Nullable(Type.Boolean()),
    domaine: Type.Object({ code: Type.String(), intitule: Type.String(), grand_domaine: Type.String() }),
    definition: Type.Array(Type.String()),
    acces: Type.Array(Type.String(), { description: 'Comment accéder au métier.' }),
    mobilites: Type.Array(Type.Object({ code: Type.String(), intitule: Type.String() }), { description: 'Les métiers proches.' }),
    centres_interet: Type.Array(Type.Object({ code: Type.Integer(), intitule: Type.String() })),
    appellations: Type.Integer({ description: 'Le nombre d’appellations du métier.' }),
    page: Type.String({ format: 'uri' }),
  },
  { $id: 'Metier' },
);

const JobsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Des mots du nom du métier (« boulangère »).', examples: ['boulanger'] })),
  domaine: Type.Optional(Type.String({ pattern: '^[A-Na-n](\\d{2})?$', description: 'Un grand domaine (« D ») ou un domaine professionnel (« D11 »).' })),
  interet: Type.Optional(Type.Integer({ minimum: 1, maximum: 999, description: 'Le code d’un centre d’intérêt.' })),
  ...PaginationQuery,
});

class BadParameterError extends AppError {
  constructor(field: string, detail: string) {
    super(400, 'bad_parameter', 'Paramètre invalide', detail, { [field]: detail });
  }
}

export async function jobsApiRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const db = orientationDb(platform.db);
  const kept = new KeptAnswers(platform.db, ['orientation_fiches']);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const scope = { apiScope: 'orientation:lecture' as const };

  api.get(
    '/api/v1/metiers',
    {
      schema: {
        operationId: 'lister-metiers',
        tags: ['orientation'],
        summary: 'Les fiches métiers (ROME 4.0) : par mots, domaine et centre d’intérêt',
        querystring: JobsQuery,
        response: { 200: Paginated(JobHitSchema, 'Une page de fiches métiers.'), ...problems(400) },
      },
      config: scope,
    },
    async (request, reply) => {
      const build = async () => {
        const { q, interet, page, par_page: perPage } = request.query;
        const domaine = request.query.domaine?.toUpperCase() ?? '';
        const words = queryWords(q ?? '');
        if (q && words.length === 0) throw new BadParameterError('q', 'Écrivez au moins deux lettres du nom d’un métier, par exemple « boulangère ».');
        const [domains, interests] = await Promise.all([listDomains(db), listInterests(db)]);
        if (domaine && !domains.some((d) => d.code === domaine || d.grand_domain_code === domaine)) throw new BadParameterError('domaine', 'Ce domaine n’existe pas (par exemple « D » ou « D11 »).');
        if (interet !== undefined && !interests.some((i) => i.code === interet)) throw new BadParameterError('interet', 'Ce centre d’intérêt n’existe pas.');
        const first = pageInfo(0, page, perPage);
        const found = await findFiches(db, { words, domain: domaine, interest: interet ?? null }, first.page, first.par_page);
        const { offset: _offset, ...paging } = pageInfo(found.total, page, perPage);
        return {
          ...paging,
          resultats: found.hits.map((h) => ({ code: h.code, intitule: h.label, domaine: h.domain_label, appellations_trouvees: h.matched, page: `${platform.publicUrl}${JOBS_PATH}/${h.code}` })),
        };
      };
      if (!kept.keeps(request)) return reply.type('application/json; charset=utf-8').send(await build());
      return kept.send(request, reply, async () => ({ status: 200, type: 'application/json; charset=utf-8', text: JSON.stringify(await build()) }));
    },
  );

  api.get(
    '/api/v1/metiers/:code',
    {
      schema: {
        operationId: 'lire-metier', querystring: NoQuery,
        tags: ['orientation'],
        summary: 'Une fiche métier',
        params: Type.Object({ code: Type.String({ pattern: '^[A-N]\\d{4}$', description: 'Code ROME.', examples: ['D1102'] }) }),
        response: { 200: JobSchema, ...problems(404) },
      },
      config: scope,
    },
    async (request, reply) => {
      const sheet = await ficheSheet(db, request.params.code);
      if (!sheet) throw new NotFoundError('Aucune fiche métier n’a ce code ROME.');
      return reply.type('application/json; charset=utf-8').send({
        code: sheet.code,
        intitule: sheet.label,
        reglemente: sheet.regulated,
        cadre: sheet.executive,
        domaine: { code: sheet.domain.code, intitule: sheet.domain.label, grand_domaine: sheet.domain.grand_domain_label },
        definition: sheet.definition,
        acces: sheet.access,
        mobilites: sheet.mobilities.map((m) => ({ code: m.code, intitule: m.label })),
        centres_interet: sheet.interests.map((i) => ({ code: i.code, intitule: i.label })),
        appellations: sheet.appellationCount,
        page: `${platform.publicUrl}${JOBS_PATH}/${sheet.code}`,
      });
    },
  );
}
