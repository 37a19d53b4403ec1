import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Tenant } from '../../platform/db/tables';
import { AppError } from '../../platform/http/errors';
import { missRecorderOf } from './misses';
import { search, type SearchOutcome } from './query';
import { typeLabel } from './sources';
import { SEARCH_PATH, SearchPage, type HitLinks } from './views/results';

const TITLE = 'Rechercher';

class BadParameterError extends AppError {
  constructor(field: string, detail: string) {
    super(400, 'bad_parameter', 'Paramètre invalide', detail, { [field]: detail });
  }
}

/** A page number: missing means 1; anything but a whole number from 1 to 10 000 is refused. */
function pageOf(raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return 1;
  if (typeof raw !== 'string' || !/^\d{1,5}$/.test(raw)) return undefined;
  const page = Number(raw);
  return page >= 1 && page <= 10_000 ? page : undefined;
}

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  // Searches without results: counted in memory, written in the background (misses.ts).
  const misses = missRecorderOf(platform.db, (error) => app.log.error({ err: error }, 'recherches sans résultat non enregistrées'));
  app.addHook('onClose', async () => misses.close().catch(() => undefined));
  /** Counts a search that found nothing under the tenant it was made from (the portal when none). */
  const recordMiss = (outcome: SearchOutcome, tenant: Tenant | undefined) => {
    if (outcome.total === 0 && outcome.query.text) misses.record((tenant ?? platform.tenants.portal()).id, outcome.query.text);
  };

  /** The tenant whose results come first: the one named in the URL, else the host's, never the portal. */
  function preferredTenant(request: FastifyRequest, named: unknown): Tenant | undefined {
    const tenant = typeof named === 'string' && named !== '' ? platform.tenants.get(named) : request.tenant();
    return tenant && tenant.id !== platform.tenants.portal().id ? tenant : undefined;
  }

  async function applicable(outcome: SearchOutcome): Promise<HitLinks> {
    const port = platform.aidApplications;
    const aids = outcome.hits.filter((h) => h.type === 'aide').map((h) => h.objectId);
    const yes = port ? await Promise.all(aids.map(async (id) => ((await port.hasForm(id)) ? id : undefined))) : [];
    return { applicable: new Set(yes.filter((id): id is string => id !== undefined)) };
  }

  app.get(SEARCH_PATH, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const tenant = preferredTenant(request, query.collectivite);
    const page = pageOf(query.page) ?? 1;
    const exact = query.exact === '1';
    const outcome = await search(platform.db, { q: query.q, page, tenantId: tenant?.id, exact });
    recordMiss(outcome, tenant);
    const title = outcome.query.text ? `${TITLE} : ${outcome.query.text}` : TITLE;
    return reply.page({
      title: outcome.hits.length || !outcome.query.text ? title : `Aucun résultat – ${title}`,
      heading: TITLE,
      breadcrumb: [{ label: 'Accueil', href: '/' }, { label: TITLE }],
      main: <SearchPage outcome={outcome} links={await applicable(outcome)} tenant={tenant} exact={exact} />,
    });
  });

  /** The same engine as JSON, open to every origin. */
  app.get('/api/v1/recherche', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    const query = request.query as Record<string, unknown>;
    if (query.q !== undefined && typeof query.q !== 'string') throw new BadParameterError('q', 'Le paramètre « q » ne peut être donné qu’une fois.');
    const page = pageOf(query.page);
    if (page === undefined) throw new BadParameterError('page', 'Le paramètre « page » est un nombre entier de 1 à 10 000.');
    let tenant: Tenant | undefined;
    if (query.collectivite !== undefined) {
      tenant = typeof query.collectivite === 'string' ? platform.tenants.get(query.collectivite) : undefined;
      if (!tenant) throw new BadParameterError('collectivite', 'Aucune collectivité de Guichet ne porte cet identifiant (par exemple « bretagne » ou « brest »).');
    }
    const outcome = await search(platform.db, { q: query.q, page, tenantId: tenant?.id, exact: query.exact === '1' });
    recordMiss(outcome, tenant);
    const links = await applicable(outcome);
    return reply.type('application/json; charset=utf-8').send({
      requete: outcome.query.text,
      tronquee: outcome.query.trimmed,
      corrigee: outcome.corrected ?? null,
      certainsMots: outcome.someWords,
      total: outcome.total,
      page,
      pages: outcome.pages,
      resultats: outcome.hits.map((hit) => ({
        type: hit.type,
        libelleType: typeLabel(hit.type),
        id: hit.objectId,
        collectivite: hit.tenantId ? { id: hit.tenantId, nom: hit.tenantName } : null,
        titre: hit.title,
        url: new URL(hit.url, platform.publicUrl).toString(),
        extrait: hit.extract.replaceAll('\u0002', '').replaceAll('\u0003', ''),
        local: hit.local,
        ...(hit.type === 'aide'
          ? {
              eligibilite: new URL(`/aides/${hit.objectId}/calcul`, platform.publicUrl).toString(),
              demande: links.applicable.has(hit.objectId) ? new URL(`/aides/${hit.objectId}/demande`, platform.publicUrl).toString() : null,
            }
          : {}),
      })),
    });
  });
}
