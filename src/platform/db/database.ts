import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { ChangeFeed, ChangeWatcher, CHANGES_CHANNEL, listenOnPostgres, registerChangeFeed } from './changes';
import { PGliteDialect } from './pglite-dialect';
import type { PlatformTables } from './tables';
import { unreachable } from './unreachable';

export type Engine = 'pglite' | 'postgres';

/** The platform's handle on its database: typed queries, plus raw scripts for migrations. */
export interface Database {
  readonly engine: Engine;
  readonly db: Kysely<PlatformTables>;
  /** Which watched tables changed, on this instance or another (platform/db/changes.ts). */
  readonly changes: ChangeFeed;
  /** Runs a multi-statement SQL script in one transaction (migrations, seeds). */
  runScript(script: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** PGlite only: a dump of the data directory (test templates). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite directory; 'memory://' for an in-memory database. */
  dataDir?: string;
  /** A PGlite data dir dump to start from (fast test databases). */
  loadDataDir?: Blob | File;
  poolSize?: number;
  /** Told when the server closes an idle pooled connection (PostgreSQL only). */
  onIdleError?: (error: Error) => void;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.onIdleError ?? ((error) => console.error(`PostgreSQL: an idle connection was closed (${error.message})`)))
    : openPGlite(options);
}

async function openPGlite(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    extensions: { unaccent, pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  // One process owns a PGlite database: its own listen/notify tells what the triggers saw.
  const changes = new ChangeFeed();
  await pglite.listen(CHANGES_CHANNEL, (table) => changes.changed(table));
  const db = new Kysely<PlatformTables>({ dialect: new PGliteDialect(pglite), plugins: [new ChangeWatcher(changes)] });
  registerChangeFeed(db, changes);
  return {
    engine: 'pglite',
    db,
    changes,
    // Goes through Kysely's connection so that it waits for the single PGlite backend.
    runScript: (script) =>
      db.connection().execute(async () => {
        await pglite.exec(`begin;\n${script}\n;commit;`).catch(async (error: unknown) => {
          await pglite.exec('rollback').catch(() => undefined);
          throw error;
        });
      }),
    ping: () => ping(db),
    close: () => db.destroy(),
    dumpDataDir: () => db.connection().execute(() => pglite.dumpDataDir('gzip')),
  };
}

async function openPostgres(connectionString: string, max: number, onIdleError: (error: Error) => void): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection closed by the server (restart, failover, a dropped database) is only
  // discarded: the pool opens a new one for the next query. Without a listener, node would
  // treat the event as an uncaught error and stop the process.
  pool.on('error', (error) => onIdleError(error));
  // Fail at once, with a French sentence, when the server cannot be reached at all.
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw unreachable(connectionString, error);
  }
  // Return bigint counts and numerics as JS numbers where safe; dates stay Date.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  const changes = new ChangeFeed();
  const listener = listenOnPostgres(connectionString, changes);
  await listener.ready;
  const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }), plugins: [new ChangeWatcher(changes)] });
  registerChangeFeed(db, changes);
  return {
    engine: 'postgres',
    db,
    changes,
    runScript: async (script) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(script);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    ping: () => ping(db),
    close: async () => {
      await listener.stop();
      await db.destroy();
    },
  };
}

async function ping(db: Kysely<PlatformTables>): Promise<boolean> {
  try {
    const result = await sql<{ ok: number }>`select 1 as ok`.execute(db);
    return result.rows.length === 1;
  } catch {
    return false;
  }
}
