import type { FastifyInstance } from 'fastify';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/current-account';
import { SESSION_TTL_SECONDS } from '../../platform/auth/sessions';
import { audit } from '../../platform/audit/audit';
import { TooManyRequestsError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';
import { safeNextPath, signIn, validateSignIn } from './sign-in.service';
import { SignInForm } from './views/sign-in';

export async function signInRoutes(app: FastifyInstance) {
  const { platform } = app;
  const secure = platform.config.NODE_ENV === 'production';

  const renderForm = async (reply: import('fastify').FastifyReply, state: { email: string; errors: FieldErrors; next: string }, status = 200) =>
    reply.page(
      {
        title: Object.keys(state.errors).length ? 'Erreur – Connexion à l’espace agent' : 'Connexion à l’espace agent',
        heading: 'Connexion à l’espace agent',
        noindex: true,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: 'Espace agent' }],
        main: <SignInForm csrfToken={await reply.generateCsrf()} {...state} />,
      },
      { status, tenant: platform.tenants.portal() },
    );

  app.get('/admin/connexion', async (request, reply) => {
    const next = safeNextPath((request.query as { suite?: string }).suite);
    if (await request.currentAccount()) return reply.redirect(next, 303);
    return renderForm(reply, { email: '', errors: {}, next });
  });

  app.post(
    '/admin/connexion',
    // Per-IP ceiling on the form itself; per-account failures are counted in signIn().
    { config: { rateLimit: { max: 30, timeWindow: '15 minutes' } } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const next = safeNextPath(body.suite);
      const { input, errors } = validateSignIn(body);
      if (Object.keys(errors).length) return renderForm(reply, { email: input.email, errors, next }, 422);
      try {
        const result = await signIn(platform, input, { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') });
        if (!result.ok) return renderForm(reply, { email: input.email, errors: result.errors, next }, 422);
        setSessionCookie(reply, result.token, secure, SESSION_TTL_SECONDS);
        return reply.redirect(next, 303);
      } catch (error) {
        if (error instanceof TooManyRequestsError) {
          reply.header('retry-after', String(error.retryAfterSeconds));
          return renderForm(reply, { email: input.email, errors: { password: error.detail }, next }, 429);
        }
        throw error;
      }
    },
  );

  app.post('/admin/deconnexion', async (request, reply) => {
    const account = await request.currentAccount();
    if (account) {
      await platform.sessions.destroy(account.sessionToken);
      await audit(platform.db, { action: 'auth.sign_out', actorId: account.id, actorLabel: account.displayName, ip: request.ip });
    }
    clearSessionCookie(reply);
    return reply.redirect('/', 303);
  });
}
