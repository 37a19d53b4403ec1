import { buildApp, migrationDirs } from './app';
import { ConfigError, loadConfig } from './config';
import { rebuildStaleSearchIndex } from './modules/search';
import { ensureTerritories } from './modules/territories';
import { openDatabase } from './platform/db/database';
import { DatabaseUnreachableError } from './platform/db/unreachable';
import { migrate } from './platform/db/migrate';
import { loggerOptions } from './platform/http/logging';
import { seedDemo } from '../seed/load';

const DRAIN_SECONDS = 10;

async function main() {
  const config = loadConfig();
  const started = Date.now();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const applied = await migrate(database, migrationDirs);
  await ensureTerritories(database.db);
  const seeded = config.SEED_DEMO ? await seedDemo(database.db) : undefined;
  const reindexed = await rebuildStaleSearchIndex(database.db);

  const app = await buildApp({
    config,
    database,
    logger: loggerOptions(config.LOG_LEVEL, process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'stopping: finishing requests in progress');
    // Requests in progress get DRAIN_SECONDS to finish; connections still open after that (a
    // browser's idle or pre-opened sockets, which Node does not count as idle) are closed.
    const drain = setTimeout(() => {
      app.log.warn(`connections still open after ${DRAIN_SECONDS} s: closing them`);
      app.server.closeAllConnections();
    }, DRAIN_SECONDS * 1000);
    drain.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'unclean stop');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const url = config.PUBLIC_URL || `http://localhost:${config.PORT}`;
  app.log.info(
    {
      database: database.engine === 'pglite' ? `PGlite in ${config.DATA_DIR}` : 'PostgreSQL',
      migrationsApplied: applied.length,
      seed: seeded ? (seeded.created ? 'demo data created' : 'demo data already present') : 'disabled',
      searchIndex: reindexed === null ? 'current' : `rebuilt for this version (${reindexed} documents)`,
      startedInMs: Date.now() - started,
    },
    `Guichet is ready: open ${url}/`,
  );
  if (seeded) {
    app.log.info(`Back office: ${url}/admin — demo accounts (demo only, see README): ${seeded.accounts.map((a) => `${a.email} / ${a.password}`).join(', ')}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnreachableError) {
    console.error(error.message);
  } else {
    console.error('Guichet could not start:', error);
  }
  process.exit(1);
});
