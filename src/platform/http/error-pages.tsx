import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, NotFoundError, TooManyRequestsError } from './errors';
import { sendProblem, wantsJson } from './problem';

/** `retryAfterSeconds`: the wait the rate-limit plugin already computed and set, for its 429s. */
function toAppError(error: FastifyError | Error, retryAfterSeconds?: number): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (fastifyError.code === 'FST_CSRF_INVALID_TOKEN' || fastifyError.code === 'FST_CSRF_MISSING_SECRET') {
    return new AppError(
      403,
      'csrf_invalid',
      'Formulaire expiré',
      "Le formulaire a expiré ou n'a pas été envoyé depuis Guichet. Revenez à la page précédente, rechargez-la puis envoyez-le de nouveau.",
    );
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
    return await reply.page(
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
      { status: error.status },
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

export function registerErrorPages(app: FastifyInstance) {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const limitedFor = Number(reply.getHeader('retry-after'));
    const appError = toAppError(error, Number.isFinite(limitedFor) && limitedFor > 0 ? limitedFor : undefined);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, status: appError.status }, 'request refused');
    return renderErrorPage(request, reply, appError);
  });
  app.setNotFoundHandler(async (request, reply) => renderErrorPage(request, reply, new NotFoundError()));
}
