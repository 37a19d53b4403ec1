import type { ColumnType, Selectable } from 'kysely';
import type { Timestamp } from '../../platform/db/tables';
import type { ImportsTable } from '../../platform/imports';

export type EventKind = 'salon' | 'forum' | 'portes_ouvertes' | 'job_dating' | 'atelier';
export type EventSource = 'editeur' | 'openagenda' | 'demo';

export type AgendaEventsTable = {
  id: string;
  tenant_id: string;
  kind: EventKind;
  title: string;
  summary: ColumnType<string, string | undefined, string>;
  description: ColumnType<string, string | undefined, string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place_name: string;
  address: ColumnType<string, string | undefined, string>;
  commune_code: string | null;
  commune_name: string;
  latitude: number | null;
  longitude: number | null;
  audiences: ColumnType<string[], string[] | undefined, string[]>;
  theme: string;
  rome_codes: ColumnType<string[], string[] | undefined, string[]>;
  domains: ColumnType<string[], string[] | undefined, string[]>;
  registration_url: string | null;
  organiser: ColumnType<string, string | undefined, string>;
  demo: ColumnType<boolean, boolean | undefined, boolean>;
  source: ColumnType<EventSource, EventSource | undefined, EventSource>;
  external_id: string | null;
  published: ColumnType<boolean, boolean | undefined, boolean>;
  /** Reserved to orientation professionals: out of every public list, feed, index (migration 0350). */
  pro_only: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};
export type AgendaEvent = Selectable<AgendaEventsTable>;

export type { ImportCounts, ImportLine } from '../../platform/imports';

/** An event as checked from a form or an import line, before it is written. */
export interface EventInput {
  kind: EventKind;
  title: string;
  summary: string;
  description: string;
  starts_at: string;
  ends_at: string;
  place_name: string;
  address: string;
  commune_code: string | null;
  commune_name: string;
  latitude: number | null;
  longitude: number | null;
  audiences: string[];
  theme: string;
  rome_codes: string[];
  domains: string[];
  registration_url: string | null;
  organiser: string;
  published: boolean;
  /** Absent from an import: the flag an agent set is kept. */
  pro_only?: boolean;
}

export type AgendaImportsTable = ImportsTable<EventInput & { id: string; external_id: string }>;

export type AgendaTables = {
  agenda_events: AgendaEventsTable;
  agenda_imports: AgendaImportsTable;
};

/** The tables the public pages read (kept pages compare their versions). */
export const AGENDA_TABLES = ['agenda_events'] as const;
