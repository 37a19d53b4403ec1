import { FormBody, Query, Text } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setSessionCookie } from '../../platform/auth/current-account';
import { SESSION_TTL_SECONDS } from '../../platform/auth/sessions';
import { TooManyRequestsError } from '../../platform/http/errors';
import { Notice } from '../../platform/views/components';
import type { FieldErrors } from '../../platform/views/form';
import { actorOf, adminPage, requireAccount } from './admin-page';
import { changePassword, validatePasswordChange } from './password.service';
import { PasswordForm } from './views/password';

import { PASSWORD_CHANGE_PAGE } from '../../platform/auth/guards';

const PAGE = PASSWORD_CHANGE_PAGE;

export async function passwordRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const agent = { config: { guard: { agent: true, passwordChange: true } } };
  const secure = platform.config.NODE_ENV === 'production';

  const render = async (request: FastifyRequest, reply: FastifyReply, errors: FieldErrors, status = 200, done = false) => {
    const account = await requireAccount(request);
    return adminPage(
      request,
      reply,
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}Changer mon mot de passe`,
        heading: 'Changer mon mot de passe',
        crumbs: [{ label: 'Changer mon mot de passe' }],
        current: PAGE,
        notice: done ? (
          <Notice kind="success">Votre mot de passe est changé.</Notice>
        ) : account.mustChangePassword ? (
          <Notice kind="warning" title="Choisissez votre mot de passe">
            Vous utilisez le mot de passe provisoire donné par votre administrateur. Remplacez-le par un mot de passe que vous
            seul connaissez : le reste de l'espace agent s'ouvrira ensuite.
          </Notice>
        ) : undefined,
        main: (csrfToken) => <PasswordForm csrfToken={csrfToken} errors={errors} email={account.email} />,
      },
      { status },
    );
  };

  app.get(PAGE, { ...agent, schema: { querystring: Query({ fait: Text }) } }, async (request, reply) => render(request, reply, {}, 200, request.query.fait === '1'));

  app.post(PAGE, { ...agent, config: { ...agent.config, rateLimit: { max: 20, timeWindow: '15 minutes' } }, schema: { body: FormBody({ username: Text, current_password: Text, new_password: Text, confirm_password: Text }) } }, async (request, reply) => {
    const account = await requireAccount(request);
    const { input, errors } = validatePasswordChange(request.body, account.email);
    if (Object.keys(errors).length) return render(request, reply, errors, 422);
    try {
      const result = await changePassword(platform, account, input, actorOf(account, request));
      if (!result.ok) return render(request, reply, result.errors, 422);
    } catch (error) {
      if (error instanceof TooManyRequestsError) return render(request, reply, { current_password: error.detail }, 429);
      throw error;
    }
    // Every session was closed; this browser gets a fresh one, as strongly authenticated as before.
    const token = await platform.sessions.create({ accountId: account.id, data: account.session.data, userAgent: String(request.headers['user-agent'] ?? '') });
    setSessionCookie(reply, token, secure, SESSION_TTL_SECONDS);
    return reply.redirect(`${PAGE}?fait=1`, 303);
  });
}
