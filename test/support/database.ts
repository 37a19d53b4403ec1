import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { migrationDirs } from '../../src/app';
import { ensureTerritories } from '../../src/modules/territories';
import { openDatabase, type Database } from '../../src/platform/db/database';
import { migrate } from '../../src/platform/db/migrate';
import { seedDemo } from '../../seed/load';

export type TestEngine = 'pglite' | 'postgres';

export function testEngine(): TestEngine {
  return process.env.GUICHET_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

const root = join(import.meta.dirname, '..', '..');

/** Changes whenever a migration, the referential, the seed or the search documents' builders change: the template is rebuilt. */
function schemaFingerprint(): string {
  const hash = createHash('sha256');
  const files = [
    ...migrationDirs.flatMap((dir) => readdirSync(dir).map((f) => join(dir, f))),
    ...listFiles(join(root, 'seed')),
    // What the seed's index rebuild writes for each document.
    ...listFiles(join(root, 'src/platform/search')),
    ...listFiles(join(root, 'src/modules')).filter((f) => f.endsWith('search-source.ts')),
    join(root, 'node_modules/@etalab/decoupage-administratif/package.json'),
  ].sort();
  for (const file of files) hash.update(relative(root, file)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

async function prepare(database: Database): Promise<void> {
  await migrate(database, migrationDirs);
  await ensureTerritories(database.db);
  await seedDemo(database.db);
}

/**
 * Where the test databases' copies go: a directory of the run (scripts/test.ts makes it and
 * removes it at the end), else memory-backed /dev/shm, else the system's temporary directory.
 */
function copiesDir(): string {
  const dir = process.env.GUICHET_TEST_TMP || (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The data directory of a PGlite template, built once (migrated and seeded, or only initialised)
 * in the cache and reused while its fingerprint holds: PGlite's initdb costs ~2 s of CPU, the
 * migrations and seed ~15 s, whereas copying the directory costs a few hundredths of a second.
 */
async function pgliteTemplate(prepared: boolean): Promise<string> {
  const version = JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  // « -wal1 »: built with pruneWal; « -sb16 »: with the test databases' shared_buffers (an older
  // template of the same schema is rebuilt once).
  const name = prepared ? `pglite-template-${schemaFingerprint()}-${version.version}-wal1-sb16` : `pglite-empty-${version.version}-sb16`;
  const templateDir = join(root, '.cache', name);
  if (existsSync(join(templateDir, 'PG_VERSION'))) return templateDir;
  mkdirSync(join(root, '.cache'), { recursive: true });
  const building = `${templateDir}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  try {
    const builder = await openDatabase({ dataDir: building });
    if (prepared) await prepare(builder);
    await builder.close();
    // Only the migrated template has much log to drop; an initialised-only one (left « in
    // production » by PGlite's close after initdb) is small and kept whole.
    if (prepared) pruneWal(building);
    appendFileSync(join(building, 'postgresql.conf'), TEST_SETTINGS);
    // Opened once more: a template the pruning broke fails here, not in every test.
    const check = await openDatabase({ dataDir: building });
    await sql`select 1`.execute(check.db);
    await check.close();
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  try {
    renameSync(building, templateDir);
  } catch (error) {
    // Another process built the same template at the same time: keep theirs.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(templateDir, 'PG_VERSION'))) throw error;
  }
  pruneTemplates(name);
  return templateDir;
}

/**
 * Written into the templates' postgresql.conf, so into every PGlite test database copied from them.
 * PGlite's default of 128 MB of shared buffers costs ~0.5 s of CPU at each start (~1 s in all
 * instead of ~0.4 s), and the tests start a few hundred databases per engine; a test database
 * (~80 MB on disk, mostly read through the system's page cache in /dev/shm) runs as well with 16 MB.
 * Only the tests' databases: `npm start`'s own data directory keeps PGlite's defaults.
 */
const TEST_SETTINGS = '\n# Guichet tests (test/support/database.ts): a cheaper start for each test database.\nshared_buffers = 16MB\n';

/**
 * Removes the write-ahead log's segments that a cleanly shut down data directory no longer needs.
 * The migrations and the seed leave ~30 segments of 16 MB (recycled for later use, as
 * max_wal_size allows): ~500 MB that every test database would copy for nothing. After a clean
 * shutdown only the segment holding the last checkpoint is read at start; the others are
 * removed, as PostgreSQL itself does when it has more than it needs. The checkpoint's place is
 * read from pg_control (ControlFileData: checkPoint at byte 32, its redo point at 40 and
 * timeline at 48, laid out alike since PostgreSQL 9.x), and the result is opened once to check it.
 */
function pruneWal(dataDir: string): void {
  const control = readFileSync(join(dataDir, 'global', 'pg_control'));
  const state = control.readInt32LE(16);
  if (state !== 1) throw new Error(`the template was not shut down cleanly (pg_control state ${state})`); // 1: DB_SHUTDOWNED
  const checkpoint = control.readBigUInt64LE(32);
  const redo = control.readBigUInt64LE(40);
  const timeline = control.readUInt32LE(48);
  const walDir = join(dataDir, 'pg_wal');
  const segments = readdirSync(walDir).filter((name) => /^[0-9A-F]{24}$/.test(name));
  if (segments.length === 0) return;
  const segmentSize = BigInt(statSync(join(walDir, segments[0]!)).size);
  const perId = 0x1_0000_0000n / segmentSize;
  const numberOf = (name: string) => BigInt(`0x${name.slice(8, 16)}`) * perId + BigInt(`0x${name.slice(16, 24)}`);
  const first = redo / segmentSize;
  const last = checkpoint / segmentSize;
  const kept = segments.filter((name) => Number.parseInt(name.slice(0, 8), 16) === timeline && numberOf(name) >= first && numberOf(name) <= last);
  if (kept.length !== Number(last - first + 1n)) throw new Error(`the segments of the template's last checkpoint are missing (${kept.length} found)`);
  for (const name of segments) if (!kept.includes(name)) rmSync(join(walDir, name));
}

/** Keeps two former templates at most in the cache (each is ~45 MB; the former .tar.gz dumps too). */
function pruneTemplates(kept: string): void {
  const cacheDir = join(root, '.cache');
  const old = readdirSync(cacheDir)
    .filter((name) => name !== kept && !name.endsWith('.tmp') && (/^pglite-template-[0-9a-f]+-[\w.-]+$/.test(name) || /^pglite-template-.*\.tar\.gz$/.test(name)))
    .map((name) => ({ name, time: statSync(join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time)
    .slice(2);
  for (const { name } of old) rmSync(join(cacheDir, name), { recursive: true, force: true });
}

/** A copy of a PGlite template's data directory, for a database or a Guichet process of its own. */
export async function freshPGliteDataDir({ prepared = true } = {}): Promise<string> {
  const template = await pgliteTemplate(prepared);
  const dir = mkdtempSync(join(copiesDir(), 'guichet-pglite-'));
  cpSync(template, dir, { recursive: true });
  leftovers.add(dir);
  return dir;
}

/** Copies not removed yet when the process ends (a test that did not close its database). */
const leftovers = new Set<string>();
process.once('exit', () => {
  for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
});

/** A fresh PGlite database, migrated and seeded: a copy of the template's data directory. */
async function freshPGlite(prepared: boolean): Promise<Database> {
  const dir = await freshPGliteDataDir({ prepared });
  const database = await openDatabase({ dataDir: dir });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
      leftovers.delete(dir);
    },
  };
}

/** A fresh PostgreSQL database per test file, cloned from a migrated and seeded template. */
async function freshPostgres(prepared: boolean): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is needed for PostgreSQL tests');
  const template = `guichet_tpl_${schemaFingerprint()}`;
  const name = `guichet_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // One process at a time builds the template or copies it (PostgreSQL refuses to copy a
    // template that another session is using).
    await admin.query('select pg_advisory_lock(4242002)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount === 0) {
      // Keep the newest few templates: several checkouts (branches, worktrees) testing side by side
      // on one server would otherwise drop each other's template at every run.
      const stale = await admin.query(
        `select datname from pg_database where datname like 'guichet_tpl_%' order by oid desc offset 7`,
      );
      for (const row of stale.rows as Array<{ datname: string }>) await admin.query(`drop database if exists "${row.datname}"`);
      await admin.query(`create database "${template}"`);
      const builder = await openDatabase({ databaseUrl: withDatabase(adminUrl, template), poolSize: 2 });
      await prepare(builder);
      await builder.close();
    }
    // The advisory lock is per database: runs whose TEST_DATABASE_URL names another database of
    // the same server (.ci/run makes one per run) may be copying the same template; 55006 then
    // says it is in use for a moment, and the copy is tried again.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(prepared ? `create database "${name}" template "${template}"` : `create database "${name}"`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.query('select pg_advisory_unlock(4242002)').catch(() => undefined);
    await admin.end();
  }
  const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), poolSize: 5 });
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      const cleaner = new pg.Client({ connectionString: adminUrl });
      await cleaner.connect();
      await dropWhenFree(cleaner, name);
      await cleaner.end();
    },
  };
}

/**
 * pg's pool resolves end() before the server has seen every socket close; forcing the drop at
 * that moment terminates a closing connection, whose error then surfaces in whatever test runs
 * next. So: wait for the last sessions to leave, and force only if one never does.
 */
async function dropWhenFree(client: pg.Client, database: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await client.query(`drop database if exists "${database}"`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // 55006: still in use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await client.query(`drop database if exists "${database}" with (force)`).catch(() => undefined);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A new database for one test file: migrated and seeded, or empty with `{ prepared: false }`. */
export function freshDatabase({ prepared = true } = {}): Promise<Database> {
  return testEngine() === 'postgres' ? freshPostgres(prepared) : freshPGlite(prepared);
}
