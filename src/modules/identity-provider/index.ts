import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { GuichetModule } from '../../platform/module';
import { accountRoutes } from './account.routes';
import { adminRoutes } from './admin.routes';
import { apiRoutes } from './api.routes';
import { interactionRoutes } from './interaction.routes';
import { personApiRoutes } from './person-api.routes';
import { idpDb } from './adapter';
import { IdentityProvider } from './provider';
import { identityProviderPersonalData } from './personal-data';
import { identityProviderPurges } from './purges';

export { rotateSigningKeys, publishedKeys, DEFAULT_GRACE_SECONDS } from './keys';
export { MOUNT as IDP_MOUNT } from './provider';
export type { IdpTables } from './tables';

/** C3 "fourniture d'identités": Guichet as an OpenID Connect provider for authorities' applications. */
export const identityProviderModule: GuichetModule = {
  name: 'identity-provider',
  plugin: async (app: FastifyInstance) => {
    const idp = new IdentityProvider(app.platform, app.log);
    app.platform.adminSections.push({
      path: '/applications',
      label: 'Applications connectées',
      description: 'Les applications de la collectivité qui connectent les personnes avec leur compte Guichet (OpenID Connect).',
      group: 'reglages',
    });
    app.platform.auditTargets.set('idp_client', async (tenantId, ids) => {
      const rows = await idpDb(app.platform.db).selectFrom('idp_clients').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
      return new Map(rows.map((row) => [row.id, `Application « ${row.name} »`]));
    });
    await interactionRoutes(app, idp);
    await adminRoutes(app, idp);
    await accountRoutes(app, idp);
    await apiRoutes(app, idp);
    await personApiRoutes(app, idp);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: identityProviderPersonalData,
  purges: identityProviderPurges,
};
