export interface GlossaryTermsTable {
  id: string;
  /** null: the Région's terms, used everywhere. */
  tenant_id: string | null;
  term: string;
  slug: string;
  long_form: string;
  definition: string;
  created_at: Date;
  updated_at: Date;
}

export type GlossaryTables = { glossary_terms: GlossaryTermsTable };

export type GlossaryRow = GlossaryTermsTable;
