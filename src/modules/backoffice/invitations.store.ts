import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables, Role } from '../../platform/db/tables';
import type { InvitationsTables } from './invitations.tables';

type Db = Kysely<PlatformTables>;

/** How long an invitation may be answered. */
export const INVITATION_DAYS = 7;

export interface Invitation {
  id: string;
  tenantId: string;
  email: string;
  role: Role;
  invitedByLabel: string;
  createdAt: Date;
  expiresAt: Date;
}

function invitationsDb(db: Db): Kysely<PlatformTables & InvitationsTables> {
  return db.withTables<InvitationsTables>();
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const columns = ['id', 'tenant_id', 'email', 'role', 'invited_by_label', 'created_at', 'expires_at'] as const;

function toInvitation(row: { id: string; tenant_id: string; email: string; role: Role; invited_by_label: string; created_at: Date | string; expires_at: Date | string }): Invitation {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    role: row.role,
    invitedByLabel: row.invited_by_label,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
  };
}

export function isExpired(invitation: Invitation, now = new Date()): boolean {
  return invitation.expiresAt.getTime() <= now.getTime();
}

/** The pending (and expired, not yet cancelled) invitations of ONE tenant. */
export async function tenantInvitations(db: Db, tenantId: string): Promise<Invitation[]> {
  const rows = await invitationsDb(db).selectFrom('backoffice_invitations').select(columns).where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').execute();
  return rows.map(toInvitation);
}

/**
 * Records an invitation of `email` to `tenantId`, or replaces the token, role and dates of the
 * one already pending for that address. Returns the token to mail (only its hash is stored).
 */
export async function saveInvitation(
  db: Db,
  input: { tenantId: string; email: string; role: Role; invitedBy: { id: string; label: string } },
): Promise<{ token: string; replaced: boolean; invitation: Invitation }> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const values = {
    role: input.role,
    token_hash: hashInvitationToken(token),
    invited_by: input.invitedBy.id,
    invited_by_label: input.invitedBy.label,
    created_at: now,
    expires_at: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000),
  };
  const existing = await invitationsDb(db)
    .selectFrom('backoffice_invitations')
    .select('id')
    .where('tenant_id', '=', input.tenantId)
    .where('email', '=', input.email)
    .executeTakeFirst();
  const row = await invitationsDb(db)
    .insertInto('backoffice_invitations')
    .values({ id: randomUUID(), tenant_id: input.tenantId, email: input.email, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'email']).doUpdateSet(values))
    .returning(columns)
    .executeTakeFirstOrThrow();
  return { token, replaced: Boolean(existing), invitation: toInvitation(row) };
}

export async function findTenantInvitation(db: Db, tenantId: string, id: string): Promise<Invitation | undefined> {
  const row = await invitationsDb(db).selectFrom('backoffice_invitations').select(columns).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

export async function findInvitationByToken(db: Db, token: string): Promise<Invitation | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await invitationsDb(db).selectFrom('backoffice_invitations').select(columns).where('token_hash', '=', hashInvitationToken(token)).executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

/** Invitations still open for an address (in every tenant). */
export async function openInvitationsFor(db: Db, email: string): Promise<Invitation[]> {
  const rows = await invitationsDb(db)
    .selectFrom('backoffice_invitations')
    .select(columns)
    .where('email', '=', email.toLowerCase())
    .where('expires_at', '>', new Date())
    .orderBy('created_at')
    .execute();
  return rows.map(toInvitation);
}

/** Deletes one invitation; returns it when it was still there (so that two answers cannot both win). */
export async function deleteInvitation(db: Db, id: string): Promise<Invitation | undefined> {
  const row = await invitationsDb(db).deleteFrom('backoffice_invitations').where('id', '=', id).returning(columns).executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}
