import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { glossaryAdminSections, glossaryRoutes } from './routes';

/** The words of public services in plain words (/glossaire), linked from public pages (issue 14). */
export const glossaryModule: GuichetModule = {
  name: 'glossary',
  plugin: async (app) => {
    app.platform.adminSections.push(...glossaryAdminSections);
    await app.register(glossaryRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
};
