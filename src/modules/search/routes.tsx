import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ListFields, Query, Text } from '../../platform/http/route-schemas';
import { problems } from '../../platform/api/schemas';
import { SearchAnswerSchema, SearchQuery } from './api-schemas';
import type { Tenant } from '../../platform/db/tables';
import { AppError } from '../../platform/http/errors';
import { FORM_DOCUMENT_TYPE, isProcedureType, procedureLinks } from '../procedures';
import { KeptAnswers, KeptPages } from '../../platform/views/kept-pages';
import { SearchCache } from './cache';
import { missRecorderOf } from './misses';
import { nearPoint, RADIUS_KM, type NearResult } from './distance';
import { DATE_LABELS, FACETS, filtersKey, parseFilters, type Filters } from './facets';
import { cleanQuery, queryWords, search, type SearchOutcome } from './query';
import { facetValueLabel, typeLabel } from './sources';
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

/** The search page's form and links: words, page, authority, « exact », a commune, and the facets (repeated). */
const PageQuery = Query({ q: Text, page: Text, collectivite: Text, exact: Text, commune: Text, ...ListFields(FACETS) });

export async function searchRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  /** The tenant whose results come first: the one named in the URL, else the host's, never the portal. */
  function preferredTenant(request: FastifyRequest, named: unknown): Tenant | undefined {
    const tenant = typeof named === 'string' && named !== '' ? platform.tenants.get(named) : request.tenant();
    return tenant && tenant.id !== platform.tenants.portal().id ? tenant : undefined;
  }

  async function applicable(outcome: SearchOutcome): Promise<HitLinks> {
    const port = platform.aidApplications;
    const aids = outcome.hits.filter((h) => h.type === 'aide').map((h) => h.objectId);
    const yes = port ? await Promise.all(aids.map(async (id) => ((await port.hasForm(id)) ? id : undefined))) : [];
    const procedures = await procedureLinks(platform.db, outcome.hits.filter((h) => isProcedureType(h.type)).map((h) => h.objectId));
    return { applicable: new Set(yes.filter((id): id is string => id !== undefined)), procedures };
  }

  // Searches without results: counted in memory, written in the background (misses.ts).
  const misses = missRecorderOf(platform.db, (error) => app.log.error({ err: error }, 'recherches sans résultat non enregistrées'));
  app.addHook('onClose', async () => misses.close().catch(() => undefined));
  /** Counts a search that found nothing under the tenant it was made from (the portal when none). */
  const recordMiss = (outcome: SearchOutcome, tenant: Tenant | undefined) => {
    if (outcome.total === 0 && outcome.query.text) misses.record((tenant ?? platform.tenants.portal()).id, outcome.query.text);
  };

  /** What the page and the API pages read (besides the tenants, whose directory is reloaded on change). */
  const KEPT_TABLES = ['search_documents', 'search_words', 'search_synonyms', 'application_forms', 'content_menu_entries', 'content_items'];
  const kept = new KeptPages(platform.db, KEPT_TABLES);
  const cache = new SearchCache<{ outcome: SearchOutcome; links: HitLinks }>(platform.db);

  /** The outcome and its aids' links, kept per words (not per spelling of the query), facets, commune, tenant and page. */
  async function searchKept(input: { q: unknown; page: number; tenantId: string | undefined; exact: boolean; filters: Filters; near: NearResult }) {
    const query = cleanQuery(input.q);
    const near = input.near && 'point' in input.near ? input.near.point : undefined;
    const key = [queryWords(query.text).join(' '), input.page, input.tenantId ?? '', input.exact ? 1 : 0, filtersKey(input.filters), near ? near.codes.join(',') : ''].join('|');
    const kept = await cache.get(platform.tenants.portal(), key, async () => {
      const outcome = await search(platform.db, { ...input, near });
      return { outcome, links: await applicable(outcome) };
    });
    return { outcome: { ...kept.outcome, query }, links: kept.links };
  }

  app.get(SEARCH_PATH, { schema: { querystring: PageQuery } }, async (request, reply) => {
    let built = false;
    const inputOf = async () => {
      const query = request.query;
      const tenant = preferredTenant(request, query.collectivite);
      const page = pageOf(query.page) ?? 1;
      const exact = query.exact === '1';
      const filters = parseFilters(query);
      const near = await nearPoint(platform.db, query.commune);
      return { query, tenant, page, exact, filters, near };
    };
    const sent = await kept.send(request, reply, async () => {
      built = true;
      const { query, tenant, page, exact, filters, near } = await inputOf();
      const { outcome, links } = await searchKept({ q: query.q, page, tenantId: tenant?.id, exact, filters, near });
      recordMiss(outcome, tenant);
      const title = outcome.query.text ? `${TITLE} : ${outcome.query.text}` : TITLE;
      const invalid = near && 'error' in near;
      return {
        view: {
          title: `${invalid ? 'Erreur : ' : ''}${outcome.hits.length || !outcome.query.text ? title : `Aucun résultat – ${title}`}`,
          heading: TITLE,
          breadcrumb: [{ label: 'Accueil', href: '/' }, { label: TITLE }],
          main: <SearchPage outcome={outcome} links={links} tenant={tenant} exact={exact} filters={filters} near={near} tenantName={(id) => platform.tenants.get(id)?.name ?? id} />,
        },
      };
    });
    // A kept page was sent without searching: its outcome (kept too) says whether to count a miss.
    if (!built && cleanQuery(request.query.q).text) {
      const { query, tenant, page, exact, filters, near } = await inputOf();
      recordMiss((await searchKept({ q: query.q, page, tenantId: tenant?.id, exact, filters, near })).outcome, tenant);
    }
    return sent;
  });

  // The API's answers are kept serialised and compressed like the page (same tables, same rules).
  const keptJson = new KeptAnswers(platform.db, KEPT_TABLES);
  /** The same engine as JSON, open to every origin. */
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/recherche',
    {
      schema: {
        operationId: 'rechercher',
        tags: ['recherche'],
        summary: 'Une seule recherche : aides, pages, actualités, lieux d’aide, collectivités et démarches nationales (service-public.fr)',
        description:
          'Recherche en français (majuscules et accents ignorés, pluriels et conjugaisons rapprochés, fautes de frappe corrigées). 10 résultats par page. Filtres (facettes) combinables : les valeurs d’un même filtre s’ajoutent (OU), les filtres se cumulent (ET) ; chaque valeur de facette compte les résultats sous les autres filtres. Au-delà de 1 000 objets trouvés, la recherche cesse de compter (totalPartiel). Avec une commune, les lieux à plus de 30 km sont écartés et les autres viennent d’abord, du plus proche au plus loin.',
        querystring: SearchQuery,
        response: { 200: SearchAnswerSchema, ...problems(400) },
      },
      config: { apiScope: 'recherche:lecture' },
    },
    async (request, reply) => {
      const query = request.query;
      const searched = async () => {
        const page = query.page ?? 1;
        let tenant: Tenant | undefined;
        if (query.collectivite !== undefined) {
          tenant = platform.tenants.get(query.collectivite);
          if (!tenant) throw new BadParameterError('collectivite', 'Aucune collectivité de Guichet ne porte cet identifiant (par exemple « bretagne » ou « brest »).');
        }
        const filters = parseFilters(query);
        const near = await nearPoint(platform.db, query.commune);
        if (near && 'error' in near) throw new BadParameterError('commune', near.error);
        const { outcome, links } = await searchKept({ q: query.q, page, tenantId: tenant?.id, exact: query.exact === '1', filters, near });
        recordMiss(outcome, tenant);
        return { outcome, links, page, near };
      };
      if (!keptJson.keeps(request)) return reply.type('application/json; charset=utf-8').send(apiAnswer(await searched()));
      let built = false;
      const sent = await keptJson.send(request, reply, async () => {
        built = true;
        return { status: 200, type: 'application/json; charset=utf-8', text: JSON.stringify(apiAnswer(await searched())) };
      });
      // A kept answer was sent without searching: its outcome (kept too) says whether to count a miss.
      if (!built && cleanQuery(query.q).text) await searched();
      return sent;
    },
  );

  function apiAnswer({ outcome, links, page, near }: { outcome: SearchOutcome; links: HitLinks; page: number; near: NearResult }) {
    return {
      requete: outcome.query.text,
      tronquee: outcome.query.trimmed,
      corrigee: outcome.corrected ?? null,
      certainsMots: outcome.someWords,
      total: outcome.total,
      totalPartiel: outcome.capped,
      page,
      pages: outcome.pages,
      commune: near && 'point' in near ? { saisie: near.point.typed, communes: near.point.label, codes: near.point.codes, rayonKm: RADIUS_KM } : null,
      facettes: Object.fromEntries(
        FACETS.map((facet) => [
          facet,
          outcome.facets[facet].map((v) => ({ valeur: v.value, libelle: facet === 'dates' ? (DATE_LABELS[v.value] ?? v.value) : facet === 'autorite' ? (platform.tenants.get(v.value)?.name ?? v.value) : facetValueLabel(facet, v.value), nombre: v.count, choisie: v.selected })),
        ]),
      ),
      resultats: outcome.hits.map((hit) => ({
        type: hit.type,
        libelleType: typeLabel(hit.type),
        id: hit.objectId,
        collectivite: hit.tenantId ? { id: hit.tenantId, nom: hit.tenantName } : null,
        titre: hit.title,
        url: new URL(hit.url, platform.publicUrl).toString(),
        extrait: hit.extract.replaceAll('\u0002', '').replaceAll('\u0003', ''),
        local: hit.local,
        distanceKm: hit.distanceKm === null ? null : Math.round(hit.distanceKm * 10) / 10,
        ...(hit.type === 'aide'
          ? {
              eligibilite: new URL(`/aides/${hit.objectId}/calcul`, platform.publicUrl).toString(),
              demande: links.applicable.has(hit.objectId) ? new URL(`/aides/${hit.objectId}/demande`, platform.publicUrl).toString() : null,
            }
          : {}),
        ...(isProcedureType(hit.type)
          ? {
              avertissement: `${hit.type === FORM_DOCUMENT_TYPE ? 'Formulaire référencé par' : 'Fiche de'} service-public.fr : le lien ouvre la version à jour (notre copie date de 2020).`,
              servicesEnLigne: (links.procedures.get(hit.objectId)?.onlineServices ?? []).map((s) => ({ titre: s.title, type: s.kind, url: s.url })),
            }
          : {}),
      })),
    };
  }
}
