import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { agentsRoutes } from './agents.routes';
import { brandingRoutes } from './branding.routes';
import { dashboardRoutes } from './dashboard.routes';
import { invitationRoutes } from './invitations.routes';
import { journalRoutes } from './journal.routes';
import { passwordRoutes } from './password.routes';
import { signInRoutes } from './sign-in.routes';

import { backofficeSections } from './admin-links';
import { backofficePersonalData } from './personal-data';
import { backofficePurges } from './purges';

export const backofficeModule: GuichetModule = {
  name: 'backoffice',
  plugin: async (app) => {
    app.platform.adminSections.push(...backofficeSections);
    await app.register(signInRoutes);
    await app.register(dashboardRoutes);
    await app.register(brandingRoutes);
    await app.register(agentsRoutes);
    await app.register(journalRoutes);
    await app.register(passwordRoutes);
    await app.register(invitationRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: backofficePersonalData,
  purges: backofficePurges,
};
