import { randomInt, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit';
import { hashPassword } from '../../platform/auth/passwords';
import { ROLE_LABELS, ROLES } from '../../platform/auth/roles';
import type { PlatformTables, Role, Tenant } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import type { FieldErrors } from '../../platform/views/form';
import type { Actor } from './admin-page';

type Db = Kysely<PlatformTables>;

export interface TenantAgent {
  accountId: string;
  email: string;
  displayName: string;
  role: Role;
  lastSignInAt: Date | null;
  disabled: boolean;
}

/** The agents of ONE tenant: its memberships joined to their accounts. */
export async function listAgents(db: Db, tenantId: string): Promise<TenantAgent[]> {
  const rows = await db
    .selectFrom('platform_memberships as m')
    .innerJoin('platform_accounts as a', 'a.id', 'm.account_id')
    .select(['a.id', 'a.email', 'a.display_name', 'a.last_sign_in_at', 'a.disabled_at', 'm.role'])
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

export interface NewAgentInput {
  email: string;
  display_name: string;
  role: string;
}

export const agentLabels: Record<keyof NewAgentInput, string> = {
  email: 'Adresse électronique',
  display_name: 'Prénom et nom',
  role: 'Rôle',
};

export function validateNewAgent(body: Record<string, unknown>): { input: NewAgentInput; errors: FieldErrors } {
  const field = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');
  const input = { email: field('email').toLowerCase(), display_name: field('display_name'), role: field('role') };
  const errors: FieldErrors = {};
  if (!input.email) errors.email = "Saisissez l'adresse électronique de l'agent.";
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email) || input.email.length > 254) {
    errors.email = "L'adresse électronique n'est pas valide. Exemple : prenom.nom@mairie.fr";
  }
  if (!input.display_name) errors.display_name = "Saisissez le prénom et le nom de l'agent.";
  else if (input.display_name.length > 120) errors.display_name = `120 caractères au maximum (vous en avez saisi ${input.display_name.length}).`;
  if (!isRole(input.role)) errors.role = 'Choisissez un rôle dans la liste.';
  return { input, errors };
}

/** A password read aloud or copied once: 4 groups of 4 characters without look-alikes (≈ 93 bits). */
export function temporaryPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(''));
  return groups.join('-');
}

export type AddAgentResult =
  | { ok: true; created: false; agent: { accountId: string; displayName: string; email: string } }
  | { ok: true; created: true; agent: { accountId: string; displayName: string; email: string }; temporaryPassword: string }
  | { ok: false; errors: FieldErrors };

async function accountByEmail(db: Db, email: string) {
  return db
    .selectFrom('platform_accounts')
    .select(['id', 'email', 'display_name'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/**
 * Adds an agent to the tenant. An existing account (perhaps an agent of another tenant) only
 * gains a membership here; otherwise an account is created with a temporary password that the
 * caller shows once and that is stored only as an argon2id hash.
 */
export async function addAgent(db: Db, tenant: Tenant, input: NewAgentInput & { role: Role }, actor: Actor): Promise<AddAgentResult> {
  const existing = await accountByEmail(db, input.email);
  const password = existing ? undefined : temporaryPassword();
  const hash = password ? await hashPassword(password) : undefined;
  return withTransaction(db, async (trx): Promise<AddAgentResult> => {
    let account = await accountByEmail(trx, input.email);
    let created = false;
    if (account) {
      const member = await trx
        .selectFrom('platform_memberships')
        .select('role')
        .where('account_id', '=', account.id)
        .where('tenant_id', '=', tenant.id)
        .executeTakeFirst();
      if (member) {
        return { ok: false, errors: { email: `Cette personne est déjà agent de ${tenant.short_name}, avec le rôle ${ROLE_LABELS[member.role]}.` } };
      }
    } else {
      if (!hash) return { ok: false, errors: { email: 'Ce compte vient de changer. Envoyez le formulaire de nouveau.' } };
      account = { id: randomUUID(), email: input.email, display_name: input.display_name };
      await trx.insertInto('platform_accounts').values({ ...account, password_hash: hash, password_must_change: true }).execute();
      created = true;
    }
    await trx.insertInto('platform_memberships').values({ account_id: account.id, tenant_id: tenant.id, role: input.role }).execute();
    await audit(trx, {
      action: 'agents.add',
      actor,
      tenantId: tenant.id,
      targetType: 'account',
      targetId: account.id,
      details: { email: account.email, role: input.role, account_created: created },
    });
    const agent = { accountId: account.id, displayName: account.display_name, email: account.email };
    return created && password ? { ok: true, created: true, agent, temporaryPassword: password } : { ok: true, created: false, agent };
  });
}

export type ChangeResult = { ok: true; agent: TenantAgent } | { ok: false; message: string };

const LAST_ADMIN = (tenant: Tenant) =>
  `${tenant.short_name} doit garder au moins un administrateur. Donnez d'abord le rôle Administrateur à un autre agent.`;

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
