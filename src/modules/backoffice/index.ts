import type { GuichetModule } from '../../platform/module';
import { signInRoutes } from './sign-in.routes';

export const backofficeModule: GuichetModule = {
  name: 'backoffice',
  plugin: async (app) => {
    await app.register(signInRoutes);
  },
};
