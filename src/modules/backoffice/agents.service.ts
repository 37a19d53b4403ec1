import { sql, type Kysely, type Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit';
import { ROLES } from '../../platform/auth/roles';
import type { PlatformTables, Role, Tenant } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import type { Actor } from './admin-page';

type Db = Kysely<PlatformTables>;

export interface TenantAgent {
  accountId: string;
  email: string;
  displayName: string;
  role: Role;
  lastSignInAt: Date | null;
  disabled: boolean;
  /** Also a member of another tenant: only the platform operator may reset its factor or close its sessions. */
  elsewhere: boolean;
}

/** The agents of ONE tenant: its memberships joined to their accounts. */
export async function listAgents(db: Db, tenantId: string): Promise<TenantAgent[]> {
  const rows = await db
    .selectFrom('platform_memberships as m')
    .innerJoin('platform_accounts as a', 'a.id', 'm.account_id')
    .select(['a.id', 'a.email', 'a.display_name', 'a.last_sign_in_at', 'a.disabled_at', 'm.role'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('platform_memberships as o').select('o.tenant_id').whereRef('o.account_id', '=', 'm.account_id').where('o.tenant_id', '!=', tenantId))
        .as('elsewhere'),
    )
    .where('m.tenant_id', '=', tenantId)
    .orderBy('a.display_name')
    .orderBy('a.email')
    .execute();
  return rows.map((r) => ({
    accountId: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at) : null,
    disabled: Boolean(r.disabled_at),
    elsewhere: Boolean(r.elsewhere),
  }));
}

export async function findAgent(db: Db, tenantId: string, accountId: string): Promise<TenantAgent | undefined> {
  if (!isUuid(accountId)) return undefined;
  return (await listAgents(db, tenantId)).find((a) => a.accountId === accountId);
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export type ChangeResult = { ok: true; agent: TenantAgent } | { ok: false; message: string };

const LAST_ADMIN = (tenant: Tenant) =>
  `${tenant.short_name} doit garder au moins un administrateur. Donnez d'abord le rôle Administrateur à un autre agent.`;

/** A refused act on an agent is audited too (`act`, `reason`), in the tenant it was asked in. */
export async function auditRefused(db: Db, tenant: Tenant, targetId: string | undefined, actor: Actor, details: { act: string; reason: string } & Record<string, unknown>) {
  await audit(db, { action: 'agents.act_refused', actor, tenantId: tenant.id, ...(targetId ? { targetType: 'account', targetId } : {}), details });
}

/** Serializes changes of one tenant's agents, so that two administrators cannot both leave. */
async function lockTenant(trx: Transaction<PlatformTables>, tenantId: string) {
  await sql`select id from platform_tenants where id = ${tenantId} for update`.execute(trx);
}

async function otherAdministrators(trx: Transaction<PlatformTables>, tenantId: string, accountId: string): Promise<number> {
  const row = await trx
    .selectFrom('platform_memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'administrateur')
    .where('account_id', '!=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function changeRole(db: Db, tenant: Tenant, accountId: string, role: Role, actor: Actor): Promise<ChangeResult | undefined> {
  if (!isUuid(accountId)) return undefined;
  return withTransaction(db, async (trx) => {
    await lockTenant(trx, tenant.id);
    const agent = (await listAgents(trx, tenant.id)).find((a) => a.accountId === accountId);
    if (!agent) return undefined;
    if (agent.role === role) return { ok: true as const, agent };
    if (agent.role === 'administrateur' && (await otherAdministrators(trx, tenant.id, accountId)) === 0) {
      await auditRefused(trx, tenant, accountId, actor, { act: 'role', reason: 'last_administrator', email: agent.email, to: role });
      return { ok: false as const, message: LAST_ADMIN(tenant) };
    }
    await trx.updateTable('platform_memberships').set({ role }).where('tenant_id', '=', tenant.id).where('account_id', '=', accountId).execute();
    await audit(trx, {
      action: 'agents.role',
      actor,
      tenantId: tenant.id,
      targetType: 'account',
      targetId: accountId,
      details: { email: agent.email, from: agent.role, to: role },
    });
    return { ok: true as const, agent: { ...agent, role } };
  });
}

/** Removes the agent from THIS tenant only: the account and its other memberships stay. */
export async function removeAgent(db: Db, tenant: Tenant, accountId: string, actor: Actor): Promise<ChangeResult | undefined> {
  if (!isUuid(accountId)) return undefined;
  return withTransaction(db, async (trx) => {
    await lockTenant(trx, tenant.id);
    const agent = (await listAgents(trx, tenant.id)).find((a) => a.accountId === accountId);
    if (!agent) return undefined;
    if (agent.role === 'administrateur' && (await otherAdministrators(trx, tenant.id, accountId)) === 0) {
      await auditRefused(trx, tenant, accountId, actor, { act: 'remove', reason: 'last_administrator', email: agent.email });
      return { ok: false as const, message: LAST_ADMIN(tenant) };
    }
    await trx.deleteFrom('platform_memberships').where('tenant_id', '=', tenant.id).where('account_id', '=', accountId).execute();
    await audit(trx, {
      action: 'agents.remove',
      actor,
      tenantId: tenant.id,
      targetType: 'account',
      targetId: accountId,
      details: { email: agent.email, role: agent.role },
    });
    return { ok: true as const, agent };
  });
}

export interface MultiTenantAgent {
  accountId: string;
  email: string;
  displayName: string;
  memberships: Array<{ tenantId: string; role: Role }>;
}

/**
 * Agents of several tenants: none of their tenants' administrators may reset their second
 * factor or close their sessions, the platform operator does (shown on the Région's page only).
 */
export async function multiTenantAgents(db: Db): Promise<MultiTenantAgent[]> {
  const rows = await db
    .selectFrom('platform_memberships as m')
    .innerJoin('platform_accounts as a', 'a.id', 'm.account_id')
    .select(['a.id', 'a.email', 'a.display_name', 'm.tenant_id', 'm.role'])
    .where('m.account_id', 'in', (eb) =>
      eb.selectFrom('platform_memberships').select('account_id').groupBy('account_id').having((h) => h.fn.countAll(), '>', 1),
    )
    .orderBy('a.display_name')
    .orderBy('a.email')
    .orderBy('m.tenant_id')
    .execute();
  const byAccount = new Map<string, MultiTenantAgent>();
  for (const row of rows) {
    const agent = byAccount.get(row.id) ?? { accountId: row.id, email: row.email, displayName: row.display_name, memberships: [] };
    agent.memberships.push({ tenantId: row.tenant_id, role: row.role });
    byAccount.set(row.id, agent);
  }
  return [...byAccount.values()];
}
