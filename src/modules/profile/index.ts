import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { GuichetModule } from '../../platform/module';

export * from './model';
export { readProfile, writeCertified, writeDeclared, clearDeclared, forgetCertified, CertifiedFieldError } from './store';
export type { ProfileTables } from './tables';

/** C3: the person's profile, each field with its provenance (certified or declared). */
export const profileModule: GuichetModule = {
  name: 'profile',
  plugin: async (_app: FastifyInstance) => {},
  migrationsDir: join(import.meta.dirname, 'migrations'),
};
