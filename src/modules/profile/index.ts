import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { GuichetModule } from '../../platform/module';
import { profileRoutes } from './routes';
import { profilePersonalData } from './personal-data';

export * from './model';
export { readProfile, writeCertified, writeDeclared, clearDeclared, forgetCertified, CertifiedFieldError } from './store';
export type { ProfileTables } from './tables';
export { communesForPostalCode, type CommuneChoice } from './communes';
export { isValidSiret } from './validation';
export { safeNext } from './person';

/** C3: the person's profile, each field with its provenance (certified or declared). */
export const profileModule: GuichetModule = {
  name: 'profile',
  plugin: async (app: FastifyInstance) => {
    await app.register(profileRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: profilePersonalData,
};
