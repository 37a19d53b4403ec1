import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables';

/**
 * Checks the audit trail's hash chain (written by the trigger of migration 0130, docs/audit.md).
 * The canonical content is computed here again, in TypeScript, without the database's function:
 * a row whose content no longer gives its `row_hash` has been changed after it was written.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** A row as the chain sees it: every value as text (the timestamp and details formatted by SQL). */
export interface ChainRow {
  id: string;
  seq: string | null;
  at: string;
  actor_id: string | null;
  actor_label: string | null;
  tenant_id: string | null;
  action: string | null;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: string | null;
  prev_hash: string | null;
  row_hash: string | null;
}

/** JSON with sorted keys and no spaces, every value a string or null. */
export function canonicalContent(row: ChainRow): string {
  return JSON.stringify({
    action: row.action,
    actor_id: row.actor_id,
    actor_label: row.actor_label,
    at: row.at,
    details: row.details,
    id: row.id,
    ip: row.ip,
    seq: row.seq,
    target_id: row.target_id,
    target_type: row.target_type,
    tenant_id: row.tenant_id,
  });
}

export function rowHash(prevHash: string, row: ChainRow): string {
  return createHash('sha256').update(prevHash + canonicalContent(row), 'utf8').digest('hex');
}

export type Breakage = 'missing_before' | 'content_changed' | 'previous_hash_mismatch' | 'unchained' | 'tail_missing';

export interface BrokenRow {
  /** The row named in the report (for tail_missing: the last row still there, if any). */
  id: string | null;
  at: string | null;
  seq: string | null;
  breakage: Breakage;
  /** What the check expected against what it found (places or hashes). */
  expected: string;
  found: string;
}

/** Where the chain starts after a purge (migration 0362): the last row deleted, as its anchor recorded it. */
export interface ChainAnchor {
  seq: string;
  hash: string;
  /** When that row was written (UTC, as `at`). */
  at: string;
  /** How many rows all the purges deleted. */
  deleted: string;
}

export type ChainVerdict = { ok: true; rows: number; headHash: string; anchor: ChainAnchor | null } | { ok: false; rows: number; broken: BrokenRow };

const BATCH = 2000;

function selectRows(db: Kysely<PlatformTables>, afterSeq: string | null, limit: number) {
  return sql<ChainRow>`
    select id::text as id, seq::text as seq,
           to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
           actor_id::text as actor_id, actor_label, tenant_id, action, target_type, target_id, ip,
           details::text as details, prev_hash, row_hash
      from platform_audit
     where seq is not null ${afterSeq === null ? sql`` : sql`and seq > ${afterSeq}::bigint`}
     order by platform_audit.seq
     limit ${limit}`.execute(db);
}

/** The latest anchor, or null when no purge has run (or before migration 0362). */
export async function latestAnchor(db: Kysely<PlatformTables>): Promise<ChainAnchor | null> {
  const table = await sql<{ name: string | null }>`select to_regclass('platform_audit_anchors')::text as name`.execute(db);
  if (!table.rows[0]?.name) return null;
  const rows = await sql<ChainAnchor>`
    select last_seq::text as seq, last_hash as hash,
           to_char(last_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
           (select sum(deleted) from platform_audit_anchors)::text as deleted
      from platform_audit_anchors order by last_seq desc limit 1`.execute(db);
  return rows.rows[0] ?? null;
}

/**
 * Walks the whole chain in order (in batches) and stops at the first row that breaks it. After a
 * purge the chain starts from its latest anchor: the first row kept must follow the anchored row.
 */
export async function verifyAuditChain(db: Kysely<PlatformTables>): Promise<ChainVerdict> {
  // A row without a place was written with the append trigger disabled.
  const unchained = await sql<{ id: string; at: string }>`
    select id::text as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
      from platform_audit where seq is null or prev_hash is null or row_hash is null order by id limit 1`.execute(db);
  const stray = unchained.rows[0];
  if (stray) {
    return { ok: false, rows: 0, broken: { id: stray.id, at: stray.at, seq: null, breakage: 'unchained', expected: 'une place dans la chaîne', found: 'aucune' } };
  }

  const anchor = await latestAnchor(db);
  let previousHash = anchor?.hash ?? GENESIS_HASH;
  let expectedSeq = anchor ? BigInt(anchor.seq) + 1n : 1n;
  let last: ChainRow | undefined;
  let rows = 0;
  for (;;) {
    const batch = (await selectRows(db, last?.seq ?? anchor?.seq ?? null, BATCH)).rows;
    for (const row of batch) {
      const broken = checkRow(row, expectedSeq, previousHash);
      if (broken) return { ok: false, rows, broken };
      rows += 1;
      expectedSeq += 1n;
      previousHash = row.row_hash!;
      last = row;
    }
    if (batch.length < BATCH) break;
  }

  const head = (await sql<{ seq: string; row_hash: string }>`select seq::text as seq, row_hash from platform_audit_head`.execute(db)).rows[0];
  const lastSeq = last?.seq ?? anchor?.seq ?? '0';
  if (!head || head.seq !== lastSeq || head.row_hash !== previousHash) {
    return {
      ok: false,
      rows,
      broken: {
        id: last?.id ?? null,
        at: last?.at ?? null,
        seq: last?.seq ?? null,
        breakage: 'tail_missing',
        expected: head ? `${head.seq} lignes (empreinte ${head.row_hash})` : 'la tête de la chaîne',
        found: `${lastSeq} lignes (empreinte ${previousHash})`,
      },
    };
  }
  return { ok: true, rows, headHash: previousHash, anchor };
}

function checkRow(row: ChainRow, expectedSeq: bigint, previousHash: string): BrokenRow | null {
  const where = { id: row.id, at: row.at, seq: row.seq };
  if (row.seq !== String(expectedSeq)) {
    return { ...where, breakage: 'missing_before', expected: `rang ${expectedSeq}`, found: `rang ${row.seq}` };
  }
  if (row.prev_hash !== previousHash) {
    return { ...where, breakage: 'previous_hash_mismatch', expected: previousHash, found: row.prev_hash ?? '' };
  }
  const recomputed = rowHash(previousHash, row);
  if (recomputed !== row.row_hash) {
    return { ...where, breakage: 'content_changed', expected: row.row_hash ?? '', found: recomputed };
  }
  return null;
}

const WHAT_BROKE: Record<Breakage, string> = {
  missing_before: 'une ou plusieurs lignes ont disparu juste avant elle',
  content_changed: 'son contenu a été modifié après son écriture (il ne donne plus son empreinte)',
  previous_hash_mismatch: 'elle ne suit plus la ligne précédente : celle-ci a été modifiée ou remplacée',
  unchained: 'elle a été ajoutée hors de la chaîne (déclencheur désactivé)',
  tail_missing: 'les dernières lignes du journal ont disparu',
};

/** « 0 ligne vérifiée », « 1 ligne vérifiée », « 2 lignes vérifiées » (French keeps 0 and 1 singular). */
export const lines = (n: number, adjective: string) => `${n} ligne${n > 1 ? 's' : ''} ${adjective}${n > 1 ? 's' : ''}`;

/** The French report printed by `npm run audit:verify`. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.ok) {
    const anchored = verdict.anchor
      ? `\n(${Number(verdict.anchor.deleted) > 1 ? `Les ${verdict.anchor.deleted} lignes les plus anciennes ont été effacées` : 'La ligne la plus ancienne a été effacée'} après un an ; la chaîne repart de l’ancre de la ligne de rang ${verdict.anchor.seq}, du ${verdict.anchor.at}.)`
      : '';
    return `Journal intègre : ${lines(verdict.rows, 'vérifiée')}.${anchored}\nEmpreinte de la dernière ligne : ${verdict.headHash}\n(notez-la hors de la base : la retrouver à la prochaine vérification prouve que rien n'a été réécrit depuis.)`;
  }
  const { broken } = verdict;
  const row = broken.id === null ? 'le journal' : `la ligne n° ${broken.id}${broken.seq ? ` (rang ${broken.seq})` : ''}${broken.at ? ` du ${broken.at}` : ''}`;
  return [
    `Journal altéré : ${lines(verdict.rows, 'intègre')}, puis ${row} : ${WHAT_BROKE[broken.breakage]}.`,
    `Attendu : ${broken.expected}`,
    `Trouvé  : ${broken.found}`,
  ].join('\n');
}
