/** The agenda of orientation events as an API: GET /api/v1/agenda (filters, soonest first) and /api/v1/agenda/{id}. */
import { NoQuery } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Nullable, pageInfo, Paginated, PaginationQuery, problems } from '../../platform/api/schemas';
import { AppError, NotFoundError } from '../../platform/http/errors';
import { agendaDb, findEvents, publishedEvent } from './store';
import type { AgendaEvent, EventKind } from './tables';
import { AGENDA_PATH, KINDS } from './vocabulary';

const EventSchema = Type.Object(
  {
    id: Type.String(),
    type: Type.String({ description: 'salon, forum, portes_ouvertes, job_dating ou atelier.' }),
    type_libelle: Type.String(),
    titre: Type.String(),
    resume: Type.String(),
    description: Type.String(),
    debut: Type.String({ format: 'date-time' }),
    fin: Type.String({ format: 'date-time' }),
    lieu: Type.Object({ nom: Type.String(), adresse: Type.String(), code_commune: Nullable(Type.String()), commune: Type.String(), latitude: Nullable(Type.Number()), longitude: Nullable(Type.Number()) }),
    publics: Type.Array(Type.String()),
    theme: Type.String(),
    codes_rome: Type.Array(Type.String()),
    domaines: Type.Array(Type.String()),
    inscription: Nullable(Type.String({ description: 'Où s’inscrire.' })),
    organisateur: Type.String(),
    collectivite: Type.String(),
    page: Type.String({ format: 'uri' }),
    modifie_le: Type.String({ format: 'date-time' }),
  },
  { $id: 'Evenement' },
);

const AgendaQuery = Type.Object({
  type: Type.Optional(Type.Union(Object.keys(KINDS).map((k) => Type.Literal(k)), { description: 'La sorte d’événement.' })),
  domaine: Type.Optional(Type.String({ pattern: '^[A-Na-n](\\d{2})?$', description: 'Un grand domaine (« D ») ou un domaine professionnel (« D11 ») : les événements sur ses métiers.' })),
  collectivite: Type.Optional(Type.String({ description: 'Seulement les événements publiés par cette collectivité.', examples: ['bretagne'] })),
  du: Type.Optional(Type.String({ format: 'date', description: 'Les événements qui durent encore ce jour-là ou après (par défaut : maintenant).' })),
  au: Type.Optional(Type.String({ format: 'date', description: 'Les événements qui commencent au plus tard ce jour-là.' })),
  ...PaginationQuery,
});

class BadParameterError extends AppError {
  constructor(field: string, detail: string) {
    super(400, 'bad_parameter', 'Paramètre invalide', detail, { [field]: detail });
  }
}

export async function agendaApiRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const db = agendaDb(platform.db);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const scope = { apiScope: 'orientation:lecture' as const };
  const toApi = (e: AgendaEvent) => ({
    id: e.id,
    type: e.kind,
    type_libelle: KINDS[e.kind],
    titre: e.title,
    resume: e.summary,
    description: e.description,
    debut: new Date(e.starts_at).toISOString(),
    fin: new Date(e.ends_at).toISOString(),
    lieu: { nom: e.place_name, adresse: e.address, code_commune: e.commune_code, commune: e.commune_name, latitude: e.latitude === null ? null : Number(e.latitude), longitude: e.longitude === null ? null : Number(e.longitude) },
    publics: e.audiences,
    theme: e.theme,
    codes_rome: e.rome_codes,
    domaines: e.domains,
    inscription: e.registration_url,
    organisateur: e.organiser,
    collectivite: e.tenant_id,
    page: `${platform.publicUrl}${AGENDA_PATH}/${e.id}`,
    modifie_le: new Date(e.updated_at).toISOString(),
  });

  api.get(
    '/api/v1/agenda',
    {
      schema: {
        operationId: 'lister-evenements',
        tags: ['orientation'],
        summary: 'L’agenda de l’orientation : salons, forums, portes ouvertes, job datings, ateliers, du plus proche au plus lointain',
        querystring: AgendaQuery,
        response: { 200: Paginated(EventSchema, 'Une page d’événements.'), ...problems(400) },
      },
      config: scope,
    },
    async (request, reply) => {
      const { type, domaine, collectivite, du, au, page, par_page: perPage } = request.query;
      if (collectivite !== undefined && !platform.tenants.get(collectivite)) throw new BadParameterError('collectivite', 'Aucune collectivité de Guichet ne porte cet identifiant (par exemple « bretagne » ou « brest »).');
      const from = du ? new Date(`${du}T00:00:00Z`) : new Date();
      const before = au ? new Date(new Date(`${au}T00:00:00Z`).getTime() + 86_400_000) : undefined;
      if (before && before <= from) throw new BadParameterError('au', '« au » doit venir après « du ».');
      const first = pageInfo(0, page, perPage);
      const found = await findEvents(db, { from, before, kind: type as EventKind | undefined, domain: domaine?.toUpperCase(), tenantId: collectivite }, first.offset, first.par_page);
      const { offset: _offset, ...paging } = pageInfo(found.total, page, perPage);
      return reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=60').send({ ...paging, resultats: found.events.map(toApi) });
    },
  );

  api.get(
    '/api/v1/agenda/:id',
    {
      schema: {
        operationId: 'lire-evenement', querystring: NoQuery,
        tags: ['orientation'],
        summary: 'Un événement de l’agenda (passé ou à venir)',
        params: Type.Object({ id: Type.String({ maxLength: 100, description: 'L’identifiant de l’événement.' }) }),
        response: { 200: EventSchema, ...problems(404) },
      },
      config: scope,
    },
    async (request, reply) => {
      const event = /^[0-9a-f-]{36}$/.test(request.params.id) ? await publishedEvent(db, request.params.id) : undefined;
      if (!event) throw new NotFoundError('Cet événement n’existe pas, ou n’est pas public.');
      return reply.type('application/json; charset=utf-8').send(toApi(event));
    },
  );
}
