/**
 * What a job sheet asks of the agenda (src/modules/agenda plugs it in at start): the upcoming events
 * tagged with the sheet's code or domain. The agenda reads the job domains from this module, so the
 * sheet reaches the agenda through this port — one direction only.
 */
import type { AnyDb } from '../../platform/search';
import { orientationDb } from './store';

export interface JobEvent {
  href: string;
  title: string;
  /** « Portes ouvertes · samedi 16 janvier 2027, de 9 h à 17 h · Lorient » */
  detail: string;
}

export interface JobEventsPort {
  eventsAbout(code: string, domainCode: string): Promise<JobEvent[]>;
  /** The tables it reads (the kept sheets compare their versions). */
  tables: readonly string[];
}

declare module '../../platform/context' {
  interface Platform {
    jobEvents?: JobEventsPort;
  }
}

/** The labels of job sheets by code (unknown codes are left out). */
export async function jobLabels(db: AnyDb, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await orientationDb(db).selectFrom('orientation_fiches').select(['code', 'label']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.label]));
}
