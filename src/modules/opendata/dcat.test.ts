/**
 * Issue 16 c.9: /donnees/catalogue.jsonld is DCAT-AP JSON-LD: its @context maps the prefixes to
 * the right vocabularies, every term it uses is defined by them, and every dataset of the
 * catalogue is there with its distributions (download address, media type, format, licence),
 * its publisher, its contact point and its coverage in COG codes; /donnees/catalogue.rdf says the
 * same in RDF/XML.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import jsonld from 'jsonld';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { buildTestApp } from '../../../test/support/app';

type Node = Record<string, unknown>;
interface Term {
  termType: string;
  value: string;
}
const KEYWORDS = new Set(['@id', '@type', '@value', '@language', '@context', '@graph']);

/** Every key and every @type is a JSON-LD keyword or a compact IRI whose prefix the context defines. */
function undefinedTerms(value: unknown, context: Record<string, string>, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) undefinedTerms(v, context, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '@context') continue;
      if (!KEYWORDS.has(key) && !(key.split(':')[0]! in context)) found.add(key);
      if (key === '@type' && typeof v === 'string' && !(v.split(':')[0]! in context)) found.add(v);
      undefinedTerms(v, context, found);
    }
  }
  return found;
}

test('the DCAT-AP catalogue has the right @context and lists every dataset and every distribution', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ url: '/donnees/catalogue.jsonld' });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/ld+json; charset=utf-8');
  const doc = JSON.parse(response.body) as { '@context': Record<string, string>; '@graph': Node[] };
  assert.equal(doc['@context'].dcat, 'http://www.w3.org/ns/dcat#');
  assert.equal(doc['@context'].dct, 'http://purl.org/dc/terms/');
  assert.equal(doc['@context'].foaf, 'http://xmlns.com/foaf/0.1/');
  assert.equal(doc['@context'].vcard, 'http://www.w3.org/2006/vcard/ns#');
  assert.deepEqual([...undefinedTerms(doc['@graph'], doc['@context'])], []);

  const byId = new Map(doc['@graph'].map((n) => [n['@id'] as string, n]));
  assert.equal(byId.size, doc['@graph'].length, 'every node has its own @id');
  const catalogues = doc['@graph'].filter((n) => n['@type'] === 'dcat:Catalog');
  assert.equal(catalogues.length, 1);
  const listed = (catalogues[0]!['dcat:dataset'] as Array<{ '@id': string }>).map((d) => d['@id']);
  const datasets = doc['@graph'].filter((n) => n['@type'] === 'dcat:Dataset');
  assert.deepEqual(new Set(listed), new Set(datasets.map((d) => d['@id'])));

  const api = (await app.inject({ url: '/api/v1/donnees' })).json() as { jeux: Array<{ page: string; telechargements: Array<{ url: string; type: string }>; licence: { url: string } }> };
  assert.equal(datasets.length, api.jeux.length, 'the DCAT catalogue has every dataset of /donnees');
  for (const jeu of api.jeux) {
    const dataset = byId.get(jeu.page);
    assert.ok(dataset, jeu.page);
    const distributions = (dataset['dcat:distribution'] as Array<{ '@id': string }>).map((d) => byId.get(d['@id']));
    assert.deepEqual(distributions.map((d) => (d?.['dcat:downloadURL'] as { '@id': string })['@id']).sort(), jeu.telechargements.map((x) => x.url).sort());
    for (const d of distributions) {
      assert.equal(d!['@type'], 'dcat:Distribution');
      assert.match((d!['dcat:mediaType'] as { '@id': string })['@id'], /^https:\/\/www\.iana\.org\/assignments\/media-types\/(text\/csv|application\/json|application\/geo\+json)$/);
      assert.match((d!['dct:format'] as { '@id': string })['@id'], /\/file-type\/(CSV|JSON|GEOJSON)$/);
      assert.equal((d!['dct:license'] as { '@id': string })['@id'], jeu.licence.url);
    }
    const publisher = byId.get((dataset['dct:publisher'] as { '@id': string })['@id']);
    assert.equal(publisher?.['@type'], 'foaf:Organization');
    assert.equal((dataset['dcat:contactPoint'] as Node)['@type'], 'vcard:Organization');
  }

  const spatial = (slug: string) => ((byId.get(`${app.platform.publicUrl}/donnees/${slug}`)!['dct:spatial'] as Node[]).map((l) => l['dct:identifier']));
  assert.deepEqual(spatial('pages-actualites--brest'), ['C29019']);
  assert.deepEqual(spatial('fiches-metiers'), ['R53', 'D22', 'D29', 'D35', 'D56']);
  assert.ok(spatial('pages-actualites--rennes-metropole').includes('C35238'), 'an EPCI covers its communes');
  const events = byId.get(`${app.platform.publicUrl}/donnees/evenements-orientation--lorient`)!;
  const period = events['dct:temporal'] as Node;
  assert.equal(period['@type'], 'dct:PeriodOfTime');
  assert.ok((period['dcat:startDate'] as { '@value': string })['@value'] <= (period['dcat:endDate'] as { '@value': string })['@value']);
});

test('the same catalogue in RDF/XML holds the same triples as the JSON-LD one', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ url: '/donnees/catalogue.rdf' });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/rdf+xml; charset=utf-8');
  const fromXml = await new Promise<Array<{ subject: Term; predicate: Term; object: Term & { language?: string; datatype?: Term } }>>((resolve, reject) => {
    const quads: Array<{ subject: Term; predicate: Term; object: Term }> = [];
    const parser = new RdfXmlParser({ baseIRI: app.platform.publicUrl });
    parser.on('data', (q: { subject: Term; predicate: Term; object: Term }) => quads.push(q)).on('error', reject).on('end', () => resolve(quads));
    parser.end(response.body);
  });
  const fromJsonLd = (await jsonld.toRDF(JSON.parse((await app.inject({ url: '/donnees/catalogue.jsonld' })).body) as jsonld.JsonLdDocument)) as unknown as typeof fromXml;
  // Blank nodes get other names in each syntax: compare the triples between named things and literals.
  const key = (q: (typeof fromXml)[number]) =>
    q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode'
      ? undefined
      : `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}@${q.object.language ?? ''}^${q.object.datatype?.value ?? ''}`;
  assert.equal(fromXml.length, fromJsonLd.length);
  const named = (quads: typeof fromXml) => new Set(quads.flatMap((q) => key(q) ?? []));
  assert.deepEqual(named(fromXml), named(fromJsonLd));
  const datasets = fromXml.filter((q) => q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type' && q.object.value === 'http://www.w3.org/ns/dcat#Dataset');
  assert.ok(datasets.length > 10, `${datasets.length} datasets`);
  assert.ok(fromXml.some((q) => q.predicate.value === 'http://purl.org/dc/terms/title' && q.object.language === 'fr' && q.object.value === 'Données ouvertes de Guichet'));
});
