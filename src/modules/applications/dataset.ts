import { sql } from 'kysely';
import type { DatasetDeclaration, DatasetRow } from '../../platform/open-data';
import { afterRow, producerStats, type ProducerStatsRow } from '../../platform/open-data-sql';

/** Counts from 1 to this minus one are left empty (secret statistique): a small count could point at someone. */
export const MIN_PUBLISHED_COUNT = 5;

const COUNTS = ['deposees', 'en_cours', 'acceptees', 'refusees', 'autres'] as const;

function masked(row: DatasetRow): DatasetRow {
  const out: DatasetRow = { ...row };
  for (const name of COUNTS) {
    const n = Number(row[name]);
    out[name] = n > 0 && n < MIN_PUBLISHED_COUNT ? null : n;
  }
  return out;
}

/**
 * Open data (issue 16 c.7, usage statistics): how many applications were sent on Guichet for each
 * aid of an authority, by month of sending, and where they stand. No person: only counts, and
 * the small ones left empty. Applications notify no table-wide change (their trigger names the
 * person, for « Mes démarches »), so the catalogue keeps these counts a minute at most.
 */
export const applicationsDataset: DatasetDeclaration = {
  id: 'demandes-deposees',
  title: 'Demandes d’aide déposées',
  description: `Combien de demandes d’aide ont été envoyées sur Guichet, par aide et par mois d’envoi, et où elles en sont aujourd’hui. Aucune personne n’y figure : seulement des nombres, et ceux de 1 à ${MIN_PUBLISHED_COUNT - 1} sont laissés vides (secret statistique). Le mois en cours n’est pas terminé.`,
  keywords: ['demandes', 'statistiques', 'usage', 'aides'],
  perTenant: true,
  frequency: 'quotidienne',
  tables: [],
  fields: [
    { name: 'mois', type: 'code', meaning: 'Le mois d’envoi des demandes (AAAA-MM).' },
    { name: 'aide', type: 'code', meaning: 'Identifiant de l’aide demandée.' },
    { name: 'aide_nom', type: 'texte', meaning: 'Nom de l’aide.' },
    { name: 'deposees', type: 'entier', meaning: `Demandes envoyées ce mois-là (vide : de 1 à ${MIN_PUBLISHED_COUNT - 1}).` },
    { name: 'en_cours', type: 'entier', meaning: 'Parmi elles, celles qui attendent encore une décision.' },
    { name: 'acceptees', type: 'entier', meaning: 'Celles qui ont été acceptées.' },
    { name: 'refusees', type: 'entier', meaning: 'Celles qui ont été refusées.' },
    { name: 'autres', type: 'entier', meaning: 'Celles qui ont été retirées par la personne ou classées sans suite.' },
    { name: 'page', type: 'adresse web', meaning: 'La page de l’aide sur Guichet.' },
  ],
  async producers(db) {
    const rows = await sql<ProducerStatsRow>`
      select tenant_id as producer, count(distinct (aid_id, date_trunc('month', submitted_at))) as count,
        max(greatest(submitted_at, decided_at)) as last, date_trunc('month', min(submitted_at)) as start, max(submitted_at) as "end"
      from applications where submitted_at is not null group by tenant_id order by tenant_id`.execute(db);
    return producerStats(rows.rows);
  },
  async page(db, producer, after, limit) {
    const rows = await sql<DatasetRow>`
      select * from (
        select to_char(date_trunc('month', submitted_at), 'YYYY-MM') as mois, aid_id as aide, max(aid_name) as aide_nom,
          count(*)::int as deposees,
          (count(*) filter (where status in ('depose', 'en_instruction', 'pieces_demandees')))::int as en_cours,
          (count(*) filter (where status = 'accepte'))::int as acceptees,
          (count(*) filter (where status = 'refuse'))::int as refusees,
          (count(*) filter (where status in ('retire', 'classe_sans_suite')))::int as autres,
          '/aides/' || aid_id as page
        from applications where submitted_at is not null and tenant_id = ${producer ?? ''}
        group by 1, 2
      ) m where true ${afterRow(after, [['m.mois', 'mois'], ['m.aide', 'aide']])}
      order by m.mois, m.aide limit ${limit}`.execute(db);
    return rows.rows.map(masked);
  },
};
