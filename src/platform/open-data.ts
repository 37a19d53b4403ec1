import type { Kysely } from 'kysely';
import type { PlatformTables } from './db/tables';

/**
 * Open data (issue 16 c): each module declares the public datasets it produces through one
 * `DatasetDeclaration` in its GuichetModule (`datasets`); the opendata module builds from them the
 * catalogue /donnees, each dataset's page, its streamed downloads (CSV, JSON, GeoJSON), the DCAT-AP
 * catalogue and the « Signaler une erreur » reports (docs/open-data.md).
 */

/** One cell of an exported line. Lists are joined by « | » in CSV; paths starting with « / » become full addresses. */
export type DatasetValue = string | number | boolean | Date | null | readonly string[];
export type DatasetRow = Record<string, DatasetValue>;

export type DatasetFieldType = 'texte' | 'nombre' | 'entier' | 'booléen' | 'date' | 'date et heure' | 'liste de textes' | 'adresse web' | 'code';

export interface DatasetField {
  /** Column name in the files (stable, lower case). */
  name: string;
  type: DatasetFieldType;
  /** What it means, in plain French. */
  meaning: string;
}

/** How often the data changes (shown in words, and as the EU frequency vocabulary in DCAT). */
export type DatasetFrequency = 'continue' | 'quotidienne' | 'hebdomadaire' | 'mensuelle' | 'annuelle' | 'irreguliere';

/** One producer's part of a declaration: its rows' count and dates. */
export interface DatasetProducerStats {
  /** The tenant (authority) that produced the rows; null: the platform itself (data it loaded). */
  producer: string | null;
  count: number;
  /** max(updated_at) of its rows; null when the rows carry no date. */
  lastModified: Date | null;
  /** The period the rows are about, when they are dated (events, sessions, searches). */
  temporal?: { start: Date; end: Date } | undefined;
}

/** What a report (« Signaler une erreur ») is about: a public object and who produced it. */
export interface ReportedObject {
  producer: string | null;
  title: string;
  /** Its public page, a path starting with « / ». */
  url: string;
}

export interface DatasetDeclaration {
  /** Stable identifier, lower case with dashes (« aides »): in addresses and files. */
  id: string;
  title: string;
  /** Plain French, one or two sentences: what a line is, where it comes from. */
  description: string;
  keywords: string[];
  /**
   * true: one dataset per authority that publishes rows (its own licence, its own reports);
   * false: one dataset for the whole platform (producer null).
   */
  perTenant: boolean;
  frequency: DatasetFrequency;
  fields: DatasetField[];
  /** Rows have `latitude` and `longitude` fields: a GeoJSON download is offered. */
  geo?: boolean;
  /**
   * The tables its rows and counts are read from that notify their changes (platform/db/changes.ts):
   * the catalogue keeps each dataset's counts and dates until one of them changes. A table it
   * reads that does not notify must never change without one of these changing too.
   */
  tables: readonly string[];
  /** An API operation of Guichet that serves the same data, if there is one (path). */
  apiPath?: string;
  /** One entry per producer with rows (perTenant), or the single platform entry (producer null). */
  producers(db: Kysely<PlatformTables>): Promise<DatasetProducerStats[]>;
  /**
   * One batch of rows of `producer`, in a stable order, after the row `after` (keyset pagination:
   * the last row of the previous batch). Never the whole table: downloads call it again and again.
   */
  page(db: Kysely<PlatformTables>, producer: string | null, after: DatasetRow | undefined, limit: number): Promise<DatasetRow[]>;
  /**
   * The public object `id` of this dataset, for « Signaler une erreur »; undefined when it is not
   * public. Declarations without it cannot be reported on (aggregated statistics).
   */
  reportable?(db: Kysely<PlatformTables>, id: string): Promise<ReportedObject | undefined>;
}

/** A dataset as the catalogue shows it: a declaration and one producer's part. */
export function datasetSlug(declarationId: string, producer: string | null): string {
  return producer ? `${declarationId}--${producer}` : declarationId;
}

export function checkDeclarations(declarations: readonly DatasetDeclaration[]): DatasetDeclaration[] {
  const seen = new Set<string>();
  for (const d of declarations) {
    if (!/^[a-z][a-z0-9-]{1,40}$/.test(d.id) || d.id.includes('--')) throw new Error(`dataset ${d.id}: not a valid id`);
    if (seen.has(d.id)) throw new Error(`dataset ${d.id} declared twice`);
    if (d.geo && !(d.fields.some((f) => f.name === 'latitude') && d.fields.some((f) => f.name === 'longitude'))) throw new Error(`dataset ${d.id}: geo without latitude/longitude`);
    seen.add(d.id);
  }
  return [...declarations];
}
