import type { FastifyInstance } from 'fastify';

/** A capability of MISSION.md: its routes, and the folder of its migrations if it owns tables. */
export interface GuichetModule {
  name: string;
  plugin: (app: FastifyInstance) => Promise<void>;
  migrationsDir?: string;
}
