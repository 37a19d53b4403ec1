import { sql } from 'kysely';
import type { DatasetDeclaration, DatasetRow } from '../../platform/open-data';
import { afterRow, producerStats, type ProducerStatsRow } from '../../platform/open-data-sql';

/** Open data (issue 16 c.7): the published aids, one dataset per publishing authority. */
export const aidsDataset: DatasetDeclaration = {
  id: 'aides',
  title: 'Aides publiques',
  description: 'Les aides publiées sur Guichet par une collectivité : à qui elles s’adressent, où elles s’appliquent et qui les accorde. Une ligne par aide.',
  keywords: ['aides', 'subventions', 'prestations'],
  perTenant: true,
  frequency: 'continue',
  tables: ['aids'],
  apiPath: '/api/v1/aides',
  fields: [
    { name: 'id', type: 'code', meaning: 'Identifiant stable de l’aide.' },
    { name: 'nom', type: 'texte', meaning: 'Nom de l’aide.' },
    { name: 'resume', type: 'texte', meaning: 'Ce que l’aide apporte, en mots simples.' },
    { name: 'porteur', type: 'texte', meaning: 'L’organisme qui accorde l’aide.' },
    { name: 'type_porteur', type: 'code', meaning: 'La sorte d’organisme (région, département, commune, État…).' },
    { name: 'territoires', type: 'liste de textes', meaning: 'Où elle s’applique : FR (France), R53 (région), D29 (département), C29019 (commune, code INSEE).' },
    { name: 'publics', type: 'liste de textes', meaning: 'Les publics visés.' },
    { name: 'themes', type: 'liste de textes', meaning: 'Les thèmes de l’aide.' },
    { name: 'age_min', type: 'entier', meaning: 'Âge minimum, vide s’il n’y en a pas.' },
    { name: 'age_max', type: 'entier', meaning: 'Âge maximum, vide s’il n’y en a pas.' },
    { name: 'page', type: 'adresse web', meaning: 'La page de l’aide sur Guichet.' },
    { name: 'modifie_le', type: 'date et heure', meaning: 'Dernière modification.' },
  ],
  async producers(db) {
    const rows = await sql<ProducerStatsRow>`select tenant_id as producer, count(*) as count, max(updated_at) as last from aids where status = 'published' group by tenant_id order by tenant_id`.execute(db);
    return producerStats(rows.rows);
  },
  async page(db, producer, after, limit) {
    const rows = await sql<DatasetRow>`
      select id, name as nom, coalesce(definition->>'summary', '') as resume, porteur_name as porteur, porteur_kind as type_porteur,
        territory_codes as territoires, audiences as publics, themes, age_min, age_max, '/aides/' || id as page, updated_at as modifie_le
      from aids where status = 'published' and tenant_id = ${producer ?? ''} ${afterRow(after, [['id', 'id']])}
      order by id limit ${limit}`.execute(db);
    return rows.rows;
  },
  async reportable(db, id) {
    const row = (await sql<{ tenant_id: string; name: string }>`select tenant_id, name from aids where id = ${id} and status = 'published'`.execute(db)).rows[0];
    return row ? { producer: row.tenant_id, title: row.name, url: `/aides/${encodeURIComponent(id)}` } : undefined;
  },
};
