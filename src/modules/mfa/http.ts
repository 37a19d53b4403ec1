import { FormBody, Text } from '../../platform/http/route-schemas';
import type { FastifyReply } from 'fastify';
import { safeAgentPath } from '../../platform/auth/agent-next-path';
import { TooManyRequestsError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';

/**
 * Runs a code check; a brute-force lock becomes a French message next to the field (status
 * 429, Retry-After) instead of an error page, so the person reads when to try again.
 */
export async function underThrottle<T>(reply: FastifyReply, field: string, action: () => Promise<T>): Promise<T | { locked: FieldErrors }> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    reply.header('retry-after', String(error.retryAfterSeconds));
    return { locked: { [field]: error.detail } };
  }
}

export function isLocked(value: unknown): value is { locked: FieldErrors } {
  return typeof value === 'object' && value !== null && 'locked' in value;
}

/** A path of the back office to go back to: never an open redirect. */
export function safeAdminPath(next: unknown): string {
  return safeAgentPath(next);
}

/** Every field of the second factor's forms (views.tsx): codes, the sealed enrolment, where to go next, the password. */
export const MfaBody = FormBody({ code: Text, enrolment: Text, suite: Text, current_code: Text, password: Text });

export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
