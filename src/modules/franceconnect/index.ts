import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { GuichetModule } from '../../platform/module';
import { franceConnectAccountRoutes } from './account.routes';
import { franceConnectRoutes } from './routes';
import { standinEnabled } from './settings';
import { standinRoutes } from './standin/routes';
import { franceConnectPersonalData } from './personal-data';
import { franceConnectPurges } from './purges';

export { FranceConnectButton } from './views/button';
export { franceConnectSettings, standinEnabled, STANDIN_PATH } from './settings';
export type { FranceConnectTables } from './tables';

/** C3: sign in with FranceConnect, link it to an account; in the demo, a local stand-in. */
export const franceConnectModule: GuichetModule = {
  name: 'franceconnect',
  plugin: async (app: FastifyInstance) => {
    const { config } = app.platform;
    // FranceConnect off (production without an issuer): no routes, so no button is offered.
    if (config.FRANCECONNECT_ISSUER === '' && !standinEnabled(config)) return;
    app.platform.accountSections.push({
      href: '/mon-compte/franceconnect',
      label: 'FranceConnect',
      description: 'Lier ou délier FranceConnect, pour vous connecter avec un compte que vous avez déjà et certifier votre identité.',
      order: 40,
    });
    await app.register(franceConnectRoutes);
    await app.register(franceConnectAccountRoutes);
    if (standinEnabled(config)) await app.register(standinRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: franceConnectPersonalData,
  purges: franceConnectPurges,
};
