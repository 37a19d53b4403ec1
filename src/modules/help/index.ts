import type { GuichetModule } from '../../platform/module';

export const helpModule: GuichetModule = {
  name: 'help',
  plugin: async () => {},
};
