import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { accountMfaRoutes, ACCOUNT_PAGE } from './account.routes';
import { adminMfaRoutes } from './admin.routes';
import { codeRoutes } from './code.routes';
import { resetRoutes } from './reset.routes';
import { hasFactor } from './service';
import { mfaPersonalData } from './personal-data';

export { factorsOf } from './store';
export { isPlatformOperator } from './reset';
export { resealAllFactors, type ResealReport } from './reseal';
export type { MfaTables } from './tables';

/** C3: second factor (TOTP), mandatory for agents, optional for people; reset by an administrator. */
export const mfaModule: GuichetModule = {
  name: 'mfa',
  plugin: async (app) => {
    const { platform } = app;
    platform.secondFactor = { hasFactor: (accountId) => hasFactor(platform.db, accountId) };
    platform.accountSections.push({
      href: ACCOUNT_PAGE,
      label: 'Double authentification',
      description: 'Protéger votre compte avec un code à 6 chiffres donné par une application de votre téléphone, en plus du mot de passe.',
      order: 40,
    });
    await app.register(codeRoutes);
    await app.register(adminMfaRoutes);
    await app.register(resetRoutes);
    await app.register(accountMfaRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: mfaPersonalData,
};
