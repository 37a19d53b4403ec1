import type { FastifyServerOptions } from 'fastify';

/** API keys in a URL (`?cle=`, or anything that looks like one) are masked before a line is written. */
export function maskSecrets(url: string): string {
  return url.replace(/([?&](?:cle|key|api_key|apikey)=)[^&#]*/gi, '$1[masqué]').replace(/gk_[A-Za-z0-9_-]+/g, 'gk_[masqué]');
}

/**
 * The options of Fastify's logger (pino): no cookie, no Authorization, no X-Api-Key header and no
 * key in a logged URL (docs/api.md: keys never appear in logs).
 */
export function loggerOptions(level: string, extra: Record<string, unknown> = {}): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'],
    serializers: {
      req: (request: { method: string; url: string; hostname?: string; ip?: string; socket?: { remotePort?: number } }) => ({
        method: request.method,
        url: maskSecrets(request.url),
        hostname: request.hostname,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
    ...extra,
  };
}
