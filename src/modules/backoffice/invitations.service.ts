import type { Kysely } from 'kysely';
import { audit, type Actor } from '../../platform/audit/audit';
import type { CurrentAccount } from '../../platform/auth/current-account';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../platform/auth/roles';
import type { Platform } from '../../platform/context';
import type { PlatformTables, Role, Tenant } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import type { MailMessage } from '../../platform/mail/mailer';
import type { FieldErrors } from '../../platform/views/form';
import { markEmailConfirmed, type AccountsTables } from '../accounts';
import { auditRefused, isRole, isUuid } from './agents.service';
import {
  deleteInvitation,
  findInvitationByToken,
  findTenantInvitation,
  INVITATION_DAYS,
  isExpired,
  openInvitationsFor,
  saveInvitation,
  type Invitation,
} from './invitations.store';

type Db = Kysely<PlatformTables>;

/** Where the mailed link leads (a page that works signed in or not). */
export const INVITATION_LINK = '/invitation-agent';
/** The person's page where invitations are accepted or declined. */
export const INVITATIONS_PAGE = '/mon-compte/invitations';

export interface InvitationInput {
  email: string;
  role: string;
}

export const invitationLabels: Record<keyof InvitationInput, string> = {
  email: 'Adresse électronique',
  role: 'Rôle',
};

export function validateInvitation(body: Record<string, unknown>): { input: InvitationInput; errors: FieldErrors } {
  const field = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');
  const input = { email: field('email').toLowerCase(), role: field('role') };
  const errors: FieldErrors = {};
  if (!input.email) errors.email = "Saisissez l'adresse électronique de la personne.";
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email) || input.email.length > 254) {
    errors.email = "L'adresse électronique n'est pas valide. Exemple : prenom.nom@mairie.fr";
  }
  if (!isRole(input.role)) errors.role = 'Choisissez un rôle dans la liste.';
  return { input, errors };
}

function invitationMail(to: string, tenant: Tenant, role: Role, inviter: string, base: string, token: string): MailMessage {
  return {
    to,
    subject: `Invitation à rejoindre l'espace de gestion de ${tenant.name} – Guichet`,
    text: `Bonjour,

${inviter || 'Un administrateur'} vous invite à devenir agent de ${tenant.name} sur Guichet, avec le rôle ${ROLE_LABELS[role]} : ${ROLE_DESCRIPTIONS[role]}

Pour accepter ou refuser, ouvrez ce lien (il est valable ${INVITATION_DAYS} jours et ne sert qu'une fois) :

${base}${INVITATION_LINK}?jeton=${token}

- Vous avez déjà un compte Guichet avec cette adresse électronique : connectez-vous, puis acceptez ou refusez.
- Vous n'avez pas encore de compte : créez-le avec cette adresse électronique (${to}), puis ouvrez de nouveau ce lien.

Rien ne change tant que vous n'avez pas accepté. Une fois agent, vous activerez la double authentification à votre première venue dans l'espace de gestion.

Si vous ne vous attendiez pas à cette invitation, ne faites rien : elle expirera d'elle-même.

--
Guichet, vos services publics en Bretagne.
Ce message est envoyé automatiquement : merci de ne pas y répondre.`,
  };
}

export type InviteResult = { ok: true } | { ok: false; errors: FieldErrors };

/**
 * Invites an address to become an agent of `tenant`. The answer never depends on whether the
 * address has an account: no account is looked up, created or changed; the address receives a
 * link and the membership exists only once its holder accepts. Only an address that is already
 * an agent of this tenant (listed on the same page) is refused. Re-inviting replaces the link.
 */
export async function inviteAgent(platform: Pick<Platform, 'db' | 'mailer' | 'publicUrl'>, tenant: Tenant, input: { email: string; role: Role }, actor: Actor): Promise<InviteResult> {
  const member = await platform.db
    .selectFrom('platform_memberships as m')
    .innerJoin('platform_accounts as a', 'a.id', 'm.account_id')
    .select('m.role')
    .where('m.tenant_id', '=', tenant.id)
    .where((eb) => eb(eb.fn('lower', ['a.email']), '=', input.email))
    .executeTakeFirst();
  if (member) {
    await auditRefused(platform.db, tenant, undefined, actor, { act: 'invite', reason: 'already_member', email: input.email, role: input.role });
    return { ok: false, errors: { email: `Cette personne est déjà agent de ${tenant.short_name}, avec le rôle ${ROLE_LABELS[member.role]}.` } };
  }
  const saved = await withTransaction(platform.db, async (trx) => {
    const result = await saveInvitation(trx, { tenantId: tenant.id, email: input.email, role: input.role, invitedBy: { id: actor.id, label: actor.label } });
    await audit(trx, {
      action: result.replaced ? 'agents.reinvite' : 'agents.invite',
      actor,
      tenantId: tenant.id,
      targetType: 'invitation',
      targetId: result.invitation.id,
      details: { email: input.email, role: input.role },
    });
    return result;
  });
  await platform.mailer.send(invitationMail(input.email, tenant, input.role, actor.label, platform.publicUrl, saved.token));
  return { ok: true };
}

/** Cancels a pending invitation of this tenant: its link stops working. */
export async function cancelInvitation(db: Db, tenant: Tenant, id: string, actor: Actor): Promise<Invitation | undefined> {
  if (!isUuid(id)) return undefined;
  return withTransaction(db, async (trx) => {
    if (!(await findTenantInvitation(trx, tenant.id, id))) return undefined;
    const removed = await deleteInvitation(trx, id);
    if (!removed) return undefined;
    await audit(trx, {
      action: 'agents.invitation_cancelled',
      actor,
      tenantId: tenant.id,
      targetType: 'invitation',
      targetId: id,
      details: { email: removed.email, role: removed.role },
    });
    return removed;
  });
}

export type InvitationRefusal = 'unknown' | 'expired' | 'other_address' | 'unconfirmed';
export type Lookup = { ok: true; invitation: Invitation; viaToken: boolean } | { ok: false; reason: InvitationRefusal; email?: string; invitation?: Invitation };

async function emailConfirmed(db: Db, accountId: string): Promise<boolean> {
  const row = await db.withTables<AccountsTables>().selectFrom('platform_accounts').select('email_confirmed_at').where('id', '=', accountId).executeTakeFirst();
  return Boolean(row?.email_confirmed_at);
}

/**
 * The invitation a signed-in account may answer: named by the mailed token (which proves the
 * mailbox), or by its id when the account's own address, confirmed, is the invited one. Either
 * way the invited address must be the account's.
 */
export async function lookUpInvitation(db: Db, account: Pick<CurrentAccount, 'id' | 'email'>, ref: { token?: string; id?: string }): Promise<Lookup> {
  const email = account.email.toLowerCase();
  if (ref.token) {
    const invitation = await findInvitationByToken(db, ref.token);
    if (!invitation) return { ok: false, reason: 'unknown' };
    if (isExpired(invitation)) return { ok: false, reason: 'expired', invitation };
    if (invitation.email !== email) return { ok: false, reason: 'other_address', email: invitation.email, invitation };
    return { ok: true, invitation, viaToken: true };
  }
  const invitation = ref.id && isUuid(ref.id) ? (await openInvitationsFor(db, email)).find((i) => i.id === ref.id) : undefined;
  if (!invitation) return { ok: false, reason: 'unknown' };
  if (!(await emailConfirmed(db, account.id))) return { ok: false, reason: 'unconfirmed', invitation };
  return { ok: true, invitation, viaToken: false };
}

/** Open invitations the account may answer without the link: its address is confirmed. */
export async function invitationsOf(db: Db, account: Pick<CurrentAccount, 'id' | 'email'>): Promise<{ invitations: Invitation[]; confirmed: boolean }> {
  const invitations = await openInvitationsFor(db, account.email);
  return { invitations, confirmed: await emailConfirmed(db, account.id) };
}

export type AnswerResult = { ok: true; invitation: Invitation; alreadyMember: boolean } | { ok: false; reason: InvitationRefusal; email?: string };

/**
 * Accepts (the membership is created with the invited role) or declines an invitation. The
 * row is deleted in the same transaction, so a link answers once. Accepting through the mailed
 * link also confirms the account's address: its holder proved they read mail there.
 */
export async function answerInvitation(db: Db, account: Pick<CurrentAccount, 'id' | 'email' | 'displayName'>, ref: { token?: string; id?: string }, answer: 'accept' | 'decline', ip: string): Promise<AnswerResult> {
  const found = await lookUpInvitation(db, account, ref);
  const actor: Actor = { id: account.id, label: account.displayName, ip };
  if (!found.ok) {
    // A refused answer to a known invitation is audited in its tenant (an unknown link names no tenant).
    if (found.invitation) {
      await audit(db, {
        action: 'agents.act_refused',
        actor,
        tenantId: found.invitation.tenantId,
        targetType: 'invitation',
        targetId: found.invitation.id,
        details: { act: answer, reason: found.reason, email: found.invitation.email },
      });
    }
    return { ok: false, reason: found.reason, ...(found.email ? { email: found.email } : {}) };
  }
  return withTransaction(db, async (trx): Promise<AnswerResult> => {
    const invitation = await deleteInvitation(trx, found.invitation.id);
    if (!invitation) return { ok: false, reason: 'unknown' };
    let alreadyMember = false;
    if (answer === 'accept') {
      const inserted = await trx
        .insertInto('platform_memberships')
        .values({ account_id: account.id, tenant_id: invitation.tenantId, role: invitation.role })
        .onConflict((oc) => oc.columns(['account_id', 'tenant_id']).doNothing())
        .returning('tenant_id')
        .executeTakeFirst();
      alreadyMember = !inserted;
      if (found.viaToken) await markEmailConfirmed(trx, account.id);
    }
    await audit(trx, {
      action: answer === 'accept' ? 'agents.invitation_accepted' : 'agents.invitation_declined',
      actor,
      tenantId: invitation.tenantId,
      targetType: 'account',
      targetId: account.id,
      details: { email: invitation.email, role: invitation.role, ...(alreadyMember ? { already_member: true } : {}) },
    });
    return { ok: true, invitation, alreadyMember };
  });
}
