/**
 * CORS for the whole API (`/api/…`): open data, keyed calls and a person's own data through an
 * OAuth2 token alike. A browser application on any origin may call it: what proves who calls is
 * a header the application sets itself (`Authorization: Bearer`, `X-Api-Key`), never a cookie the
 * browser would add on its own. So the answer is `Access-Control-Allow-Origin: *` and never
 * `Access-Control-Allow-Credentials`: a browser then refuses to send cookies or to show an answer
 * to a request made `credentials: 'include'`, and no route under /api reads a session cookie.
 */
import type { FastifyInstance } from 'fastify';

/** The request headers an application may send (the others a browser sends are safelisted). */
export const API_REQUEST_HEADERS = ['Authorization', 'X-Api-Key', 'Content-Type', 'Accept', 'Accept-Language', 'If-None-Match'];

/** Headers an application's code may read beyond the safelisted ones: quotas, refusals, deprecation. */
export const API_EXPOSED_HEADERS = [
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
  'WWW-Authenticate',
  'Deprecation',
  'Sunset',
  'Link',
  'ETag',
  'Content-Disposition',
];

const METHODS = 'GET, HEAD, POST';
/** Browsers keep a preflight this long at most (Chromium: 2 hours). */
const MAX_AGE_SECONDS = 7200;

export function registerApiCors(app: FastifyInstance): void {
  const exposed = API_EXPOSED_HEADERS.join(', ');
  // Every answer, errors and refusals included: an application reads the problem's French words.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', exposed);
  });

  // The preflight a browser sends before a call with Authorization or X-Api-Key, or a JSON body.
  app.options(
    '/api/*',
    { schema: { hide: true }, config: { apiScope: false } },
    async (_request, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', METHODS)
        .header('access-control-allow-headers', API_REQUEST_HEADERS.join(', '))
        .header('access-control-max-age', String(MAX_AGE_SECONDS))
        .send(),
  );
}
