import type { GuichetModule } from '../../platform/module';

export const contentModule: GuichetModule = {
  name: 'content',
  plugin: async () => {},
};
