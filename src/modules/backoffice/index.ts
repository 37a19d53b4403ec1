import type { GuichetModule } from '../../platform/module';
import { agentsRoutes } from './agents.routes';
import { brandingRoutes } from './branding.routes';
import { dashboardRoutes } from './dashboard.routes';
import { journalRoutes } from './journal.routes';
import { passwordRoutes } from './password.routes';
import { signInRoutes } from './sign-in.routes';

export { adminPage, requireAccount, type AdminView } from './admin-page';
export { AdminNav, adminBreadcrumb } from './views/admin-nav';

export const backofficeModule: GuichetModule = {
  name: 'backoffice',
  plugin: async (app) => {
    await app.register(signInRoutes);
    await app.register(dashboardRoutes);
    await app.register(brandingRoutes);
    await app.register(agentsRoutes);
    await app.register(journalRoutes);
    await app.register(passwordRoutes);
  },
};
