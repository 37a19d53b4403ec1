import type { Generated, Selectable } from 'kysely';

export type HelpPlaceKind = 'france_services' | 'mediation_numerique';

export type HelpPlacesTable = {
  id: string;
  kind: HelpPlaceKind;
  name: string;
  address: string;
  postal_code: string;
  commune_code: string | null;
  commune_name: string;
  departement_code: string;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  opening_hours: string | null;
  services: string[];
  access_conditions: string | null;
  source: string;
  source_ref: string;
  /** YYYY-MM-DD */
  source_date: string;
  created_at: Generated<Date>;
};

export type HelpTables = {
  help_places: HelpPlacesTable;
};

export type HelpPlace = Selectable<HelpPlacesTable>;
