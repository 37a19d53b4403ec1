/** The help places' API: GET /api/v1/lieux (filters, distance from a commune) and /api/v1/lieux/{id}. */
import { NoQuery } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Nullable, pageInfo, Paginated, PaginationQuery, problems } from '../../platform/api/schemas';
import { AppError, NotFoundError } from '../../platform/http/errors';
import { KeptAnswers } from '../../platform/views/kept-pages';
import { isKind, KIND_LABELS, kindsOfType } from './kinds';
import { placeSavedKind } from './saved-kind';
import { findCommunes, RADIUS_KM } from './service';
import { communesCentre, departements, helpDb, placesNear, publicPlaces, type PlaceWithDistance } from './store';
import type { HelpPlace } from './tables';
import { PLACE_PATH } from './views/place-page';

const PlaceSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: Type.String({ description: 'La sorte de lieu : france_services, mediation_numerique, cio, mission_locale, information_jeunesse, maison_emploi, carif_oref.' }),
    type_libelle: Type.String(),
    nom: Type.String(),
    adresse: Type.String(),
    code_postal: Type.String(),
    code_commune: Nullable(Type.String({ description: 'Code INSEE (COG).' })),
    commune: Type.String(),
    code_departement: Type.String(),
    latitude: Nullable(Type.Number()),
    longitude: Nullable(Type.Number()),
    telephone: Nullable(Type.String()),
    courriel: Nullable(Type.String()),
    site: Nullable(Type.String()),
    horaires: Nullable(Type.String({ description: 'Horaires d’ouverture, en mots.' })),
    services: Type.Array(Type.String()),
    conditions_acces: Nullable(Type.String()),
    collectivite: Nullable(Type.String({ description: 'La collectivité qui gère le lieu ; null : données ouvertes nationales.' })),
    source: Type.String(),
    page: Type.String({ format: 'uri' }),
    distance_km: Type.Optional(Nullable(Type.Number({ description: 'Avec « commune » : la distance à vol d’oiseau, en km.' }))),
    modifie_le: Type.String({ format: 'date-time' }),
  },
  { $id: 'LieuAide' },
);

const PlacesQuery = Type.Object({
  commune: Type.Optional(Type.String({ maxLength: 100, description: `Nom ou code postal d’une commune de Bretagne : les lieux de la commune, puis ceux à moins de ${RADIUS_KM} km, du plus proche au plus loin.`, examples: ['Brest'] })),
  departement: Type.Optional(Type.String({ pattern: '^[0-9AB]{2,3}$', description: 'Code d’un département de Bretagne (22, 29, 35, 56).', examples: ['29'] })),
  type: Type.Optional(Type.String({ maxLength: 30, description: 'Une sorte de lieu (france_services, mediation_numerique, cio…) ou « orientation » (les lieux d’orientation).', examples: ['france_services'] })),
  ...PaginationQuery,
});

class BadParameterError extends AppError {
  constructor(field: string, detail: string) {
    super(400, 'bad_parameter', 'Paramètre invalide', detail, { [field]: detail });
  }
}

export async function placesApiRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const db = helpDb(platform.db);
  const kept = new KeptAnswers(platform.db, ['help_places']);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  const toApi = (p: HelpPlace | PlaceWithDistance) => ({
    id: p.id,
    type: p.kind,
    type_libelle: KIND_LABELS[p.kind] ?? p.kind,
    nom: p.name,
    adresse: p.address,
    code_postal: p.postal_code,
    code_commune: p.commune_code,
    commune: p.commune_name,
    code_departement: p.departement_code,
    latitude: p.latitude === null ? null : Number(p.latitude),
    longitude: p.longitude === null ? null : Number(p.longitude),
    telephone: p.phone,
    courriel: p.email,
    site: p.website,
    horaires: p.opening_hours,
    services: p.services,
    conditions_acces: p.access_conditions,
    collectivite: p.tenant_id,
    source: p.source,
    page: `${platform.publicUrl}${PLACE_PATH}/${p.id}`,
    ...('distance_km' in p ? { distance_km: p.distance_km === null ? null : Math.round(p.distance_km * 10) / 10 } : {}),
    modifie_le: new Date(p.updated_at).toISOString(),
  });

  api.get(
    '/api/v1/lieux',
    {
      schema: {
        operationId: 'lister-lieux',
        tags: ['lieux'],
        summary: 'Les lieux d’aide humaine : France Services, médiation numérique, orientation…',
        description: 'Sans commune, les lieux par commune et par nom ; avec une commune, ceux de la commune d’abord puis les plus proches (distance_km).',
        querystring: PlacesQuery,
        response: { 200: Paginated(PlaceSchema, 'Une page de lieux.'), ...problems(400) },
      },
      config: { apiScope: 'lieux:lecture' },
    },
    async (request, reply) => {
      const build = async () => {
        const { commune, departement, type, page, par_page: perPage } = request.query;
        const kinds = type === undefined ? undefined : kindsOfType(type);
        if (kinds === null || (type !== undefined && kinds === undefined && !isKind(type))) throw new BadParameterError('type', 'Ce type de lieu n’existe pas (par exemple « france_services » ou « orientation »).');
        if (departement !== undefined && !(await departements(db)).some((d) => d.code === departement)) throw new BadParameterError('departement', 'Ce n’est pas un département de Bretagne (22, 29, 35 ou 56).');
        if (commune) {
          const found = await findCommunes(db, commune, departement);
          if ('error' in found) throw new BadParameterError('commune', found.error);
          const centre = await communesCentre(db, found.communes);
          const info = pageInfo(0, page, perPage);
          if (!centre) return { ...info, offset: undefined, resultats: [] };
          const near = await placesNear(db, { point: centre, communeCodes: found.communes.map((c) => c.code), kinds: kinds ?? undefined, radiusKm: RADIUS_KM, limit: info.par_page, offset: info.offset });
          const { offset: _offset, ...paging } = pageInfo(near.total, page, perPage);
          return { ...paging, resultats: near.places.map(toApi) };
        }
        const base = publicPlaces(db)
          .$if(kinds !== undefined && kinds !== null, (qb) => qb.where('kind', 'in', kinds!))
          .$if(departement !== undefined, (qb) => qb.where('departement_code', '=', departement!));
        const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
        const { offset, ...paging } = pageInfo(Number(total), page, perPage);
        const places = await base.selectAll().orderBy('commune_name').orderBy('name').orderBy('id').limit(paging.par_page).offset(offset).execute();
        return { ...paging, resultats: places.map(toApi) };
      };
      if (!kept.keeps(request)) return reply.type('application/json; charset=utf-8').send(await build());
      return kept.send(request, reply, async () => ({ status: 200, type: 'application/json; charset=utf-8', text: JSON.stringify(await build()) }));
    },
  );

  api.get(
    '/api/v1/lieux/:id',
    {
      schema: {
        operationId: 'lire-lieu', querystring: NoQuery,
        tags: ['lieux'],
        summary: 'Un lieu d’aide',
        params: Type.Object({ id: Type.String({ format: 'uuid', description: 'L’identifiant du lieu.' }) }),
        response: { 200: PlaceSchema, ...problems(404) },
      },
      config: { apiScope: 'lieux:lecture' },
    },
    async (request, reply) => {
      const { id } = request.params;
      const place = placeSavedKind.isKey(id) ? await publicPlaces(db).selectAll().where('id', '=', id).executeTakeFirst() : undefined;
      if (!place) throw new NotFoundError('Ce lieu d’aide n’existe pas, ou plus.');
      return reply.type('application/json; charset=utf-8').send(toApi(place));
    },
  );
}
