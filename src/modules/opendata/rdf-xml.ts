import jsonld from 'jsonld';
import { DCAT_CONTEXT } from './dcat';

/**
 * The DCAT catalogue in RDF/XML, for harvesters that read only that syntax: the JSON-LD document
 * is turned into triples by a JSON-LD processor, then each subject is written as one
 * rdf:Description (flat striped syntax: always valid, whatever the shape of the graph).
 */
interface Term {
  termType: string;
  value: string;
  datatype?: { value: string };
  language?: string;
}
interface Quad {
  subject: Term;
  predicate: Term;
  object: Term;
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = `${RDF}langString`;
const NAMESPACES: Record<string, string> = { rdf: RDF, ...DCAT_CONTEXT };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** prefix:local for a predicate; every predicate of the catalogue is in one of the declared vocabularies. */
function qname(iri: string): string {
  for (const [prefix, ns] of Object.entries(NAMESPACES)) {
    const local = iri.startsWith(ns) ? iri.slice(ns.length) : undefined;
    if (local && /^[A-Za-z_][\w.-]*$/.test(local)) return `${prefix}:${local}`;
  }
  throw new Error(`RDF/XML: no namespace for the predicate ${iri}`);
}

function subjectAttribute(t: Term): string {
  return t.termType === 'BlankNode' ? `rdf:nodeID="${escape(t.value.replace(/^_:/, ''))}"` : `rdf:about="${escape(t.value)}"`;
}

function property(q: Quad): string {
  const name = qname(q.predicate.value);
  const o = q.object;
  if (o.termType === 'NamedNode') return `<${name} rdf:resource="${escape(o.value)}"/>`;
  if (o.termType === 'BlankNode') return `<${name} rdf:nodeID="${escape(o.value.replace(/^_:/, ''))}"/>`;
  const datatype = o.datatype?.value;
  const attribute = o.language ? ` xml:lang="${escape(o.language)}"` : datatype && datatype !== XSD_STRING && datatype !== LANG_STRING ? ` rdf:datatype="${escape(datatype)}"` : '';
  return `<${name}${attribute}>${escape(o.value)}</${name}>`;
}

export async function rdfXml(document: object): Promise<string> {
  const quads = (await jsonld.toRDF(document as jsonld.JsonLdDocument)) as unknown as Quad[];
  const bySubject = new Map<string, { subject: Term; quads: Quad[] }>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    const entry = bySubject.get(key) ?? { subject: q.subject, quads: [] };
    entry.quads.push(q);
    bySubject.set(key, entry);
  }
  const xmlns = Object.entries(NAMESPACES).map(([prefix, ns]) => ` xmlns:${prefix}="${ns}"`).join('');
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `<rdf:RDF${xmlns}>`];
  for (const { subject, quads: own } of bySubject.values()) {
    lines.push(`  <rdf:Description ${subjectAttribute(subject)}>`);
    for (const q of own) lines.push(`    ${property(q)}`);
    lines.push('  </rdf:Description>');
  }
  lines.push('</rdf:RDF>', '');
  return lines.join('\n');
}
