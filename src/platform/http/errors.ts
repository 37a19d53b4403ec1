import type { FieldErrors } from '../views/form';

/**
 * Errors a person or a client may meet. Transport-free: a stable English `code`, a French
 * `title` and `detail`; the error handler turns them into a page or an RFC 9457 problem.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly fields?: FieldErrors,
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(detail = "La page demandée n'existe pas ou n'est plus en ligne.") {
    super(404, 'not_found', 'Page introuvable', detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = "Vous n'avez pas les droits nécessaires pour accéder à cette page.") {
    super(403, 'forbidden', 'Accès refusé', detail);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(detail = 'Vous devez vous connecter pour accéder à cette page.') {
    super(401, 'unauthenticated', 'Connexion nécessaire', detail);
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldErrors, detail = 'Certaines informations sont à corriger.') {
    super(422, 'validation_failed', 'Informations à corriger', detail, fields);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(readonly retryAfterSeconds: number, detail?: string) {
    super(
      429,
      'too_many_requests',
      'Trop de tentatives',
      detail ?? `Trop de tentatives. Vous pourrez réessayer dans ${formatDelay(retryAfterSeconds)}.`,
    );
  }
}

export function formatDelay(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} seconde${seconds > 1 ? 's' : ''}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}
