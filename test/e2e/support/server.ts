import { freePort } from '../../support/net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app';
import { loadConfig, type Config } from '../../../src/config';
import type { Database } from '../../../src/platform/db/database';
import { freshDatabase } from '../../support/database';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  config: Config;
  port: number;
  /** http://localhost:<port> — the portal's main host. */
  origin: string;
  /** The origin of a tenant's own host name, e.g. originFor('brest.localhost'). */
  originFor(host: string): string;
  close(): Promise<void>;
}

/**
 * The real application, listening on a real HTTP port (chosen by the system) on a fresh,
 * migrated and seeded database. One per test file.
 */
export async function startServer(overrides: Partial<Config> = {}): Promise<RunningServer> {
  const database = await freshDatabase();
  // The port is chosen before the app is built, so PUBLIC_URL (links in mails, OpenID issuers,
  // the portal the tenant hosts send people to for sign-in) names the address really served.
  const port = await freePort();
  const config = loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: port, PUBLIC_URL: `http://localhost:${port}`, ...overrides });
  const app = await buildApp({ config, database });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    database,
    config,
    port,
    origin: `http://localhost:${port}`,
    originFor: (host) => `http://${host}:${port}`,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

