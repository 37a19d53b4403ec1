import { FormBody, NoQuery, Params, Query, TenantId, TenantParams, Text, Uuid } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { ROLE_LABELS } from '../../platform/auth/roles';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { Notice } from '../../platform/views/components';
import type { FieldErrors } from '../../platform/views/form';
import { routeTenant } from '../../platform/views/admin';
import { factorsOf, isPlatformOperator } from '../mfa';
import { actorOf, adminPage, requireAccount } from './admin-page';
import { changeRole, findAgent, isRole, listAgents, multiTenantAgents, removeAgent } from './agents.service';
import { cancelInvitation, inviteAgent, validateInvitation, type InvitationInput } from './invitations.service';
import { tenantInvitations } from './invitations.store';
import { ActionError, AgentsPage, MultiTenantAgents, RemoveConfirm } from './views/agents';

/**
 * The answer to an invitation is the same whether the address has an account or not: the
 * administrator never learns which addresses are registered.
 */
export const INVITATION_SENT =
  "Invitation envoyée. Si une personne a un compte Guichet avec cette adresse, ou quand elle en créera un, elle pourra accepter l'invitation depuis son compte : elle a reçu un courriel, valable 7 jours. Elle deviendra agent seulement quand elle l'aura acceptée.";

const DONE: Record<string, string> = {
  invitation: INVITATION_SENT,
  'invitation-annulee': "L'invitation est annulée : son lien ne fonctionne plus.",
  role: 'Le rôle est changé.',
  retire: "L'agent est retiré de la collectivité.",
  'double-authentification': "La double authentification de l'agent est réinitialisée : ses sessions sont fermées, il l'activera de nouveau à sa prochaine connexion.",
  sessions: "Les sessions de l'agent sont fermées : il devra se connecter de nouveau.",
};

const AgentParams = Params({ tenant: TenantId, account: Uuid });

export async function agentsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const admin = { config: { guard: { tenantRole: 'administrateur' as const } } };

  const baseOf = (tenant: Tenant) => `/admin/t/${tenant.id}/agents`;

  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    tenant: Tenant,
    options: { add?: { values: Partial<InvitationInput>; errors: FieldErrors }; notice?: ComponentChildren; status?: number } = {},
  ) => {
    const account = await requireAccount(request);
    const agents = await listAgents(platform.db, tenant.id);
    const operator = isPlatformOperator(platform, account);
    const operatorPage = operator && tenant.id === platform.tenants.portal().id;
    const others = operatorPage ? (await multiTenantAgents(platform.db)).filter((a) => !a.memberships.some((m) => m.tenantId === tenant.id)) : [];
    const factors = await factorsOf(platform.db, [...agents, ...others].map((a) => a.accountId));
    const invitations = await tenantInvitations(platform.db, tenant.id);
    const add = options.add ?? { values: {}, errors: {} };
    const tenantName = (id: string) => platform.tenants.get(id)?.short_name ?? id;
    return adminPage(
      request,
      reply,
      {
        title: `${Object.keys(add.errors).length ? 'Erreur – ' : ''}Agents`,
        heading: `Agents de ${tenant.short_name}`,
        crumbs: [{ label: 'Agents' }],
        current: baseOf(tenant),
        notice: options.notice,
        main: (csrfToken) => (
          <>
            <AgentsPage tenant={tenant} agents={agents} csrfToken={csrfToken} base={baseOf(tenant)} selfId={account.id} add={add} factors={factors} invitations={invitations} operator={operator} />
            {operatorPage ? <MultiTenantAgents agents={others} base={baseOf(tenant)} tenantName={tenantName} factors={factors} /> : null}
          </>
        ),
      },
      { status: options.status ?? 200, tenant },
    );
  };

  app.get('/admin/t/:tenant/agents', { ...admin, schema: { params: TenantParams, querystring: Query({ fait: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const done = DONE[request.query.fait ?? ''];
    return renderList(request, reply, tenant, { notice: done ? <Notice kind="success">{done}</Notice> : undefined });
  });

  // An administrator's invitations are mails to any address: bounded, like every form that mails.
  app.post('/admin/t/:tenant/agents', { config: { ...admin.config, rateLimit: { max: 60, timeWindow: '1 hour' } }, schema: { params: TenantParams, body: FormBody({ email: Text, role: Text }) } }, async (request, reply) => {
    const account = await requireAccount(request);
    const tenant = routeTenant(request);
    const { input, errors } = validateInvitation(request.body);
    if (Object.keys(errors).length || !isRole(input.role)) return renderList(request, reply, tenant, { add: { values: input, errors }, status: 422 });
    const result = await inviteAgent(platform, tenant, { email: input.email, role: input.role }, actorOf(account, request));
    if (!result.ok) return renderList(request, reply, tenant, { add: { values: input, errors: result.errors }, status: 422 });
    return reply.redirect(`${baseOf(tenant)}?fait=invitation`, 303);
  });

  app.post('/admin/t/:tenant/agents/invitations/:invitation/annuler', { ...admin, schema: { params: Params({ tenant: TenantId, invitation: Uuid }), body: FormBody({}) } }, async (request, reply) => {
    const account = await requireAccount(request);
    const tenant = routeTenant(request);
    const cancelled = await cancelInvitation(platform.db, tenant, request.params.invitation, actorOf(account, request));
    if (!cancelled) throw new NotFoundError("Cette invitation n'existe pas, ou a déjà reçu une réponse.");
    return reply.redirect(`${baseOf(tenant)}?fait=invitation-annulee`, 303);
  });

  app.post('/admin/t/:tenant/agents/:account/role', { ...admin, schema: { params: AgentParams, body: FormBody({ role: Text }) } }, async (request, reply) => {
    const account = await requireAccount(request);
    const tenant = routeTenant(request);
    const role = request.body.role;
    if (!isRole(role)) {
      return renderList(request, reply, tenant, { notice: <ActionError message="Choisissez un rôle dans la liste." />, status: 422 });
    }
    const result = await changeRole(platform.db, tenant, request.params.account, role, actorOf(account, request));
    if (!result) throw new NotFoundError("Cet agent n'existe pas dans cette collectivité.");
    if (!result.ok) return renderList(request, reply, tenant, { notice: <ActionError message={result.message} />, status: 409 });
    return reply.redirect(`${baseOf(tenant)}?fait=role`, 303);
  });

  app.get('/admin/t/:tenant/agents/:account/retirer', { ...admin, schema: { params: AgentParams, querystring: NoQuery } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const agent = await findAgent(platform.db, tenant.id, request.params.account);
    if (!agent) throw new NotFoundError("Cet agent n'existe pas dans cette collectivité.");
    const action = `${baseOf(tenant)}/${agent.accountId}/retirer`;
    return adminPage(
      request,
      reply,
      {
        title: `Retirer ${agent.displayName}`,
        crumbs: [{ label: 'Agents', href: baseOf(tenant) }, { label: 'Retirer un agent' }],
        current: baseOf(tenant),
        main: (csrfToken) => (
          <>
            <p>Rôle actuel : {ROLE_LABELS[agent.role]}.</p>
            <RemoveConfirm tenant={tenant} agent={agent} csrfToken={csrfToken} action={action} back={baseOf(tenant)} />
          </>
        ),
      },
      { tenant },
    );
  });

  app.post('/admin/t/:tenant/agents/:account/retirer', { ...admin, schema: { params: AgentParams, body: FormBody({}) } }, async (request, reply) => {
    const account = await requireAccount(request);
    const tenant = routeTenant(request);
    const result = await removeAgent(platform.db, tenant, request.params.account, actorOf(account, request));
    if (!result) throw new NotFoundError("Cet agent n'existe pas dans cette collectivité.");
    if (!result.ok) return renderList(request, reply, tenant, { notice: <ActionError message={result.message} />, status: 409 });
    // Who removes themselves no longer has access here.
    return reply.redirect(result.agent.accountId === account.id ? '/admin' : `${baseOf(tenant)}?fait=retire`, 303);
  });
}
