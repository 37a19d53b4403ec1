import type { Actor } from '../../platform/audit/audit';
import { audit } from '../../platform/audit/audit';
import type { CurrentAccount } from '../../platform/auth/current-account';
import type { Platform } from '../../platform/context';
import type { Tenant } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import { deleteFactor } from './store';

export type ResetCheck =
  | { ok: true; target: { id: string; email: string; displayName: string } }
  | { ok: false; status: 403 | 404 | 409; message: string };

/**
 * May `admin` (administrator of `tenant`, the guard checked it) reset the second factor of
 * `targetId`? Only an agent of this tenant, never oneself, and only if the administrator
 * administers EVERY tenant the target belongs to, or is an administrator of the Région (the
 * portal's tenant, which runs the platform): resetting a factor opens the way into all of the
 * target's tenants, so an administrator of one commune cannot open another's back office.
 */
export async function checkReset(platform: Pick<Platform, 'db' | 'tenants'>, admin: CurrentAccount, tenant: Tenant, targetId: string): Promise<ResetCheck> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(targetId)) return { ok: false, status: 404, message: "Cet agent n'existe pas dans cette collectivité." };
  const target = await platform.db.selectFrom('platform_accounts').select(['id', 'email', 'display_name']).where('id', '=', targetId).executeTakeFirst();
  const memberships = target ? await platform.db.selectFrom('platform_memberships').select(['tenant_id']).where('account_id', '=', targetId).execute() : [];
  if (!target || !memberships.some((m) => m.tenant_id === tenant.id)) return { ok: false, status: 404, message: "Cet agent n'existe pas dans cette collectivité." };
  if (target.id === admin.id) {
    return { ok: false, status: 409, message: 'Vous ne pouvez pas réinitialiser votre propre double authentification : utilisez un code de secours, ou demandez-le à un autre administrateur.' };
  }
  const regionAdmin = admin.roles.get(platform.tenants.portal().id) === 'administrateur';
  const outside = memberships.filter((m) => admin.roles.get(m.tenant_id) !== 'administrateur');
  if (!regionAdmin && outside.length > 0) {
    return {
      ok: false,
      status: 403,
      message: `${target.display_name} est aussi agent d'une collectivité dont vous n'êtes pas administrateur : demandez la réinitialisation à un administrateur de la Région.`,
    };
  }
  return { ok: true, target: { id: target.id, email: target.email, displayName: target.display_name } };
}

/** Removes the factor and its recovery codes, ends every session of the agent: they enrol again at their next sign-in. */
export async function resetFactor(platform: Pick<Platform, 'db' | 'sessions'>, tenant: Tenant, target: { id: string; email: string }, actor: Actor): Promise<boolean> {
  const removed = await withTransaction(platform.db, async (trx) => {
    const had = await deleteFactor(trx, target.id);
    await audit(trx, { action: 'mfa.reset', actor, tenantId: tenant.id, targetType: 'account', targetId: target.id, details: { email: target.email, had_factor: had } });
    return had;
  });
  await platform.sessions.destroyAllFor(target.id);
  return removed;
}
