import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ImportsTable } from '../../platform/imports';

export type HelpPlaceKind =
  | 'france_services'
  | 'mediation_numerique'
  | 'cio'
  | 'mission_locale'
  | 'information_jeunesse'
  | 'maison_emploi'
  | 'carif_oref';

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
  /** The authority whose agents manage the place; null: open data loaded by the seed. */
  tenant_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The place's identifier in the authority's own files (CSV import), unique per authority. */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  published: ColumnType<boolean, boolean | undefined, boolean>;
  /** Made up for the demonstration: the page says so. */
  demo: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Generated<Date>;
};

export type { ImportCounts, ImportLine } from '../../platform/imports';

/** A place as the editor and the import check it, before it gets its row. */
export interface PlaceInput {
  external_id: string;
  kind: HelpPlaceKind;
  name: string;
  address: string;
  postal_code: string;
  commune_code: string;
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
  published: boolean;
  demo: boolean;
}

export type HelpPlaceImportsTable = ImportsTable<PlaceInput>;

export type HelpTables = {
  help_places: HelpPlacesTable;
  help_place_imports: HelpPlaceImportsTable;
};

export type HelpPlace = Selectable<HelpPlacesTable>;
