import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { GuichetModule } from '../../platform/module';
import { applicationRoutes } from './apps.routes';
import { registerApiGate } from './gate';
import { KeyDirectory } from './keys';
import { QuotaLimiter } from './limiter';
import { operatorRoutes } from './operator.routes';
import { developersPersonalData, developersPurges } from './personal-data';
import { portalRoutes } from './portal.routes';
import { developersDb } from './tables';
import { UsageRecorder } from './usage';

export { grantOf } from './gate';
export type { DeveloperTables } from './tables';

/** The pieces of API management this instance runs (tests flush the usage through it). */
export interface ApiManagement {
  keys: KeyDirectory;
  limiter: QuotaLimiter;
  usage: UsageRecorder;
}

const managed = new WeakMap<FastifyInstance, ApiManagement>();

/** This app's API management (for tests and the bench). */
export function apiManagementOf(app: FastifyInstance): ApiManagement {
  const found = managed.get(app);
  if (!found) throw new Error('the developers module is not registered');
  return found;
}

async function developersPlugin(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const parts: ApiManagement = { keys: new KeyDirectory(platform.db), limiter: new QuotaLimiter(platform.counters), usage: new UsageRecorder(platform.db) };
  managed.set(app, parts);
  registerApiGate(app, { ...parts, anonymous: { perMinute: platform.config.API_ANONYMOUS_PER_MINUTE, perDay: platform.config.API_ANONYMOUS_PER_DAY } });
  app.addHook('onClose', async () => parts.usage.flush());
  platform.accountSections.push({ href: '/developpeurs/applications', label: 'Mes applications (API)', description: 'Vos applications qui utilisent l’API de Guichet : clés, portées, utilisation.', order: 90 });
  platform.auditTargets.set('developer_application', async (_tenantId, ids) => {
    const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
    const rows = uuids.length ? await developersDb(platform.db).selectFrom('developer_applications').select(['id', 'name']).where('id', 'in', uuids).execute() : [];
    return new Map(rows.map((r) => [r.id, `Application de l’API « ${r.name} »`]));
  });
  await app.register(portalRoutes);
  await app.register(applicationRoutes);
  await app.register(operatorRoutes);
}
// Not encapsulated: the gate's hooks must reach every module's /api/v1 routes registered after it.
Object.assign(developersPlugin, { [Symbol.for('skip-override')]: true });

/**
 * Issue 16 b, API management: the developer portal /developpeurs (documentation from the OpenAPI
 * document, « Mes applications », the operator's page), API keys, scopes and quotas (docs/api.md).
 */
export const developersModule: GuichetModule = {
  name: 'developers',
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: developersPersonalData,
  purges: developersPurges,
  plugin: developersPlugin,
};
