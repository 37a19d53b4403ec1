/**
 * Accounts unused for three years (RGPD: kept no longer than needed; /donnees-personnelles says
 * so). The hourly housekeeping job runs `inactiveAccountsPurge`:
 *
 * 1. a notice whose account signed in since it was sent is void: it goes;
 * 2. an account still unused on the day its notice named is deleted, as « Supprimer mon compte »
 *    deletes it (its profile, drafts, favourites… with it; sent applications stay with their
 *    authority, detached: migration 0364; the audit trail keeps its rows),
 *    with a last mail;
 * 3. an account that reaches three years without sign-in in the next 30 days is warned by mail.
 *
 * A person's last activity is their last sign-in, else the account's creation. Agents' accounts
 * (with a role in an authority) are neither warned nor deleted: their authority's administrator
 * removes them (`docs/identity.md`). A disabled account is left to whoever disabled it. Each
 * warning and each deletion is one transaction with its mail in the outbox and its audit row: a
 * restart or a second instance finds the notice (or no account) and sends nothing twice.
 */
import { sql, type Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import type { Purge, PurgeDeps } from '../../platform/housekeeping/purges';
import type { MailMessage } from '../../platform/mail/mailer';
import { formatDate } from '../../platform/views/format';
import { accountsDb } from './store';

export const UNUSED_YEARS = 3;
export const NOTICE_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;
/** At most this many warnings or deletions per run: the next hour takes the rest. */
const BATCH = 500;

const ACTOR = 'Guichet (compte inutilisé depuis 3 ans)';
const SIGNATURE = '\n\n--\nGuichet, vos services publics en Bretagne.\nCe message est envoyé automatiquement : merci de ne pas y répondre.';

export function yearsBefore(date: Date, years: number): Date {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

export function inactivityWarningMail(to: string, name: string, base: string, lastActivity: Date, deletesOn: Date): MailMessage {
  return {
    to,
    subject: `Votre compte Guichet sera supprimé le ${formatDate(deletesOn)}`,
    text: `Bonjour ${name},

Vous ne vous êtes pas connecté à Guichet depuis le ${formatDate(lastActivity)}.
Pour protéger vos données, Guichet supprime les comptes qui ne servent plus depuis 3 ans.

Votre compte sera supprimé le ${formatDate(deletesOn)}, avec tout ce qui y est rattaché : votre profil, vos brouillons de demande, vos favoris. Les demandes d’aide déjà envoyées restent chez la collectivité qui les a reçues.

Pour garder votre compte, connectez-vous une fois avant cette date :
${base}/connexion
C’est tout : il n’y a rien d’autre à faire.

Avant cette date, vous pouvez aussi télécharger une copie de vos données (« Mon compte » › « Mes données ») :
${base}/mon-compte/mes-donnees

Si vous ne voulez plus de ce compte, vous n’avez rien à faire.${SIGNATURE}`,
  };
}

export function inactiveDeletedMail(to: string, name: string, lastActivity: Date): MailMessage {
  return {
    to,
    subject: 'Votre compte Guichet a été supprimé',
    text: `Bonjour ${name},

Votre compte Guichet a été supprimé : personne ne s’y était connecté depuis le ${formatDate(lastActivity)}, et nous vous avions prévenu par courriel il y a un mois.
Votre profil, vos brouillons de demande et vos favoris ont été effacés avec lui. Les demandes d’aide déjà envoyées restent chez la collectivité qui les a reçues.
Le journal de sécurité garde la trace de cette suppression pendant un an ; il ne contient ni mot de passe ni document.

Ce message est le dernier que vous recevez de Guichet. Vous pouvez créer un nouveau compte à tout moment.${SIGNATURE}`,
  };
}

/** People's accounts only: no role in an authority, not disabled. */
const isPerson = sql<boolean>`a.disabled_at is null and not exists (select 1 from platform_memberships m where m.account_id = a.id)`;
const lastActivity = sql<Date>`coalesce(a.last_sign_in_at, a.created_at)`;

interface Candidate {
  id: string;
  email: string;
  display_name: string;
  last_activity_at: Date;
}

/** Step 1: notices of accounts that signed in since. */
async function voidNotices(db: Kysely<PlatformTables>): Promise<void> {
  await sql`delete from account_inactivity_notices n using platform_accounts a
             where a.id = n.account_id and ${lastActivity} > n.last_activity_at`.execute(db);
}

/** Step 2: accounts still unused on the day their notice named. */
async function deleteDue(db: Kysely<PlatformTables>, now: Date, deps: PurgeDeps): Promise<number> {
  const due = await sql<Candidate>`
    select a.id, a.email, a.display_name, n.last_activity_at
      from account_inactivity_notices n join platform_accounts a on a.id = n.account_id
     where n.deletes_on <= ${now} and ${lastActivity} <= n.last_activity_at
       and ${lastActivity} < ${yearsBefore(now, UNUSED_YEARS)} and ${isPerson}
     order by n.deletes_on limit ${BATCH}`.execute(db);
  let deleted = 0;
  for (const account of due.rows) {
    const gone = await db.transaction().execute(async (trx) => {
      // Again inside the transaction: a sign-in a moment ago keeps the account.
      const removed = await sql<{ id: string }>`
        delete from platform_accounts a where a.id = ${account.id}
           and ${lastActivity} <= ${account.last_activity_at} and ${isPerson}
        returning a.id`.execute(trx);
      if (removed.rows.length === 0) return false;
      await audit(trx, { action: 'account.deleted_unused', actorLabel: ACTOR, targetType: 'account', targetId: account.id, details: { lastActivity: new Date(account.last_activity_at).toISOString() } });
      await deps.mailer.send(inactiveDeletedMail(account.email, account.display_name, new Date(account.last_activity_at)), trx);
      return true;
    });
    if (gone) deleted += 1;
  }
  return deleted;
}

/** Step 3: accounts that reach three years unused within the next 30 days, not warned yet. */
async function warnSoon(db: Kysely<PlatformTables>, now: Date, deps: PurgeDeps): Promise<void> {
  const threshold = yearsBefore(new Date(now.getTime() + NOTICE_DAYS * DAY_MS), UNUSED_YEARS);
  const soon = await sql<Candidate>`
    select a.id, a.email, a.display_name, ${lastActivity} as last_activity_at
      from platform_accounts a
     where ${lastActivity} <= ${threshold} and ${isPerson}
       and not exists (select 1 from account_inactivity_notices n where n.account_id = a.id)
     order by ${lastActivity} limit ${BATCH}`.execute(db);
  for (const account of soon.rows) {
    const last = new Date(account.last_activity_at);
    const threeYears = new Date(last);
    threeYears.setUTCFullYear(threeYears.getUTCFullYear() + UNUSED_YEARS);
    const deletesOn = new Date(Math.max(threeYears.getTime(), now.getTime() + NOTICE_DAYS * DAY_MS));
    await db.transaction().execute(async (trx) => {
      const noted = await accountsDb(trx)
        .insertInto('account_inactivity_notices')
        .values({ account_id: account.id, warned_at: now, last_activity_at: last, deletes_on: deletesOn })
        .onConflict((c) => c.column('account_id').doNothing())
        .returning('account_id')
        .executeTakeFirst();
      if (!noted) return;
      await deps.mailer.send(inactivityWarningMail(account.email, account.display_name, deps.publicUrl, last, deletesOn), trx);
      await audit(trx, { action: 'account.unused_warned', actorLabel: ACTOR, targetType: 'account', targetId: account.id, details: { deletesOn: deletesOn.toISOString() } });
    });
  }
}

/** The housekeeping's purge (accounts/purges.ts); returns how many accounts it deleted. */
export const inactiveAccountsPurge: Purge = {
  id: 'accounts.unused',
  what: 'comptes de personnes sans connexion depuis 3 ans, prévenues 30 jours avant par courriel',
  run: async (db, now, deps) => {
    // It writes to people before deleting: without a mailer (a test of another purge), nothing.
    if (!deps) return 0;
    await voidNotices(db);
    const deleted = await deleteDue(db, now, deps);
    await warnSoon(db, now, deps);
    return deleted;
  },
};
