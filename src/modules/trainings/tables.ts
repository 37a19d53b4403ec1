import type { ColumnType, Generated } from 'kysely';
import type { ImportsTable } from '../../platform/imports';
import type { Training } from './model';

export type { ImportAction, ImportCounts, ImportLine } from '../../platform/imports';

export type TrainingsOrganismesTable = {
  id: string;
  tenant_id: string;
  name: string;
  siret: string | null;
  activity_number: string | null;
  phone: string | null;
  email: string | null;
  web: string | null;
  demo: boolean;
};

export type TrainingsFormationsTable = {
  id: string;
  tenant_id: string;
  organisme_id: string;
  title: string;
  objective: string;
  content: string;
  results: string;
  entry_level: number;
  exit_level: number | null;
  certifying: boolean;
  rncp: string | null;
  rs: string | null;
  url: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  rome_codes: string[];
  demo: boolean;
  fingerprint: string;
  updated_at: Generated<Date>;
};

export type TrainingsActionsTable = {
  id: string;
  formation_id: string;
  tenant_id: string;
  position: number;
  modality: string;
  alternance: boolean;
  hours: number | null;
  price_euros: number | null;
  publics: string[];
  public_text: string;
  financers: string[];
  address_line: string;
  postal_code: string;
  commune_code: string | null;
  commune_name: string;
  latitude: number | null;
  longitude: number | null;
  housing: string;
  transport: string;
  meals: string;
  level: number;
  rome_codes: string[];
  search_title: string;
  next_start: ColumnType<string | null, string | null, string | null>;
};

export type TrainingsSessionsTable = {
  id: string;
  action_id: string;
  start_on: ColumnType<string, string, string>;
  end_on: ColumnType<string, string, string>;
  places_left: number | null;
  state: string;
  enrol_until: ColumnType<string | null, string | null, string | null>;
};

export type TrainingsImportsTable = ImportsTable<Training>;

export type TrainingsTables = {
  trainings_organismes: TrainingsOrganismesTable;
  trainings_formations: TrainingsFormationsTable;
  trainings_actions: TrainingsActionsTable;
  trainings_sessions: TrainingsSessionsTable;
  trainings_imports: TrainingsImportsTable;
};

/** What the public pages read: a kept page is rebuilt when one of them changes. */
export const TRAININGS_TABLES = ['trainings_formations', 'trainings_actions', 'trainings_sessions', 'aids'] as const;
