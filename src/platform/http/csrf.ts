import csrf from '@fastify/csrf-protection';
import type { FastifyInstance } from 'fastify';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every form carries a token tied to a signed, HttpOnly cookie (double submit). The check runs
 * in preHandler, once the body is parsed, for every unsafe method outside the token-based API.
 */
export async function registerCsrf(app: FastifyInstance, options: { secure: boolean }) {
  await app.register(csrf, {
    cookieKey: 'guichet_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure, signed: true },
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      const token = body?._csrf;
      return typeof token === 'string' ? token : String(request.headers['x-csrf-token'] ?? '');
    },
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE.has(request.method) || request.url.startsWith('/api/')) return done();
    app.csrfProtection(request, reply, done);
  });
}
