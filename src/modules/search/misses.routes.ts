/**
 * GET /api/v1/recherche/sans-resultat: what people searched for and did not find, per day and
 * authority's space — only counts, and only words searched at least MIN_MISSES times a day
 * (like the open dataset): rare words could point at someone.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { pageInfo, Paginated, problems } from '../../platform/api/schemas';
import { AppError } from '../../platform/http/errors';
import { KeptAnswers } from '../../platform/views/kept-pages';
import { MissesQuery, MissSchema } from './api-schemas';
import { MIN_MISSES } from './dataset';

class BadParameterError extends AppError {
  constructor(field: string, detail: string) {
    super(400, 'bad_parameter', 'Paramètre invalide', detail, { [field]: detail });
  }
}

export async function missesApiRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const kept = new KeptAnswers(platform.db, ['search_misses']);
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/recherche/sans-resultat',
    {
      schema: {
        operationId: 'lister-recherches-sans-resultat',
        tags: ['recherche'],
        summary: 'Les recherches restées sans résultat, comptées par jour (aucune personne)',
        description: `Les mots simplifiés et le nombre de recherches qui n’ont rien trouvé, par jour et par espace de collectivité, du jour le plus récent au plus ancien. Seuls les mots cherchés au moins ${MIN_MISSES} fois le même jour sont donnés. Le même jeu est téléchargeable sur /donnees/recherches-sans-resultat.`,
        querystring: MissesQuery,
        response: { 200: Paginated(MissSchema, 'Une page de recherches sans résultat.'), ...problems(400) },
      },
      config: { apiScope: 'recherche:lecture' },
    },
    async (request, reply) => {
      const { collectivite, depuis, page, par_page: perPage } = request.query;
      if (collectivite !== undefined && !platform.tenants.get(collectivite)) throw new BadParameterError('collectivite', 'Aucune collectivité de Guichet ne porte cet identifiant (par exemple « bretagne » ou « brest »).');
      const since = depuis ?? new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
      const build = async () => {
        const where = sql`count >= ${MIN_MISSES} and day >= ${since}::date ${collectivite === undefined ? sql`` : sql`and tenant_id = ${collectivite}`}`;
        const total = Number((await sql<{ n: number | string }>`select count(*) as n from search_misses where ${where}`.execute(platform.db)).rows[0]?.n ?? 0);
        const { offset, ...paging } = pageInfo(total, page, perPage);
        const rows = await sql<{ jour: string; collectivite: string; mots: string; nombre: number | string }>`
          select to_char(day, 'YYYY-MM-DD') as jour, tenant_id as collectivite, words as mots, count as nombre from search_misses
          where ${where} order by day desc, count desc, tenant_id, words limit ${paging.par_page} offset ${offset}`.execute(platform.db);
        return { ...paging, resultats: rows.rows.map((r) => ({ ...r, nombre: Number(r.nombre) })) };
      };
      // The default period moves with the day: only an explicit one is kept.
      if (depuis === undefined || !kept.keeps(request)) return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(await build());
      return kept.send(request, reply, async () => ({ status: 200, type: 'application/json; charset=utf-8', text: JSON.stringify(await build()) }));
    },
  );
}
