import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ForbiddenError, NotFoundError } from '../../platform/http/errors';
import { Form } from '../../platform/views/form';
import { adminPage, requireAccount, routeTenant } from '../../platform/views/admin';
import { checkReset, resetFactor, type ResetCheck } from './reset';

/** An administrator resets an agent's second factor: the agent enrols again at next sign-in. */
export async function resetRoutes(app: FastifyInstance) {
  const { platform } = app;
  const admin = { config: { guard: { tenantRole: 'administrateur' as const } } };
  const PATH = '/admin/t/:tenant/agents/:account/double-authentification';

  const checked = async (request: FastifyRequest) => {
    const account = await requireAccount(request);
    const tenant = routeTenant(request);
    const check: ResetCheck = await checkReset(platform, account, tenant, (request.params as { account: string }).account);
    if (!check.ok) {
      if (check.status === 404) throw new NotFoundError(check.message);
      if (check.status === 403) throw new ForbiddenError(check.message);
      throw new AppError(409, 'conflict', 'Action impossible', check.message);
    }
    return { account, tenant, target: check.target };
  };

  app.get(PATH, admin, async (request: FastifyRequest, reply: FastifyReply) => {
    const { tenant, target } = await checked(request);
    const back = `/admin/t/${tenant.id}/agents`;
    return adminPage(
      request,
      reply,
      {
        title: `Réinitialiser la double authentification de ${target.displayName}`,
        crumbs: [{ label: 'Agents', href: back }, { label: 'Réinitialiser la double authentification' }],
        current: back,
        main: (csrfToken) => (
          <>
            <p>
              À faire quand {target.displayName} ({target.email}) a perdu son téléphone et ses codes de secours. Vérifiez d’abord que c’est
              bien cette personne qui le demande (de vive voix, par exemple).
            </p>
            <p>
              Ses sessions ouvertes seront fermées. À sa prochaine connexion, après son mot de passe, elle activera de nouveau la double
              authentification avec son téléphone.
            </p>
            <Form action={`${back}/${target.id}/double-authentification`} csrfToken={csrfToken}>
              <div class="actions">
                <button type="submit" class="button button--danger">
                  Réinitialiser la double authentification de {target.displayName}
                </button>
                <a href={back}>Annuler</a>
              </div>
            </Form>
          </>
        ),
      },
      { tenant },
    );
  });

  app.post(PATH, admin, async (request: FastifyRequest, reply: FastifyReply) => {
    const { account, tenant, target } = await checked(request);
    await resetFactor(platform, tenant, target, { id: account.id, label: account.displayName, ip: request.ip });
    return reply.redirect(`/admin/t/${tenant.id}/agents?fait=double-authentification`, 303);
  });
}
