import type { ColumnType } from 'kysely';
/** C6 Orientation: the jobs of ROME 4.0 (France Travail), loaded by the seed from seed/data/rome/. */
export type OrientationDomainsTable = {
  code: string;
  label: string;
  grand_domain_code: string;
  grand_domain_label: string;
};

export type OrientationFichesTable = {
  code: string;
  label: string;
  domain_code: string;
  /** The ROME 3 fiche this one came from (itself for the 532 historical fiches). */
  parent_code: string;
  regulated: boolean | null;
  executive: boolean | null;
};

export type AppellationClassification = 'principale' | 'synonyme';

export type OrientationAppellationsTable = {
  ogr_code: string;
  long_label: string;
  short_label: string;
  fiche_code: string;
  classification: AppellationClassification;
  rare: boolean;
};

export type TextKind = 'definition' | 'acces';

export type OrientationTextsTable = {
  fiche_code: string;
  kind: TextKind;
  position: number;
  text: string;
};

export type OrientationMobilitiesTable = {
  fiche_code: string;
  target_code: string;
  position: number;
};

export type OrientationInterestsTable = {
  code: number;
  label: string;
  definition: string;
};

export type OrientationInterestFichesTable = {
  interest_code: number;
  fiche_code: string;
  principal: boolean;
};

export type OrientationTables = {
  orientation_domains: OrientationDomainsTable;
  orientation_fiches: OrientationFichesTable;
  orientation_appellations: OrientationAppellationsTable;
  orientation_texts: OrientationTextsTable;
  orientation_mobilities: OrientationMobilitiesTable;
  orientation_interests: OrientationInterestsTable;
  orientation_interest_fiches: OrientationInterestFichesTable;
  orientation_notes: OrientationNotesTable;
  orientation_note_versions: OrientationNoteVersionsTable;
};

/** « Le mot des conseillers » of a tenant on a fiche (migration 0344): the latest version is shown. */
export type OrientationNotesTable = {
  tenant_id: string;
  fiche_code: string;
  latest_version: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type OrientationNoteVersionsTable = {
  tenant_id: string;
  fiche_code: string;
  version: number;
  body: string;
  author_id: string | null;
  author_label: string;
  note: ColumnType<string, string | undefined, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
};

/** Every table the orientation pages read: a kept page is rebuilt when one changes. */
export const ORIENTATION_TABLES = ['orientation_fiches', 'orientation_appellations', 'orientation_texts'] as const;
