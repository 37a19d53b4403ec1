import { sql } from 'kysely';
import type { DatasetDeclaration, DatasetRow } from '../../platform/open-data';
import { afterRow, producerStats, type ProducerStatsRow } from '../../platform/open-data-sql';

/** Open data (issue 16 c.7): an authority's published pages and news (never the pages reserved to professionals). */
export const contentDataset: DatasetDeclaration = {
  id: 'pages-actualites',
  title: 'Pages et actualités',
  description: 'Les pages d’information et les actualités publiées par une collectivité sur Guichet, dans leur version publiée. Une ligne par page ou actualité.',
  keywords: ['actualités', 'information', 'démarches'],
  perTenant: true,
  frequency: 'continue',
  tables: ['content_items'],
  fields: [
    { name: 'id', type: 'code', meaning: 'Identifiant stable de la page.' },
    { name: 'type', type: 'code', meaning: '« page » ou « actualite ».' },
    { name: 'titre', type: 'texte', meaning: 'Titre.' },
    { name: 'resume', type: 'texte', meaning: 'Résumé.' },
    { name: 'texte', type: 'texte', meaning: 'Le texte, en Markdown.' },
    { name: 'etiquettes', type: 'liste de textes', meaning: 'Étiquettes.' },
    { name: 'publie_le', type: 'date et heure', meaning: 'Date de publication.' },
    { name: 'page', type: 'adresse web', meaning: 'La page sur Guichet.' },
    { name: 'modifie_le', type: 'date et heure', meaning: 'Dernière modification.' },
  ],
  async producers(db) {
    const rows = await sql<ProducerStatsRow>`select tenant_id as producer, count(*) as count, max(updated_at) as last from content_items
      where published_version is not null and not pro_only group by tenant_id order by tenant_id`.execute(db);
    return producerStats(rows.rows);
  },
  async page(db, producer, after, limit) {
    const rows = await sql<DatasetRow>`
      select i.id::text as id, case i.kind when 'news' then 'actualite' else 'page' end as type, v.title as titre, v.summary as resume, v.body as texte,
        v.tags as etiquettes, i.published_at as publie_le,
        '/collectivites/' || i.tenant_id || case i.kind when 'news' then '/actualites/' else '/pages/' end || i.slug as page, i.updated_at as modifie_le
      from content_items i join content_versions v on v.item_id = i.id and v.version = i.published_version
      where i.published_version is not null and not i.pro_only and i.tenant_id = ${producer ?? ''} ${afterRow(after, [['i.id', 'id']])}
      order by i.id limit ${limit}`.execute(db);
    return rows.rows;
  },
  async reportable(db, id) {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    const row = (await sql<{ tenant_id: string; title: string; kind: string; slug: string }>`
      select i.tenant_id, v.title, i.kind, i.slug from content_items i join content_versions v on v.item_id = i.id and v.version = i.published_version
      where i.id = ${id}::uuid and not i.pro_only`.execute(db)).rows[0];
    return row ? { producer: row.tenant_id, title: row.title, url: `/collectivites/${row.tenant_id}/${row.kind === 'news' ? 'actualites' : 'pages'}/${row.slug}` } : undefined;
  },
};
