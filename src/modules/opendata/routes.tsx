import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { problems } from '../../platform/api/schemas';
import { DatasetSchema, DatasetSlugParams, ReportCountsSchema } from './api-schemas';
import { AppError, NotFoundError } from '../../platform/http/errors';
import { KeptAnswers, KeptPages } from '../../platform/views/kept-pages';
import { catalogue, catalogueEntry, FREQUENCIES, type CatalogueEntry } from './catalogue';
import { dcatCatalogue } from './dcat';
import { rdfXml } from './rdf-xml';
import { BATCH, exportStream, exportText, FORMATS, formatsOf, type ExportFormat } from './export';
import { reportCounts } from './reports-store';
import { opendataDb } from './tables';
import { CataloguePage, DATA_PATH } from './views/catalogue-page';
import { apiHref, DatasetPage, datasetJsonLd, downloadHref } from './views/dataset-page';

const SLUG = /^[a-z][a-z0-9-]{1,40}(?:--[a-z0-9-]{1,60})?$/;
const crumbs = [{ label: 'Accueil', href: '/' }];

/** The API's description of one dataset: what the page says, as JSON. */
function describe(e: CatalogueEntry, publicUrl: string) {
  return {
    id: e.slug,
    titre: e.title,
    description: e.declaration.description,
    producteur: { id: e.publisher.id, nom: e.publisher.name },
    licence: { id: e.licence.id, nom: e.licence.label, url: e.licence.url.startsWith('/') ? publicUrl + e.licence.url : e.licence.url },
    frequence: e.declaration.frequency,
    frequence_libelle: FREQUENCIES[e.declaration.frequency].label,
    modifie_le: e.stats.lastModified?.toISOString() ?? null,
    lignes: e.stats.count,
    page: `${publicUrl}${DATA_PATH}/${e.slug}`,
    champs: e.declaration.fields.map((f) => ({ nom: f.name, type: f.type, signification: f.meaning })),
    telechargements: formatsOf(e.declaration).map((f) => ({ format: FORMATS[f].label, type: FORMATS[f].mediaType, url: `${publicUrl}${downloadHref(e.slug, f)}` })),
    api: e.declaration.apiPath ? publicUrl + e.declaration.apiPath : null,
  };
}

export async function opendataRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const db = opendataDb(platform.db);
  // Pages and answers kept until a dataset's table, a licence or a report changes (KeptAnswers).
  const tables = [...new Set(platform.datasets.flatMap((d) => d.tables)), 'opendata_licences', 'opendata_reports'];
  const keptPages = new KeptPages(platform.db, tables);
  const keptJson = new KeptAnswers(platform.db, tables);
  const json = (build: () => Promise<unknown>) => async () => ({ status: 200, type: 'application/json; charset=utf-8', text: JSON.stringify(await build()) });

  app.get(DATA_PATH, async (request, reply) =>
    keptPages.send(request, reply, async () => ({
      view: { title: 'Données ouvertes', heading: 'Données ouvertes', breadcrumb: [...crumbs, { label: 'Données ouvertes' }], main: <CataloguePage entries={await catalogue(platform)} /> },
    })),
  );

  // Static routes win over the parametric one below: no dataset can be called « catalogue ».
  app.get(`${DATA_PATH}/catalogue.jsonld`, async (_request, reply) =>
    reply
      .type('application/ld+json; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(JSON.stringify(await dcatCatalogue(platform, await catalogue(platform)))),
  );
  app.get(`${DATA_PATH}/catalogue.rdf`, async (_request, reply) =>
    reply
      .type('application/rdf+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(await rdfXml(await dcatCatalogue(platform, await catalogue(platform)))),
  );

  app.get(`${DATA_PATH}/:file`, async (request, reply) => {
    const file = (request.params as { file: string }).file;
    const match = /^(.+?)(?:\.(csv|json|geojson))?$/.exec(file);
    const slug = match?.[1] ?? '';
    const format = match?.[2] as ExportFormat | undefined;
    const entry = SLUG.test(slug) ? await catalogueEntry(platform, slug) : undefined;
    if (!entry || (format && !formatsOf(entry.declaration).includes(format))) throw new NotFoundError('Ce jeu de données n’existe pas.');
    if (format) {
      const name = `${entry.slug}.${format}`;
      reply
        .type(FORMATS[format].contentType)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('link', `<${platform.publicUrl}${apiHref(entry.slug)}>; rel="describedby"; type="application/json"`)
        .header('cache-control', 'public, max-age=300');
      if (entry.stats.count < BATCH && keptJson.keeps(request)) {
        const text = () => exportText(platform.db, entry.declaration, entry.producer, format, platform.publicUrl);
        return keptJson.send(request, reply, async () => ({ status: 200, type: FORMATS[format].contentType, text: await text() }));
      }
      return reply.send(exportStream(platform.db, entry.declaration, entry.producer, format, platform.publicUrl));
    }
    return keptPages.send(request, reply, async () => ({
      view: {
        title: entry.title,
        breadcrumb: [...crumbs, { label: 'Données ouvertes', href: DATA_PATH }, { label: entry.title }],
        main: <DatasetPage entry={entry} jsonLd={datasetJsonLd(entry, platform.publicUrl)} reports={await reportCounts(db, entry.declaration.id, entry.publisher.id)} />,
      },
    }));
  });

  const catalogueJson = async () => ({ jeux: (await catalogue(platform)).map((e) => describe(e, platform.publicUrl)) });
  const listSchema = {
    operationId: 'lister-jeux-de-donnees',
    tags: ['donnees'],
    summary: 'Le catalogue des données ouvertes : chaque jeu, sa licence, ses champs et ses téléchargements',
    response: { 200: Type.Object({ jeux: Type.Array(DatasetSchema) }, { description: 'Les jeux de données publics.' }), ...problems() },
  };
  app.get('/api/v1/donnees', { schema: listSchema, config: { apiScope: 'donnees:lecture' } }, async (request, reply) => {
    if (!keptJson.keeps(request)) return reply.type('application/json; charset=utf-8').send(await catalogueJson());
    return keptJson.send(request, reply, json(catalogueJson));
  });

  const oneSchema = {
    operationId: 'lire-jeu-de-donnees',
    tags: ['donnees'],
    summary: 'Un jeu de données : sa description, sa licence, ses champs, ses téléchargements et les erreurs signalées',
    params: DatasetSlugParams,
    response: { 200: Type.Composite([DatasetSchema, Type.Object({ signalements: ReportCountsSchema })], { description: 'Le jeu de données.' }), ...problems(404) },
  };
  app.get('/api/v1/donnees/:slug', { schema: oneSchema, config: { apiScope: 'donnees:lecture' } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const entry = SLUG.test(slug) ? await catalogueEntry(platform, slug) : undefined;
    if (!entry) {
      throw new AppError(404, 'not_found', 'Jeu de données introuvable', `Aucun jeu de données ne s’appelle « ${slug.slice(0, 80)} ».`);
    }
    const described = async () => ({ ...describe(entry, platform.publicUrl), signalements: await reportCounts(db, entry.declaration.id, entry.publisher.id) });
    if (!keptJson.keeps(request)) return reply.type('application/json; charset=utf-8').send(await described());
    return keptJson.send(request, reply, json(described));
  });
}
