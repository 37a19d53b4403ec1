import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors';
import { deprecationHeaders, isOAuthScope, presentedApiKey, type ApiScope } from '../../platform/http/api-access';
import { sendProblem } from '../../platform/http/problem';
import type { KeyDirectory, KeyGrant } from './keys';
import type { Limit, LimitOutcome, QuotaLimiter } from './limiter';
import type { UsageRecorder } from './usage';

const grants = new WeakMap<FastifyRequest, KeyGrant>();

/** The application whose key this request presented (once the gate admitted it). */
export function grantOf(request: FastifyRequest): KeyGrant | undefined {
  return grants.get(request);
}

export interface GateParts {
  keys: KeyDirectory;
  limiter: QuotaLimiter;
  usage: UsageRecorder;
  anonymous: { perMinute: number; perDay: number };
}

/**
 * The one gate of /api/v1: checks the key (401), its scope (403) and the quotas (429), sets the
 * RateLimit-* headers, and counts each keyed request's usage when it is answered. Registered at
 * the root before the modules' routes (src/modules/index.ts puts this module first).
 */
export function registerApiGate(app: FastifyInstance, parts: GateParts): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const deprecated = request.routeOptions.config?.apiDeprecated;
    if (deprecated) reply.headers(deprecationHeaders(deprecated));
    const scope = request.routeOptions.config?.apiScope;
    // No route (a 404 follows), the OpenAPI document, or a route reached with OAuth2 tokens only.
    if (scope === undefined || scope === false || isOAuthScope(scope)) return;
    const presented = presentedApiKey(request.headers);
    let limits: Limit[];
    if (presented !== undefined) {
      const grant = await parts.keys.grantOf(presented);
      if (!grant) {
        reply.header('www-authenticate', 'Bearer error="invalid_token"');
        return sendProblem(request, reply, new AppError(401, 'invalid_api_key', 'Clé d’API refusée', 'Cette clé d’API est inconnue, révoquée, expirée ou son application est suspendue. Vérifiez-la dans « Mes applications » sur /developpeurs.'));
      }
      if (!grant.scopes.has(scope)) {
        return sendProblem(request, reply, new AppError(403, 'scope_missing', 'Portée manquante', `Cette application n’a pas la portée « ${scope} » qu’il faut pour cette opération. Ajoutez-la dans « Mes applications » sur /developpeurs.`));
      }
      grants.set(request, grant);
      limits = limitsOf(grant, scope);
    } else {
      limits = [
        { subject: `ip:${request.ip}`, max: parts.anonymous.perMinute, window: 'minute' },
        { subject: `ip:${request.ip}`, max: parts.anonymous.perDay, window: 'day' },
      ];
    }
    const outcome = await parts.limiter.take(limits);
    setRateHeaders(reply, outcome);
    if (!outcome.allowed) {
      reply.header('retry-after', String(outcome.resetSeconds));
      return sendProblem(request, reply, new AppError(429, 'quota_exceeded', 'Quota dépassé', `Le quota de ${outcome.limit} requêtes est atteint. Vous pourrez réessayer dans ${outcome.resetSeconds} seconde${outcome.resetSeconds > 1 ? 's' : ''}${presented ? '' : ' ; une clé d’API (gratuite, sur /developpeurs) donne des quotas plus larges'}.`));
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    const grant = grants.get(request);
    if (!grant) return;
    parts.usage.record(grant.applicationId, `${request.method} ${request.routeOptions.url ?? ''}`, reply.statusCode, reply.elapsedTime);
  });
}

function limitsOf(grant: KeyGrant, scope: ApiScope): Limit[] {
  const limits: Limit[] = [
    { subject: `app:${grant.applicationId}`, max: grant.quota.perMinute, window: 'minute' },
    { subject: `app:${grant.applicationId}`, max: grant.quota.perDay, window: 'day' },
  ];
  const forScope = grant.scopeQuotas.get(scope);
  if (forScope) {
    limits.push(
      { subject: `app:${grant.applicationId}:${scope}`, max: forScope.perMinute, window: 'minute' },
      { subject: `app:${grant.applicationId}:${scope}`, max: forScope.perDay, window: 'day' },
    );
  }
  return limits;
}

function setRateHeaders(reply: FastifyReply, outcome: LimitOutcome): void {
  const values = { limit: String(outcome.limit), remaining: String(outcome.remaining), reset: String(outcome.resetSeconds) };
  reply
    .header('ratelimit-limit', values.limit)
    .header('ratelimit-remaining', values.remaining)
    .header('ratelimit-reset', values.reset)
    .header('x-ratelimit-limit', values.limit)
    .header('x-ratelimit-remaining', values.remaining)
    .header('x-ratelimit-reset', values.reset);
}
