import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';

export type { OnlineService, Procedure, ProceduresTable, ProceduresTables } from './tables';
export { FORM_DOCUMENT_TYPE, PROCEDURE_DOCUMENT_TYPE, formsSearchSource, isProcedureType, proceduresSearchSource, procedureLinks, type ProcedureLinks } from './search-source';

/**
 * The national procedures of service-public.fr (« Vos droits et démarches », DILA, late-2020
 * extract), found by the one search: each result links to the live page and its online service.
 * No pages of its own: the data is loaded by the seed and `npm run reindex` (seed/procedures.ts).
 */
export const proceduresModule: GuichetModule = {
  name: 'procedures',
  plugin: async () => undefined,
  migrationsDir: join(import.meta.dirname, 'migrations'),
};
