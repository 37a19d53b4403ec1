import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FormBody, NoQuery, Params, TenantId, Uuid } from '../../platform/http/route-schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { AppError, ForbiddenError, NotFoundError } from '../../platform/http/errors';
import { Form } from '../../platform/views/form';
import { adminPage, requireAccount, routeTenant } from '../../platform/views/admin';
import { auditRefusal, checkAgentAct, closeSessions, resetFactor, type AgentAct } from './reset';

interface ActPage {
  act: AgentAct;
  path: string;
  /** ?fait= on the agents page after the act */
  done: string;
  title: (name: string) => string;
  explain: (target: { displayName: string; email: string }) => ComponentChildren;
}

const ACTS: ActPage[] = [
  {
    act: 'mfa_reset',
    path: '/admin/t/:tenant/agents/:account/double-authentification',
    done: 'double-authentification',
    title: (name) => `Réinitialiser la double authentification de ${name}`,
    explain: (target) => (
      <>
        <p>
          À faire quand {target.displayName} ({target.email}) a perdu son téléphone et ses codes de secours. Vérifiez d’abord que c’est bien
          cette personne qui le demande (de vive voix, par exemple).
        </p>
        <p>
          Ses sessions ouvertes seront fermées. À sa prochaine connexion, après son mot de passe, elle activera de nouveau la double
          authentification avec son téléphone.
        </p>
      </>
    ),
  },
  {
    act: 'sessions_close',
    path: '/admin/t/:tenant/agents/:account/sessions',
    done: 'sessions',
    title: (name) => `Fermer les sessions de ${name}`,
    explain: (target) => (
      <p>
        À faire quand un appareil de {target.displayName} ({target.email}) est perdu ou volé, ou quand la personne quitte son poste : toutes
        ses sessions ouvertes, sur tous les appareils, seront fermées. Elle devra se connecter de nouveau.
      </p>
    ),
  },
];

/**
 * An administrator resets an agent's second factor, or closes every session of an agent. Allowed
 * for an agent whose every membership is in this tenant; otherwise by the platform operator
 * (reset.ts). Every act and every refusal of one is audited.
 */
const AgentParams = Params({ tenant: TenantId, account: Uuid });

export async function resetRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const admin = { config: { guard: { tenantRole: 'administrateur' as const } } };

  for (const page of ACTS) {
    const checked = async (request: FastifyRequest, targetId: string) => {
      const account = await requireAccount(request);
      const tenant = routeTenant(request);
      const check = await checkAgentAct(platform, account, tenant, targetId, page.act);
      if (!check.ok) {
        if (request.method === 'POST' && check.status !== 404) {
          await auditRefusal(platform, tenant, targetId, page.act, check.reason, { id: account.id, label: account.displayName, ip: request.ip });
        }
        if (check.status === 404) throw new NotFoundError(check.message);
        if (check.status === 403) throw new ForbiddenError(check.message);
        throw new AppError(409, 'conflict', 'Action impossible', check.message);
      }
      return { account, tenant, target: check.target };
    };

    app.get(page.path, { ...admin, schema: { params: AgentParams, querystring: NoQuery } }, async (request, reply) => {
      const { tenant, target } = await checked(request, request.params.account);
      const back = `/admin/t/${tenant.id}/agents`;
      return adminPage(
        request,
        reply,
        {
          title: page.title(target.displayName),
          crumbs: [{ label: 'Agents', href: back }, { label: page.title(target.displayName) }],
          current: back,
          main: (csrfToken) => (
            <>
              {page.explain(target)}
              <Form action={`${back}/${target.id}/${page.path.split('/').at(-1)}`} csrfToken={csrfToken}>
                <div class="actions">
                  <button type="submit" class="button button--danger">
                    {page.title(target.displayName)}
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

    app.post(page.path, { ...admin, schema: { params: AgentParams, body: FormBody({}) } }, async (request, reply) => {
      const { account, tenant, target } = await checked(request, request.params.account);
      const actor = { id: account.id, label: account.displayName, ip: request.ip };
      if (page.act === 'mfa_reset') await resetFactor(platform, tenant, target, actor);
      else await closeSessions(platform, tenant, target, actor);
      return reply.redirect(`/admin/t/${tenant.id}/agents?fait=${page.done}`, 303);
    });
  }
}
