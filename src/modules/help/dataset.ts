import { sql } from 'kysely';
import type { DatasetDeclaration, DatasetRow } from '../../platform/open-data';
import { afterRow, producerStats, type ProducerStatsRow } from '../../platform/open-data-sql';
import { PLACE_PATH } from './views/place-page';

/**
 * Open data (issue 16 c.7): the published help places. Those loaded from national open data
 * (tenant_id null) make the platform's dataset; an authority's own places make its dataset.
 */
export const helpPlacesDataset: DatasetDeclaration = {
  id: 'lieux-aide',
  title: 'Lieux d’aide de proximité',
  description: 'Les lieux où une personne est aidée par quelqu’un pour ses démarches ou son orientation : France Services, médiation numérique, CIO, Missions locales, Information Jeunesse. Une ligne par lieu, avec ses coordonnées.',
  keywords: ['france services', 'médiation numérique', 'orientation', 'accueil'],
  perTenant: true,
  frequency: 'mensuelle',
  tables: ['help_places'],
  geo: true,
  fields: [
    { name: 'id', type: 'code', meaning: 'Identifiant stable du lieu.' },
    { name: 'type', type: 'code', meaning: 'La sorte de lieu (france_services, mediation_numerique, cio, mission_locale…).' },
    { name: 'nom', type: 'texte', meaning: 'Nom du lieu.' },
    { name: 'adresse', type: 'texte', meaning: 'Adresse postale.' },
    { name: 'code_postal', type: 'code', meaning: 'Code postal.' },
    { name: 'code_commune', type: 'code', meaning: 'Code INSEE de la commune (COG), vide s’il est inconnu.' },
    { name: 'commune', type: 'texte', meaning: 'Nom de la commune.' },
    { name: 'code_departement', type: 'code', meaning: 'Code du département.' },
    { name: 'latitude', type: 'nombre', meaning: 'Latitude (WGS 84).' },
    { name: 'longitude', type: 'nombre', meaning: 'Longitude (WGS 84).' },
    { name: 'telephone', type: 'texte', meaning: 'Téléphone d’accueil.' },
    { name: 'site', type: 'adresse web', meaning: 'Site du lieu.' },
    { name: 'horaires', type: 'texte', meaning: 'Horaires d’ouverture, en mots.' },
    { name: 'services', type: 'liste de textes', meaning: 'Ce que le lieu propose.' },
    { name: 'source', type: 'texte', meaning: 'Le jeu de données d’où vient le lieu.' },
    { name: 'page', type: 'adresse web', meaning: 'La page du lieu sur Guichet.' },
    { name: 'modifie_le', type: 'date et heure', meaning: 'Dernière modification.' },
  ],
  async producers(db) {
    const rows = await sql<ProducerStatsRow>`select tenant_id as producer, count(*) as count, max(updated_at) as last from help_places where published group by tenant_id order by tenant_id nulls first`.execute(db);
    return producerStats(rows.rows);
  },
  async page(db, producer, after, limit) {
    const rows = await sql<DatasetRow>`
      select id::text as id, kind as type, name as nom, address as adresse, postal_code as code_postal, commune_code as code_commune, commune_name as commune,
        departement_code as code_departement, latitude, longitude, phone as telephone, website as site, opening_hours as horaires, services, source,
        ${PLACE_PATH + '/'} || id::text as page, updated_at as modifie_le
      from help_places where published and tenant_id is not distinct from ${producer} ${afterRow(after, [['id', 'id']])}
      order by id limit ${limit}`.execute(db);
    return rows.rows;
  },
  async reportable(db, id) {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    const row = (await sql<{ tenant_id: string | null; name: string }>`select tenant_id, name from help_places where id = ${id}::uuid and published`.execute(db)).rows[0];
    return row ? { producer: row.tenant_id, title: row.name, url: `${PLACE_PATH}/${id}` } : undefined;
  },
};
