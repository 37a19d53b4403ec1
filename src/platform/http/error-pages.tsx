import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { page, requestTenant } from '../views/render';
import { AppError, NotFoundError, TooManyRequestsError } from './errors';
import { sendProblem, wantsJson } from './problem';
import { validationError } from '../api/validation';

/** `retryAfterSeconds`: the wait the rate-limit plugin already computed and set, for its 429s. */
function toAppError(error: FastifyError | Error, retryAfterSeconds?: number): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  const invalid = validationError(fastifyError);
  if (invalid) return invalid;
  if (fastifyError.code === 'FST_CSRF_INVALID_TOKEN' || fastifyError.code === 'FST_CSRF_MISSING_SECRET') {
    return new AppError(
      403,
      'csrf_invalid',
      'Formulaire expiré',
      "Le formulaire a expiré ou n'a pas été envoyé depuis Guichet. Revenez à la page précédente, rechargez-la puis envoyez-le de nouveau.",
    );
  }
  if (fastifyError.code === 'FST_ERR_BAD_URL') {
    return new AppError(400, 'bad_url', 'Adresse incorrecte', "L'adresse demandée contient des caractères qui ne peuvent pas être lus. Vérifiez-la, ou repartez de l'accueil.");
  }
  if (fastifyError.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return new AppError(414, 'uri_too_long', 'Adresse trop longue', "L'adresse demandée est trop longue pour correspondre à une page de Guichet. Vérifiez-la, ou repartez de l'accueil.");
  }
  if (status === 429) return new TooManyRequestsError(retryAfterSeconds ?? 60);
  if (status === 413) return new AppError(413, 'payload_too_large', 'Envoi trop volumineux', 'Le fichier ou le formulaire envoyé est trop volumineux.');
  if (status === 415) return new AppError(415, 'unsupported_media_type', 'Format non pris en charge', "Le format des données envoyées n'est pas accepté.");
  if (status >= 400 && status < 500) {
    return new AppError(status, 'bad_request', 'Demande incorrecte', "La demande envoyée n'a pas pu être comprise. Vérifiez l'adresse ou le formulaire.");
  }
  return new AppError(
    500,
    'internal_error',
    'Une erreur est survenue',
    "Une erreur de notre côté nous empêche d'afficher cette page. Réessayez dans quelques minutes ; si elle persiste, contactez-nous.",
  );
}

async function renderErrorPage(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
  if (wantsJson(request)) return sendProblem(request, reply, error);
  try {
    // Not reply.page: errors raised before routing (frameworkErrors) get an undecorated reply.
    return await page.call(
      reply,
      {
        title: error.title,
        noindex: true,
        main: (
          <>
            <p class="lead">{error.detail}</p>
            <ul>
              <li>
                <a href="/">Revenir à l'accueil</a>
              </li>
              <li>
                <a href="/plan-du-site">Consulter le plan du site</a>
              </li>
            </ul>
            {error.status >= 500 ? <p class="muted">Code de l'erreur : {String(request.id)}</p> : null}
          </>
        ),
      },
      { status: error.status, tenant: requestTenant.call(request) },
    );
  } catch {
    // The layout needs the database; if that is what failed, answer with a bare page.
    return reply
      .status(error.status)
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${error.title} – Guichet</title></head>` +
          `<body><main><h1>${error.title}</h1><p>${error.detail}</p><p><a href="/">Revenir à l'accueil</a></p></main></body></html>`,
      );
  }
}

async function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // A 429 of the rate-limit plugin carries the real wait in its Retry-After header.
  const limitedFor = Number(reply.getHeader('retry-after'));
  const appError = toAppError(error, Number.isFinite(limitedFor) && limitedFor > 0 ? limitedFor : undefined);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code, status: appError.status }, 'request refused');
  return renderErrorPage(request, reply, appError);
}

/**
 * Fastify's `frameworkErrors`: an address that cannot be decoded or a path parameter longer
 * than `maxParamLength` is refused before routing, so before any hook — the security headers
 * are set here, and the answer is the same French page (or problem) as every other error.
 */
export function frameworkErrorHandler(securityHeaders: Record<string, string>): NonNullable<FastifyServerOptions['frameworkErrors']> {
  return (error, request, reply) => {
    reply.headers(securityHeaders);
    handleError(error as FastifyError, request, reply).catch((failure: unknown) => {
      request.log.error({ err: failure }, 'error page failed');
      if (!reply.sent) reply.raw.destroy();
    });
  };
}

export function registerErrorPages(app: FastifyInstance) {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(async (request, reply) => renderErrorPage(request, reply, new NotFoundError()));
}
