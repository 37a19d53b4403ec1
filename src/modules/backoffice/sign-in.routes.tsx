import { FormBody, Query, Text } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { completeSignIn } from '../../platform/auth/complete-sign-in';
import { closeSession } from '../../platform/auth/open-session';
import { TooManyRequestsError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';
import { safeNextPath, signIn, validateSignIn } from './sign-in.service';
import { SignInForm } from './views/sign-in';

export async function signInRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

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

  app.get('/admin/connexion', { schema: { querystring: Query({ suite: Text }) } }, async (request, reply) => {
    const next = safeNextPath(request.query.suite);
    if (await request.currentAccount()) return reply.redirect(next, 303);
    return renderForm(reply, { email: '', errors: {}, next });
  });

  app.post(
    '/admin/connexion',
    // Per-IP ceiling on the form itself; per-account failures are counted in signIn().
    { config: { rateLimit: { max: 30, timeWindow: '15 minutes' } }, schema: { body: FormBody({ email: Text, password: Text, suite: Text }) } },
    async (request, reply) => {
      const body = request.body;
      const next = safeNextPath(body.suite);
      const { input, errors } = validateSignIn(body);
      if (Object.keys(errors).length) return renderForm(reply, { email: input.email, errors, next }, 422);
      try {
        const result = await signIn(platform, input, { ip: request.ip });
        if (!result.ok) return renderForm(reply, { email: input.email, errors: result.errors, next }, 422);
        // The password holds: the second factor (or its enrolment) comes next, then `next`.
        return await completeSignIn(request, reply, result.account, { method: 'password', next });
      } catch (error) {
        if (error instanceof TooManyRequestsError) {
          reply.header('retry-after', String(error.retryAfterSeconds));
          return renderForm(reply, { email: input.email, errors: { password: error.detail }, next }, 429);
        }
        throw error;
      }
    },
  );

  app.post('/admin/deconnexion', { schema: { body: FormBody({}) } }, async (request, reply) => {
    await closeSession(request, reply);
    return reply.redirect('/', 303);
  });
}
