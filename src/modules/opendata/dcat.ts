import type { Platform } from '../../platform/context';
import type { Tenant } from '../../platform/db/tables';
import { territoryOf } from '../territories';
import { FREQUENCIES, type CatalogueEntry } from './catalogue';
import { FORMATS, formatsOf } from './export';
import { DATA_PATH } from './views/catalogue-page';
import { downloadHref } from './views/dataset-page';

/**
 * The catalogue in DCAT-AP 2 (with the French profile's habits where simple), as JSON-LD with an
 * inline @context: data.gouv.fr's DCAT harvester reads dcat:Catalog → dcat:Dataset →
 * dcat:Distribution (downloadURL, mediaType, format, licence), publisher, contact point,
 * dct:temporal (start/end) and dct:spatial (here the COG codes of the territories covered).
 */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  adms: 'http://www.w3.org/ns/adms#',
} as const;

const EU = 'http://publications.europa.eu/resource/authority';
const INSEE_GEO = 'http://id.insee.fr/geo';
const lit = (value: string) => ({ '@value': value, '@language': 'fr' });
const dateTime = (d: Date) => ({ '@value': d.toISOString(), '@type': 'xsd:dateTime' });
const date = (d: Date) => ({ '@value': d.toISOString().slice(0, 10), '@type': 'xsd:date' });
const absolute = (publicUrl: string, url: string) => (url.startsWith('/') ? publicUrl + url : url);

type Node = Record<string, unknown>;

function location(level: 'region' | 'departement' | 'commune' | 'epci', code: string, name?: string): Node {
  const uri = level === 'epci' ? undefined : `${INSEE_GEO}/${level}/${code}`;
  return {
    ...(uri ? { '@id': uri } : {}),
    '@type': 'dct:Location',
    'skos:notation': code,
    'dct:identifier': `${{ region: 'R', departement: 'D', commune: 'C', epci: 'E' }[level]}${code}`,
    ...(name ? { 'skos:prefLabel': lit(name) } : {}),
  };
}

/** The territories a tenant's data covers, by their official codes (COG; SIREN for an EPCI). */
async function spatialOf(platform: Platform, tenant: Tenant): Promise<Node[]> {
  const territory = await territoryOf(platform.db, tenant.kind, tenant.cog_code);
  if (tenant.kind === 'commune' || tenant.kind === 'departement') return [location(tenant.kind, tenant.cog_code, territory?.name)];
  const communes = territory?.communeCodes ?? [];
  if (tenant.kind === 'region') {
    const departements = [...new Set(communes.map((c) => c.slice(0, 2)))].sort();
    return [location('region', tenant.cog_code, territory?.name), ...departements.map((d) => location('departement', d))];
  }
  return [location('epci', tenant.cog_code, territory?.name), ...communes.map((c) => location('commune', c))];
}

function organisation(publicUrl: string, tenant: Tenant): Node {
  return {
    '@id': `${publicUrl}/collectivites/${tenant.id}/`,
    '@type': 'foaf:Organization',
    'foaf:name': lit(tenant.name),
    'dct:identifier': tenant.cog_code,
    'foaf:homepage': { '@id': `${publicUrl}/collectivites/${tenant.id}/` },
  };
}

function contactPoint(publicUrl: string, tenant: Tenant): Node {
  return {
    '@type': 'vcard:Organization',
    'vcard:fn': lit(tenant.name),
    ...(tenant.contact_email ? { 'vcard:hasEmail': { '@id': `mailto:${tenant.contact_email}` } } : {}),
    'vcard:hasURL': { '@id': `${publicUrl}/collectivites/${tenant.id}/contact` },
  };
}

export async function dcatCatalogue(platform: Platform, entries: readonly CatalogueEntry[]): Promise<Node> {
  const { publicUrl } = platform;
  const portal = platform.tenants.portal();
  const spatial = new Map<string, Node[]>();
  for (const e of entries) if (!spatial.has(e.publisher.id)) spatial.set(e.publisher.id, await spatialOf(platform, e.publisher));
  const publishers = new Map<string, Tenant>([[portal.id, portal], ...entries.map((e) => [e.publisher.id, e.publisher] as const)]);
  const graph: Node[] = [];
  const lastModified = entries.reduce<Date | null>((max, e) => (e.stats.lastModified && (!max || e.stats.lastModified > max) ? e.stats.lastModified : max), null);

  graph.push({
    '@id': `${publicUrl}${DATA_PATH}/catalogue.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': lit('Données ouvertes de Guichet'),
    'dct:description': lit('Les jeux de données publics de Guichet et des collectivités qui y publient : aides, lieux d’aide, collectivités, pages et actualités, recherches sans résultat, formations, fiches métiers, événements d’orientation, demandes d’aide déposées.'),
    'dct:publisher': { '@id': organisation(publicUrl, portal)['@id'] },
    'foaf:homepage': { '@id': `${publicUrl}${DATA_PATH}` },
    'dct:language': { '@id': `${EU}/language/FRA` },
    ...(lastModified ? { 'dct:modified': dateTime(lastModified) } : {}),
    'dcat:dataset': entries.map((e) => ({ '@id': `${publicUrl}${DATA_PATH}/${e.slug}` })),
  });
  for (const tenant of publishers.values()) graph.push(organisation(publicUrl, tenant));

  for (const e of entries) {
    const landing = `${publicUrl}${DATA_PATH}/${e.slug}`;
    const licence = { '@id': absolute(publicUrl, e.licence.url) };
    const formats = formatsOf(e.declaration);
    graph.push({
      '@id': landing,
      '@type': 'dcat:Dataset',
      'dct:identifier': e.slug,
      'dct:title': lit(e.title),
      'dct:description': lit(e.declaration.description),
      'dcat:keyword': e.declaration.keywords.map(lit),
      'dct:publisher': { '@id': `${publicUrl}/collectivites/${e.publisher.id}/` },
      'dcat:contactPoint': contactPoint(publicUrl, e.publisher),
      'dcat:landingPage': { '@id': landing },
      'dct:accrualPeriodicity': { '@id': FREQUENCIES[e.declaration.frequency].uri },
      'dct:accessRights': { '@id': `${EU}/access-right/${e.licence.id === 'restrictive' ? 'RESTRICTED' : 'PUBLIC'}` },
      'dct:language': { '@id': `${EU}/language/FRA` },
      ...(e.stats.lastModified ? { 'dct:modified': dateTime(e.stats.lastModified) } : {}),
      ...(e.stats.temporal ? { 'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': date(e.stats.temporal.start), 'dcat:endDate': date(e.stats.temporal.end) } } : {}),
      'dct:spatial': spatial.get(e.publisher.id),
      'dcat:distribution': formats.map((f) => ({ '@id': `${publicUrl}${downloadHref(e.slug, f)}` })),
    });
    for (const f of formats) {
      const url = `${publicUrl}${downloadHref(e.slug, f)}`;
      graph.push({
        '@id': url,
        '@type': 'dcat:Distribution',
        'dct:title': lit(`${e.title} (${FORMATS[f].label})`),
        'dcat:accessURL': { '@id': url },
        'dcat:downloadURL': { '@id': url },
        'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${FORMATS[f].mediaType}` },
        'dct:format': { '@id': `${EU}/file-type/${FORMATS[f].dcatFormat}` },
        'dct:license': licence,
        ...(e.stats.lastModified ? { 'dct:modified': dateTime(e.stats.lastModified) } : {}),
      });
    }
  }
  return { '@context': DCAT_CONTEXT, '@graph': graph };
}
