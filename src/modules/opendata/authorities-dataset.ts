import { sql } from 'kysely';
import type { DatasetDeclaration, DatasetRow } from '../../platform/open-data';
import { afterRow, producerStats, type ProducerStatsRow } from '../../platform/open-data-sql';

/** Open data (issue 16 c.7): the authorities that offer their services on Guichet, with their public contacts. */
export const authoritiesDataset: DatasetDeclaration = {
  id: 'collectivites',
  title: 'Collectivités sur Guichet',
  description: 'Les collectivités (région, départements, intercommunalités, communes) qui proposent leurs services sur Guichet, avec leur code officiel et leurs coordonnées publiques. Une ligne par collectivité.',
  keywords: ['collectivités', 'annuaire', 'COG'],
  perTenant: false,
  frequency: 'irreguliere',
  // The authorities are the tenant directory: the catalogue starts afresh with each reload of it.
  tables: [],
  fields: [
    { name: 'id', type: 'code', meaning: 'Identifiant de la collectivité sur Guichet.' },
    { name: 'nom', type: 'texte', meaning: 'Nom officiel.' },
    { name: 'type', type: 'code', meaning: 'region, departement, epci ou commune.' },
    { name: 'code_officiel', type: 'code', meaning: 'Code officiel géographique (INSEE) ; SIREN pour une intercommunalité.' },
    { name: 'parent', type: 'code', meaning: 'La collectivité dont elle fait partie sur Guichet, s’il y en a une.' },
    { name: 'courriel', type: 'texte', meaning: 'Adresse électronique publique de contact.' },
    { name: 'telephone', type: 'texte', meaning: 'Téléphone public.' },
    { name: 'adresse', type: 'texte', meaning: 'Adresse postale.' },
    { name: 'page', type: 'adresse web', meaning: 'Son espace sur Guichet.' },
    { name: 'modifie_le', type: 'date et heure', meaning: 'Dernière modification.' },
  ],
  async producers(db) {
    return producerStats((await sql<ProducerStatsRow>`select null as producer, count(*) as count, max(updated_at) as last from platform_tenants`.execute(db)).rows);
  },
  async page(db, _producer, after, limit) {
    const rows = await sql<DatasetRow>`
      select id, name as nom, kind as type, cog_code as code_officiel, parent_id as parent, contact_email as courriel, contact_phone as telephone,
        contact_address as adresse, '/collectivites/' || id || '/' as page, updated_at as modifie_le
      from platform_tenants where true ${afterRow(after, [['id', 'id']])} order by id limit ${limit}`.execute(db);
    return rows.rows;
  },
  async reportable(db, id) {
    const row = (await sql<{ id: string; name: string }>`select id, name from platform_tenants where id = ${id}`.execute(db)).rows[0];
    return row ? { producer: row.id, title: row.name, url: `/collectivites/${row.id}/` } : undefined;
  },
};
