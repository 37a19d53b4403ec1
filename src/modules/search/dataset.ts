import { sql } from 'kysely';
import type { DatasetDeclaration, DatasetRow } from '../../platform/open-data';
import { afterRow, producerStats, type ProducerStatsRow } from '../../platform/open-data-sql';

/** Searches made fewer times a day are left out: rare words could point at someone. */
export const MIN_MISSES = 3;

/** Open data (issue 16 c.7): what people searched for and did not find, counted per day (no person). */
export const searchMissesDataset: DatasetDeclaration = {
  id: 'recherches-sans-resultat',
  title: 'Recherches sans résultat',
  description: `Les mots cherchés sur Guichet qui n’ont rien trouvé, comptés par jour et par espace de collectivité. Aucune personne n’est enregistrée : seulement des mots simplifiés (sans accents ni chiffres longs), et seulement ceux cherchés au moins ${MIN_MISSES} fois le même jour.`,
  keywords: ['recherche', 'statistiques', 'besoins'],
  perTenant: false,
  frequency: 'quotidienne',
  tables: ['search_misses'],
  fields: [
    { name: 'jour', type: 'date', meaning: 'Le jour des recherches.' },
    { name: 'collectivite', type: 'code', meaning: 'L’espace de collectivité où la recherche a été faite.' },
    { name: 'mots', type: 'texte', meaning: 'Les mots cherchés, simplifiés ; vide : les autres recherches du jour, regroupées.' },
    { name: 'nombre', type: 'entier', meaning: 'Combien de fois ces mots ont été cherchés ce jour-là sans résultat.' },
  ],
  async producers(db) {
    const rows = await sql<ProducerStatsRow>`select null as producer, count(*) as count, max(day)::timestamptz as last, min(day)::timestamptz as start, max(day)::timestamptz as "end"
      from search_misses where count >= ${MIN_MISSES}`.execute(db);
    return producerStats(rows.rows);
  },
  async page(db, _producer, after, limit) {
    const rows = await sql<DatasetRow>`
      select to_char(day, 'YYYY-MM-DD') as jour, tenant_id as collectivite, words as mots, count as nombre from search_misses
      where count >= ${MIN_MISSES} ${afterRow(after, [['day', 'jour'], ['tenant_id', 'collectivite'], ['words', 'mots']])}
      order by day, tenant_id, words limit ${limit}`.execute(db);
    return rows.rows;
  },
};
