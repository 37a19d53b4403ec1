import type { FastifyInstance } from 'fastify';
import { NoQuery } from './route-schemas';

export async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { schema: { querystring: NoQuery } }, async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', { schema: { querystring: NoQuery } }, async (_request, reply) => {
    const ready = await app.platform.database.ping();
    return reply
      .header('cache-control', 'no-store')
      .status(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'unavailable', database: ready ? 'ok' : 'unreachable' });
  });
}
