import type { GuichetModule } from '../../platform/module';

export const backofficeModule: GuichetModule = {
  name: 'backoffice',
  plugin: async () => {},
};
