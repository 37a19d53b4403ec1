import type { GuichetModule } from '../../platform/module';

export const portalModule: GuichetModule = {
  name: 'portal',
  plugin: async () => {},
};
