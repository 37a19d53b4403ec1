import { sql, type Kysely } from 'kysely';
import type { AnyDb } from '../../platform/search';
import type { OrientationDomainsTable, OrientationInterestsTable, OrientationTables } from './tables';

export type OrientationDb = Kysely<OrientationTables>;
export const orientationDb = (db: AnyDb): OrientationDb => db as OrientationDb;

export type Domain = OrientationDomainsTable;
export type Interest = OrientationInterestsTable;

export function listDomains(db: OrientationDb): Promise<Domain[]> {
  return db.selectFrom('orientation_domains').selectAll().orderBy('code').execute();
}

export function listInterests(db: OrientationDb): Promise<Interest[]> {
  return db.selectFrom('orientation_interests').selectAll().orderBy('code').execute();
}

export interface FicheFilter {
  /** Normalised words (lower case, no accents), each found in one appellation. */
  words: string[];
  /** « D » (a grand domain) or « D11 » (a professional domain). */
  domain: string;
  interest: number | null;
}

export interface FicheHit {
  code: string;
  label: string;
  domain_label: string;
  /** The appellations the words were found in (three at most), when words were given. */
  matched: string[];
}

const normalised = (column: string) => sql`immutable_unaccent(lower(${sql.ref(column)}))`;

/** All the words in one label: `like` on the trigram index of the appellations. */
function allWordsIn(column: string, words: string[]) {
  return sql.join(
    words.map((w) => sql`${normalised(column)} like ${`%${w}%`}`),
    sql` and `,
  );
}

/**
 * The fiches that match: the words found together in one of their appellations (« boulangère »
 * finds « Boulanger / Boulangère »), in a domain and for an interest. With words, the fiche whose
 * own label holds them comes first, then the shortest matching appellation (the plainest name).
 */
export async function findFiches(db: OrientationDb, filter: FicheFilter, page: number, perPage: number): Promise<{ total: number; hits: FicheHit[] }> {
  const conditions = [sql`true`];
  if (filter.domain.length === 1) conditions.push(sql`d.grand_domain_code = ${filter.domain}`);
  else if (filter.domain) conditions.push(sql`f.domain_code = ${filter.domain}`);
  if (filter.interest !== null) {
    conditions.push(sql`exists (select 1 from orientation_interest_fiches i where i.fiche_code = f.code and i.interest_code = ${filter.interest})`);
  }
  const words = filter.words;
  const matching = words.length
    ? sql`join (select fiche_code, min(length(long_label)) as shortest from orientation_appellations a where ${allWordsIn('a.long_label', words)} group by fiche_code) m on m.fiche_code = f.code`
    : sql``;
  const order = words.length ? sql`(${allWordsIn('f.label', words)}) desc, m.shortest, f.label` : sql`f.label, f.code`;
  const rows = (
    await sql<{ code: string; label: string; domain_label: string; total: string }>`
      select f.code, f.label, d.label as domain_label, count(*) over () as total
      from orientation_fiches f join orientation_domains d on d.code = f.domain_code ${matching}
      where ${sql.join(conditions, sql` and `)}
      order by ${order}
      limit ${perPage} offset ${(page - 1) * perPage}`.execute(db)
  ).rows;
  const total = rows.length ? Number(rows[0]!.total) : page > 1 ? await countFiches(db, filter) : 0;
  const matched = new Map<string, string[]>();
  if (words.length && rows.length) {
    const labels = await db
      .selectFrom('orientation_appellations as a')
      .select(['a.fiche_code', 'a.long_label'])
      .where('a.fiche_code', 'in', rows.map((r) => r.code))
      .where(allWordsIn('a.long_label', words) as never)
      .orderBy(sql`length(a.long_label)`)
      .execute();
    for (const l of labels) {
      const list = matched.get(l.fiche_code) ?? [];
      if (list.length < 3) matched.set(l.fiche_code, [...list, l.long_label]);
    }
  }
  return { total, hits: rows.map((r) => ({ code: r.code, label: r.label, domain_label: r.domain_label, matched: matched.get(r.code) ?? [] })) };
}

/** The count alone, for a page beyond the last one. */
async function countFiches(db: OrientationDb, filter: FicheFilter): Promise<number> {
  return (await findFiches(db, filter, 1, 1)).total;
}

export interface FicheSheet {
  code: string;
  label: string;
  regulated: boolean | null;
  executive: boolean | null;
  domain: Domain;
  parent: { code: string; label: string } | null;
  definition: string[];
  access: string[];
  mobilities: Array<{ code: string; label: string }>;
  interests: Array<{ code: number; label: string }>;
  appellationCount: number;
}

/** A fiche with everything its page shows but the appellations (paginated: fichesAppellations). */
export async function ficheSheet(db: OrientationDb, code: string): Promise<FicheSheet | undefined> {
  const fiche = await db
    .selectFrom('orientation_fiches as f')
    .innerJoin('orientation_domains as d', 'd.code', 'f.domain_code')
    .leftJoin('orientation_fiches as p', (join) => join.onRef('p.code', '=', 'f.parent_code').on('f.parent_code', '<>', code))
    .select(['f.code', 'f.label', 'f.regulated', 'f.executive', 'd.code as domain_code', 'd.label as domain_label', 'd.grand_domain_code', 'd.grand_domain_label', 'p.code as parent_code', 'p.label as parent_label'])
    .where('f.code', '=', code)
    .executeTakeFirst();
  if (!fiche) return undefined;
  const [texts, mobilities, interests, count] = await Promise.all([
    db.selectFrom('orientation_texts').select(['kind', 'text']).where('fiche_code', '=', code).orderBy('kind').orderBy('position').execute(),
    db
      .selectFrom('orientation_mobilities as m')
      .innerJoin('orientation_fiches as f', 'f.code', 'm.target_code')
      .select(['f.code', 'f.label'])
      .where('m.fiche_code', '=', code)
      .orderBy('m.position')
      .execute(),
    db
      .selectFrom('orientation_interest_fiches as i')
      .innerJoin('orientation_interests as c', 'c.code', 'i.interest_code')
      .select(['c.code', 'c.label'])
      .where('i.fiche_code', '=', code)
      .orderBy('i.principal', 'desc')
      .orderBy('c.code')
      .execute(),
    db.selectFrom('orientation_appellations').select(sql<string>`count(*)`.as('n')).where('fiche_code', '=', code).executeTakeFirstOrThrow(),
  ]);
  return {
    code: fiche.code,
    label: fiche.label,
    regulated: fiche.regulated,
    executive: fiche.executive,
    domain: { code: fiche.domain_code, label: fiche.domain_label, grand_domain_code: fiche.grand_domain_code, grand_domain_label: fiche.grand_domain_label },
    parent: fiche.parent_code && fiche.parent_label ? { code: fiche.parent_code, label: fiche.parent_label } : null,
    definition: texts.filter((t) => t.kind === 'definition').map((t) => t.text),
    access: texts.filter((t) => t.kind === 'acces').map((t) => t.text),
    mobilities,
    interests,
    appellationCount: Number(count.n),
  };
}

/** A page of a fiche's appellations: the principal one first, then by name. */
export function ficheAppellations(db: OrientationDb, code: string, page: number, perPage: number) {
  return db
    .selectFrom('orientation_appellations')
    .select(['ogr_code', 'long_label', 'classification'])
    .where('fiche_code', '=', code)
    .orderBy(sql`classification = 'principale'`, 'desc')
    .orderBy('long_label')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
}

