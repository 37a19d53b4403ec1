import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from './errors';

/** JSON clients (the API, or anyone asking for JSON) get RFC 9457 problem details. */
export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = String(request.headers.accept ?? '');
  return accept.includes('application/json') || accept.includes('application/problem+json');
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const body: Record<string, unknown> = {
    type: `https://guichet.bzh/problemes/${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    instance: request.url,
  };
  if (error.fields) body.errors = Object.entries(error.fields).map(([pointer, detail]) => ({ pointer: `#/${pointer}`, detail }));
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}
