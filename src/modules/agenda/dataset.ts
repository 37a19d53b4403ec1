import { sql } from 'kysely';
import type { DatasetDeclaration, DatasetRow } from '../../platform/open-data';
import { afterRow, producerStats, type ProducerStatsRow } from '../../platform/open-data-sql';
import { AGENDA_PATH } from './vocabulary';

/** Open data (issue 16 c.7): an authority's published orientation events, past ones included. */
export const eventsDataset: DatasetDeclaration = {
  id: 'evenements-orientation',
  title: 'Événements d’orientation',
  description: 'Les salons, forums, portes ouvertes, job datings et ateliers d’orientation publiés par une collectivité, passés et à venir. Une ligne par événement, avec son lieu.',
  keywords: ['orientation', 'agenda', 'salons', 'portes ouvertes'],
  perTenant: true,
  frequency: 'continue',
  tables: ['agenda_events'],
  geo: true,
  fields: [
    { name: 'id', type: 'code', meaning: 'Identifiant stable de l’événement.' },
    { name: 'type', type: 'code', meaning: 'salon, forum, portes_ouvertes, job_dating ou atelier.' },
    { name: 'titre', type: 'texte', meaning: 'Titre.' },
    { name: 'resume', type: 'texte', meaning: 'Résumé.' },
    { name: 'debut', type: 'date et heure', meaning: 'Début.' },
    { name: 'fin', type: 'date et heure', meaning: 'Fin.' },
    { name: 'lieu', type: 'texte', meaning: 'Nom du lieu.' },
    { name: 'adresse', type: 'texte', meaning: 'Adresse.' },
    { name: 'code_commune', type: 'code', meaning: 'Code INSEE de la commune (COG).' },
    { name: 'commune', type: 'texte', meaning: 'Commune.' },
    { name: 'latitude', type: 'nombre', meaning: 'Latitude (WGS 84).' },
    { name: 'longitude', type: 'nombre', meaning: 'Longitude (WGS 84).' },
    { name: 'publics', type: 'liste de textes', meaning: 'Publics visés.' },
    { name: 'metiers', type: 'liste de textes', meaning: 'Codes ROME des métiers présentés.' },
    { name: 'inscription', type: 'adresse web', meaning: 'Où s’inscrire.' },
    { name: 'organisateur', type: 'texte', meaning: 'Qui l’organise.' },
    { name: 'page', type: 'adresse web', meaning: 'La page de l’événement sur Guichet.' },
    { name: 'modifie_le', type: 'date et heure', meaning: 'Dernière modification.' },
  ],
  async producers(db) {
    const rows = await sql<ProducerStatsRow>`select tenant_id as producer, count(*) as count, max(updated_at) as last, min(starts_at) as start, max(ends_at) as "end"
      from agenda_events where published group by tenant_id order by tenant_id`.execute(db);
    return producerStats(rows.rows);
  },
  async page(db, producer, after, limit) {
    const rows = await sql<DatasetRow>`
      select id, kind as type, title as titre, summary as resume, starts_at as debut, ends_at as fin, place_name as lieu, address as adresse,
        commune_code as code_commune, commune_name as commune, latitude, longitude, audiences as publics, rome_codes as metiers,
        registration_url as inscription, organiser as organisateur, ${AGENDA_PATH + '/'} || id as page, updated_at as modifie_le
      from agenda_events where published and tenant_id = ${producer ?? ''} ${afterRow(after, [['id', 'id']])}
      order by id limit ${limit}`.execute(db);
    return rows.rows;
  },
  async reportable(db, id) {
    const row = (await sql<{ tenant_id: string; title: string }>`select tenant_id, title from agenda_events where id = ${id} and published`.execute(db)).rows[0];
    return row ? { producer: row.tenant_id, title: row.title, url: `${AGENDA_PATH}/${encodeURIComponent(id)}` } : undefined;
  },
};
