import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './database';

export const platformMigrationsDir = join(import.meta.dirname, 'migrations');

interface MigrationFile {
  name: string;
  path: string;
}

/** Migration files are named NNNN_what.sql; their numbers order them across all folders. */
function listMigrations(dirs: string[]): MigrationFile[] {
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
      .map((f) => ({ name: basename(f, '.sql'), path: join(dir, f) })),
  );
  const seen = new Set<string>();
  for (const file of files) {
    const number = file.name.slice(0, 4);
    if (seen.has(number)) throw new Error(`Two migrations share the number ${number}`);
    seen.add(number);
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Refuses to apply a migration numbered below one already applied: it was written for a schema
 * older than the database's, and running it now (0036 after 0120) could undo or break what came
 * since. Databases that already applied such a pair are fine: only unapplied files are checked.
 */
function assertInOrder(files: MigrationFile[], applied: string[]): void {
  const latest = applied.filter((name) => /^\d{4}_/.test(name)).sort().at(-1);
  if (!latest) return;
  const done = new Set(applied);
  const late = files.find((file) => !done.has(file.name) && file.name.slice(0, 4) < latest.slice(0, 4));
  if (late) {
    throw new Error(
      `Migration ${late.name} is older than ${latest}, which this database has already applied: ` +
        `it would run out of order. Renumber ${late.name} above ${latest.slice(0, 4)} (migrations are applied in the order of their numbers).`,
    );
  }
}

/**
 * Applies every migration not yet applied, each in its own transaction. On PostgreSQL an
 * advisory lock keeps several instances starting together from migrating twice.
 */
export async function migrate(database: Database, dirs: string[]): Promise<string[]> {
  const { db } = database;
  // Looked up first: an application role without the right to create tables (docs/audit.md)
  // still starts on a database its owner migrated.
  const table = await sql<{ name: string | null }>`select to_regclass('platform_migrations')::text as name`.execute(db);
  if (!table.rows[0]?.name) {
    await sql`create table if not exists platform_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(db);
  }
  const applied: string[] = [];
  const run = async () => {
    const done = new Map((await db.selectFrom('platform_migrations').selectAll().execute()).map((m) => [m.name, m.checksum]));
    const files = listMigrations(dirs);
    assertInOrder(files, [...done.keys()]);
    for (const file of files) {
      const script = readFileSync(file.path, 'utf8');
      const checksum = createHash('sha256').update(script).digest('hex');
      const previous = done.get(file.name);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`Migration ${file.name} was changed after it was applied`);
        continue;
      }
      const record = `insert into platform_migrations (name, checksum) values ('${file.name}', '${checksum}');`;
      await database.runScript(`${script}\n;\n${record}`);
      applied.push(file.name);
    }
  };
  if (database.engine === 'postgres') {
    await db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(4242001)`.execute(conn);
      try {
        await run();
      } finally {
        await sql`select pg_advisory_unlock(4242001)`.execute(conn);
      }
    });
  } else {
    await run();
  }
  return applied;
}
