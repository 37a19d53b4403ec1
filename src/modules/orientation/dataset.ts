import { sql } from 'kysely';
import type { DatasetDeclaration, DatasetRow } from '../../platform/open-data';
import { afterRow } from '../../platform/open-data-sql';
import { JOBS_PATH } from './service';

/** Open data (issue 16 c.7): the job sheets (ROME 4.0 of France Travail, with their domains). */
export const jobSheetsDataset: DatasetDeclaration = {
  id: 'fiches-metiers',
  title: 'Fiches métiers',
  description: 'Les métiers présentés sur Guichet, tirés du répertoire ROME 4.0 de France Travail : une ligne par fiche métier, avec son domaine professionnel.',
  keywords: ['métiers', 'orientation', 'ROME'],
  perTenant: false,
  frequency: 'annuelle',
  tables: ['orientation_fiches'],
  fields: [
    { name: 'code', type: 'code', meaning: 'Code ROME de la fiche (« D1102 »).' },
    { name: 'intitule', type: 'texte', meaning: 'Nom du métier.' },
    { name: 'domaine', type: 'code', meaning: 'Code du domaine professionnel (« D11 »).' },
    { name: 'domaine_intitule', type: 'texte', meaning: 'Nom du domaine professionnel.' },
    { name: 'grand_domaine', type: 'texte', meaning: 'Nom du grand domaine.' },
    { name: 'reglemente', type: 'booléen', meaning: 'Vrai si c’est un métier réglementé ; vide si ce n’est pas dit.' },
    { name: 'page', type: 'adresse web', meaning: 'La fiche sur Guichet.' },
  ],
  async producers(db) {
    const count = (await sql<{ count: string | number }>`select count(*) as count from orientation_fiches`.execute(db)).rows[0]?.count ?? 0;
    return [{ producer: null, count: Number(count), lastModified: null }];
  },
  async page(db, _producer, after, limit) {
    const rows = await sql<DatasetRow>`
      select f.code, f.label as intitule, d.code as domaine, d.label as domaine_intitule, d.grand_domain_label as grand_domaine, f.regulated as reglemente,
        ${JOBS_PATH + '/'} || f.code as page
      from orientation_fiches f join orientation_domains d on d.code = f.domain_code
      where true ${afterRow(after, [['f.code', 'code']])} order by f.code limit ${limit}`.execute(db);
    return rows.rows;
  },
};
