import type { ColumnType, Selectable } from 'kysely';

/** An online service a sheet links to: the téléservice or simulator that does the procedure. */
export interface OnlineService {
  id: string;
  title: string;
  url: string;
  /** « Téléservice », « Simulateur »… as DILA names it. */
  kind: string;
}

export type ProceduresTable = {
  id: string;
  kind: string;
  audience: string;
  title: string;
  intro: string;
  theme: string;
  url: string;
  online_services: ColumnType<OnlineService[], string, string>;
  /** YYYY-MM-DD */
  source_date: string;
};

/** A procedure as it is read, and as the seed builds it before writing it. */
export type Procedure = Selectable<ProceduresTable>;

export type ProceduresTables = {
  procedures: ProceduresTable;
};
