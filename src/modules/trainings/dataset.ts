import { sql } from 'kysely';
import type { DatasetDeclaration, DatasetRow } from '../../platform/open-data';
import { afterRow, producerStats, type ProducerStatsRow } from '../../platform/open-data-sql';
import { TRAININGS_PATH } from './service';

/** Open data (issue 16 c.7): the trainings, one line per place where a training is given. */
export const trainingsDataset: DatasetDeclaration = {
  id: 'formations',
  title: 'Formations',
  description: 'Les formations proposées en Bretagne, importées de l’offre de formation (format LHÉO du Carif-Oref) : une ligne par formation et par lieu où elle est donnée, avec l’organisme.',
  keywords: ['formation', 'orientation', 'emploi'],
  perTenant: false,
  frequency: 'hebdomadaire',
  tables: ['trainings_actions', 'trainings_formations'],
  geo: true,
  fields: [
    { name: 'id', type: 'code', meaning: 'Identifiant de l’action (la formation dans ce lieu).' },
    { name: 'formation', type: 'code', meaning: 'Identifiant de la formation.' },
    { name: 'titre', type: 'texte', meaning: 'Intitulé de la formation.' },
    { name: 'organisme', type: 'texte', meaning: 'L’organisme de formation.' },
    { name: 'certifiante', type: 'booléen', meaning: 'Vrai si elle mène à une certification.' },
    { name: 'rncp', type: 'code', meaning: 'Code RNCP de la certification, s’il y en a.' },
    { name: 'modalite', type: 'code', meaning: 'presentiel, mixte ou distance.' },
    { name: 'alternance', type: 'booléen', meaning: 'Vrai si elle se fait en alternance.' },
    { name: 'heures', type: 'entier', meaning: 'Durée en heures.' },
    { name: 'commune', type: 'texte', meaning: 'Commune du lieu de formation.' },
    { name: 'code_commune', type: 'code', meaning: 'Code INSEE de la commune (COG).' },
    { name: 'latitude', type: 'nombre', meaning: 'Latitude (WGS 84).' },
    { name: 'longitude', type: 'nombre', meaning: 'Longitude (WGS 84).' },
    { name: 'prochaine_session', type: 'date', meaning: 'Date de la prochaine session, si elle est connue.' },
    { name: 'metiers', type: 'liste de textes', meaning: 'Codes ROME des métiers visés.' },
    { name: 'page', type: 'adresse web', meaning: 'La page de la formation sur Guichet.' },
    { name: 'modifie_le', type: 'date et heure', meaning: 'Dernière modification.' },
  ],
  async producers(db) {
    const rows = await sql<ProducerStatsRow>`select null as producer, count(*) as count, max(f.updated_at) as last
      from trainings_actions a join trainings_formations f on f.id = a.formation_id`.execute(db);
    return producerStats(rows.rows);
  },
  async page(db, _producer, after, limit) {
    const rows = await sql<DatasetRow>`
      select a.id, f.id as formation, f.title as titre, o.name as organisme, f.certifying as certifiante, f.rncp, a.modality as modalite, a.alternance,
        a.hours as heures, a.commune_name as commune, a.commune_code as code_commune, a.latitude, a.longitude, to_char(a.next_start, 'YYYY-MM-DD') as prochaine_session,
        a.rome_codes as metiers, ${TRAININGS_PATH + '/'} || f.id as page, f.updated_at as modifie_le
      from trainings_actions a join trainings_formations f on f.id = a.formation_id join trainings_organismes o on o.id = f.organisme_id
      where true ${afterRow(after, [['a.id', 'id']])} order by a.id limit ${limit}`.execute(db);
    return rows.rows;
  },
  async reportable(db, id) {
    const row = (await sql<{ tenant_id: string; title: string }>`select tenant_id, title from trainings_formations where id = ${id}`.execute(db)).rows[0];
    return row ? { producer: row.tenant_id, title: row.title, url: `${TRAININGS_PATH}/${encodeURIComponent(id)}` } : undefined;
  },
};
