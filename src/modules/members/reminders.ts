/**
 * The reminder mailed two days before a saved thing that has a date (an event), issue 15 d.9.
 * A periodic job (platform/jobs.ts) looks at the favourites of every dated kind, asks the kind
 * for their dates, and for each one happening within the next two days writes, in ONE
 * transaction, the row of members_reminders (primary key: account, kind, key, date) and the mail
 * in the outbox. A second sweep, another instance or a restart finds the row and sends nothing:
 * a reminder is sent once, and the outbox delivers it even if the process dies just after.
 */
import type { Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import type { Mailer } from '../../platform/mail/mailer';
import { savedDateLabel, type SavedKinds } from '../../platform/saved';
import { membersDb } from './tables';

export const REMINDER_JOB = 'members.reminders';
/** Reminded this long before the thing happens. */
export const REMINDER_AHEAD_MS = 2 * 24 * 3600 * 1000;

/** One sweep at `now`; returns how many reminders it queued. */
export async function sendDueReminders(deps: { db: Kysely<PlatformTables>; mailer: Mailer; kinds: SavedKinds; publicUrl: string }, now: Date): Promise<number> {
  const db = membersDb(deps.db);
  let queued = 0;
  for (const kind of deps.kinds.values()) {
    if (!kind.dated) continue;
    const keys = (await db.selectFrom('members_favourites').select('item_key').distinct().where('kind', '=', kind.id).execute()).map((r) => r.item_key).filter((k) => kind.isKey(k));
    for (let i = 0; i < keys.length; i += 200) {
      const items = await kind.resolve(deps.db, keys.slice(i, i + 200), now);
      for (const [key, item] of items) {
        if (!item.date) continue;
        const ahead = item.date.getTime() - now.getTime();
        if (ahead <= 0 || ahead > REMINDER_AHEAD_MS) continue;
        const people = await db
          .selectFrom('members_favourites as f')
          .innerJoin('platform_accounts as a', 'a.id', 'f.account_id')
          .select(['a.id', 'a.email', 'a.display_name', 'f.note'])
          .where('f.kind', '=', kind.id)
          .where('f.item_key', '=', key)
          .where('a.disabled_at', 'is', null)
          .execute();
        for (const person of people) {
          const sent = await deps.db.transaction().execute(async (trx) => {
            const marked = await membersDb(trx)
              .insertInto('members_reminders')
              .values({ account_id: person.id, kind: kind.id, item_key: key, occurs_at: item.date! })
              .onConflict((c) => c.columns(['account_id', 'kind', 'item_key', 'occurs_at']).doNothing())
              .returning('account_id')
              .executeTakeFirst();
            if (!marked) return false;
            const lines = [
              `Bonjour ${person.display_name},`,
              '',
              `Vous avez enregistré dans vos favoris sur Guichet : « ${item.title} ».`,
              `${item.dateOnly ? 'Cela commence' : 'C’est'} le ${savedDateLabel(item)}${item.place ? `, ${item.place}` : ''}.`,
              '',
              `Voir les détails : ${deps.publicUrl}${item.url}`,
              ...(person.note ? ['', `Votre note : ${person.note}`] : []),
              '',
              `Vous recevez ce rappel parce que vous avez enregistré ${kind.id === 'formation' ? 'cette formation' : 'cet événement'}. Pour ne plus le recevoir, retirez-le de vos favoris : ${deps.publicUrl}/mon-compte/favoris`,
            ];
            await deps.mailer.send({ to: person.email, subject: `Rappel : ${item.title}, dans deux jours`, text: lines.join('\n') }, trx);
            await audit(trx, { action: 'members.reminder_sent', actorLabel: 'Guichet (rappel automatique)', targetType: 'account', targetId: person.id, details: { kind: kind.id, key } });
            return true;
          });
          if (sent) queued += 1;
        }
      }
    }
  }
  return queued;
}
