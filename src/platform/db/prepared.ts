/**
 * Statements planned once per connection (SQL `PREPARE` / `EXECUTE`), for a statement whose text
 * never changes while its values do (the one search): on PGlite, planning a statement of several
 * CTEs cost ~20 ms of CPU at each run, more than executing it. The statement is prepared on a
 * connection the first time it runs there (named after a hash of its text, so a changed text is a
 * new statement), then executed with its values written as SQL literals: `EXECUTE` takes no bind
 * parameters. The values are those Kysely would bind — numbers, booleans, null, strings, arrays of
 * strings — each written by `literal` (quotes doubled, standard_conforming_strings), so nothing a
 * person typed becomes SQL. Inside a transaction the statement simply runs unprepared (a failed
 * `EXECUTE` would abort the transaction).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type QueryResult, type RawBuilder } from 'kysely';

/** An SQL literal for a value bound by a statement: refused when it is of another kind. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('A prepared statement takes finite numbers only');
    return String(value);
  }
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new Error('A prepared statement takes no NUL character');
    return `'${value.replaceAll("'", "''")}'`;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.length ? `array[${value.map(literal).join(', ')}]::text[]` : `'{}'::text[]`;
  }
  throw new Error(`A prepared statement takes numbers, booleans, strings and arrays of strings, not ${typeof value}`);
}

const names = new Map<string, string>();

/** The last `EXECUTE` text run (bench/search.ts explains the slowest search with it); `enabled: false` runs statements unprepared (the bench's comparison). */
export const lastPrepared = { execute: '', enabled: true };

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `guichet_${createHash('sha256').update(text).digest('hex').slice(0, 20)}`;
    if (names.size > 100) names.clear();
    names.set(text, name);
  }
  return name;
}

/** Runs `query` as a prepared statement of the connection it gets (prepared there the first time). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function executePrepared<R>(db: Kysely<any>, query: RawBuilder<R>): Promise<QueryResult<R>> {
  if (db.isTransaction || !lastPrepared.enabled) return query.execute(db);
  const compiled = query.compile(db);
  const name = nameOf(compiled.sql);
  const args = compiled.parameters.length ? `(${compiled.parameters.map(literal).join(', ')})` : '';
  const execute = sql.raw<R>(`execute ${name}${args}`);
  lastPrepared.execute = `execute ${name}${args}`;
  return db.connection().execute(async (connection) => {
    // The plan made once for any values: by default PostgreSQL plans again for the values of each
    // run while it guesses that helps, which on 100,000 documents it always did (custom plans only).
    await sql`set plan_cache_mode = force_generic_plan`.execute(connection);
    try {
      return await execute.execute(connection);
    } catch (error) {
      // 26000: not prepared on this connection yet (a new connection of the pool, a new process).
      if ((error as { code?: string }).code !== '26000') throw error;
      await sql.raw(`prepare ${name} as ${compiled.sql}`).execute(connection);
      return await execute.execute(connection);
    } finally {
      await sql`reset plan_cache_mode`.execute(connection);
    }
  });
}
