import type { FastifyReply, FastifyRequest } from 'fastify';
import { TooManyRequestsError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';
import type { RequestContext } from './service';

export function contextOf(request: FastifyRequest): RequestContext {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
}

/**
 * Runs a credential action; a throttled one becomes the French "réessayez dans N minutes"
 * message on `field`, with status 429 and Retry-After.
 */
export async function throttled<T>(
  reply: FastifyReply,
  field: string,
  action: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldErrors; status: number }> {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    if (error instanceof TooManyRequestsError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return { ok: false, errors: { [field]: error.detail }, status: 429 };
    }
    throw error;
  }
}

export function errorTitle(title: string, errors: FieldErrors): string {
  return Object.keys(errors).length ? `Erreur – ${title}` : title;
}
