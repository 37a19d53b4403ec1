import type { Actor } from '../../platform/audit/audit';
import { audit } from '../../platform/audit/audit';
import type { CurrentAccount } from '../../platform/auth/current-account';
import type { Platform } from '../../platform/context';
import type { Tenant } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import { deleteFactor } from './store';

/** What an administrator does to an agent's account that weakens or ends its access. */
export type AgentAct = 'mfa_reset' | 'sessions_close';

export interface ActTarget {
  id: string;
  email: string;
  displayName: string;
  /** Every tenant the account is an agent of. */
  tenantIds: string[];
}

export type ActCheck = { ok: true; target: ActTarget } | { ok: false; status: 403 | 404 | 409; reason: 'unknown' | 'self' | 'other_tenants'; message: string; target?: ActTarget };

const WHAT: Record<AgentAct, string> = {
  mfa_reset: 'réinitialiser sa double authentification',
  sessions_close: 'fermer ses sessions',
};

/** The platform operator: an administrator of the Région's tenant, which runs the portal. */
export function isPlatformOperator(platform: Pick<Platform, 'tenants'>, account: Pick<CurrentAccount, 'roles'>): boolean {
  return account.roles.get(platform.tenants.portal().id) === 'administrateur';
}

/**
 * May `admin` (administrator of `tenant`, the guard checked it) reset the second factor of, or
 * close the sessions of, `targetId`? Such an act opens or closes the way into EVERY tenant the
 * target belongs to, so a tenant's administrator may do it only for an account whose every
 * membership is in this tenant. Otherwise the platform operator does it: from the Région's own
 * agents page, where every agent of several tenants is listed. Never oneself.
 */
export async function checkAgentAct(platform: Pick<Platform, 'db' | 'tenants'>, admin: CurrentAccount, tenant: Tenant, targetId: string, act: AgentAct): Promise<ActCheck> {
  const unknown = { ok: false as const, status: 404 as const, reason: 'unknown' as const, message: "Cet agent n'existe pas dans cette collectivité." };
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(targetId)) return unknown;
  const account = await platform.db.selectFrom('platform_accounts').select(['id', 'email', 'display_name']).where('id', '=', targetId).executeTakeFirst();
  const memberships = account ? await platform.db.selectFrom('platform_memberships').select(['tenant_id']).where('account_id', '=', targetId).execute() : [];
  const operator = isPlatformOperator(platform, admin);
  const operatorHere = operator && tenant.id === platform.tenants.portal().id;
  if (!account || memberships.length === 0 || (!operatorHere && !memberships.some((m) => m.tenant_id === tenant.id))) return unknown;
  const target = { id: account.id, email: account.email, displayName: account.display_name, tenantIds: memberships.map((m) => m.tenant_id) };
  if (target.id === admin.id) {
    const message =
      act === 'mfa_reset'
        ? 'Vous ne pouvez pas réinitialiser votre propre double authentification : utilisez un code de secours, ou demandez-le à un autre administrateur.'
        : 'Pour fermer vos propres sessions, utilisez « Mon compte », rubrique « Sessions ».';
    return { ok: false, status: 409, reason: 'self', message, target };
  }
  if (!operator && target.tenantIds.some((id) => id !== tenant.id)) {
    return {
      ok: false,
      status: 403,
      reason: 'other_tenants',
      message: `${target.displayName} est aussi agent d'une autre collectivité : seul l'opérateur de la plateforme (un administrateur de la Région) peut ${WHAT[act]}. Demandez-le-lui ; il vérifiera que c'est bien cette personne qui le demande.`,
      target,
    };
  }
  return { ok: true, target };
}

/** Every tenant the act concerns: the one it was done from and every tenant of the target, each sees it in its journal. */
function concernedTenants(tenant: Tenant, target: ActTarget): string[] {
  return [...new Set([tenant.id, ...target.tenantIds])];
}

/** A refused act is audited too, in the tenant it was asked from. */
export async function auditRefusal(platform: Pick<Platform, 'db'>, tenant: Tenant, targetId: string, act: AgentAct, reason: string, actor: Actor): Promise<void> {
  await audit(platform.db, { action: 'agents.act_refused', actor, tenantId: tenant.id, targetType: 'account', targetId, details: { act, reason } });
}

/** Removes the factor and its recovery codes, ends every session of the agent: they enrol again at their next sign-in. */
export async function resetFactor(platform: Pick<Platform, 'db' | 'sessions'>, tenant: Tenant, target: ActTarget, actor: Actor): Promise<boolean> {
  const removed = await withTransaction(platform.db, async (trx) => {
    const had = await deleteFactor(trx, target.id);
    for (const tenantId of concernedTenants(tenant, target)) {
      await audit(trx, { action: 'mfa.reset', actor, tenantId, targetType: 'account', targetId: target.id, details: { email: target.email, had_factor: had, from: tenant.id } });
    }
    return had;
  });
  await platform.sessions.destroyAllFor(target.id);
  return removed;
}

/** Ends every session of the agent (a lost or stolen computer, a departure): they sign in again. */
export async function closeSessions(platform: Pick<Platform, 'db' | 'sessions'>, tenant: Tenant, target: ActTarget, actor: Actor): Promise<void> {
  await platform.sessions.destroyAllFor(target.id);
  await withTransaction(platform.db, async (trx) => {
    for (const tenantId of concernedTenants(tenant, target)) {
      await audit(trx, { action: 'agents.sessions_closed', actor, tenantId, targetType: 'account', targetId: target.id, details: { email: target.email, from: tenant.id } });
    }
  });
}
