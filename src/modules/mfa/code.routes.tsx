import { NoQuery } from '../../platform/http/route-schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { dropPendingSignIn, finishPendingSignIn, readPendingSignIn, SECOND_FACTOR_CODE_PAGE } from '../../platform/auth/complete-sign-in';
import type { FieldErrors } from '../../platform/views/form';
import { field, isLocked, MfaBody, underThrottle } from './http';
import { verifyCode } from './service';
import { CodeForm } from './views';

/**
 * The second step of sign-in, for agents and people alike: the password (or FranceConnect)
 * held, a code of the application (or a recovery code) opens the session.
 */
export async function codeRoutes(app: FastifyInstance) {
  const { platform } = app;

  // What held before the code: FranceConnect, or a password (the person may have none).
  const firstStep = (method: string | undefined) =>
    method === 'franceconnect' ? 'FranceConnect vous a bien identifié.' : 'Votre mot de passe est le bon.';

  const render = async (reply: FastifyReply, errors: FieldErrors, status = 200, method?: string) =>
    reply.header('cache-control', 'no-store').page(
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}Code de vérification`,
        heading: 'Saisissez votre code de vérification',
        noindex: true,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: 'Connexion' }],
        main: (
          <>
            <p>{firstStep(method)} Pour finir de vous connecter, ouvrez votre application d’authentification et saisissez le code affiché pour Guichet.</p>
            <CodeForm action={SECOND_FACTOR_CODE_PAGE} csrfToken={await reply.generateCsrf()} errors={errors} submitLabel="Valider et me connecter" />
            <p>
              Vous n’avez plus ni votre téléphone ni vos codes de secours ? Un agent demande à l’administrateur de sa collectivité de
              réinitialiser sa double authentification ; une personne s’adresse à un lieu d’aide (« Besoin d’aide ? » en bas de page).
            </p>
          </>
        ),
      },
      { status, tenant: platform.tenants.portal() },
    );

  const expired = (reply: FastifyReply, status: number) =>
    reply.header('cache-control', 'no-store').page(
      {
        title: 'Connexion à recommencer',
        noindex: true,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: 'Connexion' }],
        main: (
          <>
            <p>Cette étape de connexion a expiré : le code doit être saisi dans les 10 minutes. Recommencez la connexion.</p>
            <ul>
              <li>
                <a href="/connexion">Se connecter à mon compte</a>
              </li>
              <li>
                <a href="/admin/connexion">Se connecter à l’espace agent</a>
              </li>
            </ul>
          </>
        ),
      },
      { status, tenant: platform.tenants.portal() },
    );

  app.get(SECOND_FACTOR_CODE_PAGE, { schema: { querystring: NoQuery } }, async (request, reply) => {
    const pending = await readPendingSignIn(request);
    if (!pending) return expired(reply, 200);
    return render(reply, {}, 200, pending.method);
  });

  app.post(SECOND_FACTOR_CODE_PAGE, { config: { rateLimit: { max: 30, timeWindow: '15 minutes' } }, schema: { body: MfaBody } }, async (request, reply) => {
    const pending = await readPendingSignIn(request);
    if (!pending) {
      await dropPendingSignIn(request, reply);
      return expired(reply, 403);
    }
    const actor = { id: pending.accountId, label: pending.displayName, ip: request.ip };
    const result = await underThrottle(reply, 'code', () => verifyCode(platform, actor, field(request.body, 'code'), 'sign_in'));
    if (isLocked(result)) return render(reply, result.locked, 429, pending.method);
    if (!result.ok) return render(reply, { code: result.message }, 422, pending.method);
    return finishPendingSignIn(request, reply, pending);
  });
}
