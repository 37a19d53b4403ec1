import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { Redis } from 'ioredis';
import { publicUrl, type Config } from './config';
import { modules } from './modules';
import { registerOpenApi } from './platform/api/openapi';
import { buildFavicon, buildStylesheet } from './platform/assets/bundle';
import { assetRoutes } from './platform/assets/routes';
import { DatabaseCounterStore, RedisCounterStore } from './platform/auth/counters';
import { currentAccount } from './platform/auth/current-account';
import { guard } from './platform/auth/guards';
import { DatabaseSessionStore, RedisSessionStore } from './platform/auth/sessions';
import type { Platform, RegisteredRoute } from './platform/context';
import type { Database } from './platform/db/database';
import { platformMigrationsDir } from './platform/db/migrate';
import { registerCsrf } from './platform/http/csrf';
import { frameworkErrorHandler, registerErrorPages } from './platform/http/error-pages';
import { clientErrorHandler } from './platform/http/client-errors';
import { healthRoutes } from './platform/http/health';
import { registerInputChecks } from './platform/http/input';
import { presentedApiKey } from './platform/http/api-access';
import { registerMultipart } from './platform/http/multipart';
import { registerSecurityHeaders, securityHeaders } from './platform/http/security';
import { PeriodicJobs } from './platform/jobs';
import { Mailer } from './platform/mail/mailer';
import { allPurges, housekeepingJob } from './platform/housekeeping/all';
import { buildRegister } from './platform/personal-data';
import { registerSavedKinds } from './platform/saved';
import { checkDeclarations } from './platform/open-data';
import { platformPersonalData } from './platform/platform-personal-data';
import { demoMailboxRoutes, storeCaughtMail } from './platform/mail/demo-mailbox';
import { startSmtpCatcher } from './platform/mail/smtp-catcher';
import { TenantDirectory } from './platform/tenancy/directory';
import { rewriteTenantUrl } from './platform/tenancy/rewrite';
import { page, requestTenant } from './platform/views/render';

export const migrationDirs = [platformMigrationsDir, ...modules.flatMap((m) => (m.migrationsDir ? [m.migrationsDir] : []))];

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the whole application on an opened, migrated database. main.ts only makes it listen. */
export async function buildApp({ config, database, logger }: BuildOptions): Promise<FastifyInstance> {
  const tenants = new TenantDirectory(database.db);
  await tenants.load();
  if (config.NODE_ENV !== 'test') tenants.startRefreshing();

  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 }) : undefined;
  const secure = config.NODE_ENV === 'production';

  const app = Fastify({
    logger: logger ?? false,
    trustProxy: config.TRUST_PROXY,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    // Ids and slugs are far shorter; longer segments get the French 414 page (frameworkErrors).
    routerOptions: { maxParamLength: 500 },
    frameworkErrors: frameworkErrorHandler(securityHeaders(secure)),
    clientErrorHandler: clientErrorHandler(securityHeaders(secure)),
    rewriteUrl: (req) => rewriteTenantUrl(tenants, req.url ?? '/', req.headers.host),
  });
  // Every route, as registered: the isolation test walks this list, so new routes are covered.
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    routes.push({ method: route.method, url: route.url, config: route.config, schema: route.schema });
  });

  // Outside production, no SMTP_URL means mails go to the demo catcher, shown at /demo/courriels.
  const catcher = config.SMTP_URL === '' && config.NODE_ENV !== 'production' ? await startSmtpCatcher(storeCaughtMail(database.db)) : undefined;
  const mailer = new Mailer({ db: database.db, smtpUrl: catcher?.url ?? config.SMTP_URL, from: config.MAIL_FROM, log: app.log });

  const platform: Platform = {
    config,
    publicUrl: publicUrl(config),
    mailer,
    database,
    db: database.db,
    tenants,
    sessions: redis ? new RedisSessionStore(redis) : new DatabaseSessionStore(database.db),
    counters: redis ? new RedisCounterStore(redis) : new DatabaseCounterStore(database.db),
    assets: { stylesheet: buildStylesheet(), favicon: buildFavicon() },
    menu: { provider: async () => [] },
    glossary: { tables: [] },
    adminSections: [],
    accountSections: [],
    auditTargets: new Map(),
    signOutHandoffs: [],
    personalData: buildRegister([platformPersonalData, ...modules.flatMap((m) => (m.personalData ? [m.personalData] : []))]),
    savedKinds: registerSavedKinds(modules.flatMap((m) => m.savedKinds ?? [])),
    datasets: checkDeclarations(modules.flatMap((m) => m.datasets ?? [])),
    jobs: new PeriodicJobs(database.db, { log: app.log }),
    routes,
  };
  app.decorate('platform', platform);
  app.decorateRequest('currentAccount', currentAccount);
  app.decorateRequest('tenant', requestTenant);
  app.decorateReply('page', page);

  // First, so that every answer carries them, even one refused by a later hook or parser.
  registerSecurityHeaders(app, { https: secure });
  await app.register(cookie, { secret: config.SESSION_SECRET });
  await app.register(formbody);
  await registerMultipart(app, { fileSize: 2_000_000, files: 1, fields: 50 });
  // After the body is read, before the guard: no NUL character reaches a handler or a query.
  registerInputChecks(app);
  await app.register(rateLimit, {
    global: false,
    // A request with an API key is counted by the API gate, against its application's quotas
    // (modules/developers): only anonymous requests meet a route's own limit as well.
    allowList: (request) => request.url.startsWith('/api/v1/') && presentedApiKey(request.headers) !== undefined,
    ...(redis ? { redis, nameSpace: 'guichet:ratelimit:' } : {}),
  });
  await registerCsrf(app, { secure });
  // Before schema validation: a refused person learns nothing about what the route expects.
  app.addHook('preValidation', guard);
  registerErrorPages(app);
  // Before the modules: the OpenAPI document is generated from the routes they add.
  await registerOpenApi(app, { publicUrl: platform.publicUrl });

  await app.register(healthRoutes);
  await app.register(assetRoutes);
  if (catcher) await app.register(demoMailboxRoutes);
  for (const module of modules) await app.register(module.plugin);
  // Once every module registered its composers: mails left by a previous run go out too.
  app.addHook('onReady', async () => mailer.start());
  // What is kept past its stated retention is deleted by one periodic job (platform/housekeeping).
  if (config.HOUSEKEEPING_INTERVAL_MINUTES > 0) platform.jobs.add(housekeepingJob(database.db, allPurges(modules), config.HOUSEKEEPING_INTERVAL_MINUTES * 60_000, { mailer, publicUrl: publicUrl(config) }, app.log));
  // Periodic jobs (reminders, purges): tests run them with their own clock (platform.jobs.runNow).
  if (config.NODE_ENV !== 'test') app.addHook('onReady', async () => platform.jobs.start());

  app.addHook('onClose', async () => {
    tenants.stop();
    await platform.jobs.close();
    await mailer.close();
    await catcher?.close();
    await redis?.quit();
  });
  return app;
}
