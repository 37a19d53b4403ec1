import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { PersonalDataDeclaration } from '../../platform/personal-data';
import { membersDb } from './tables';

async function favouritesCopy(db: Kysely<PlatformTables>, accountId: string) {
  const members = membersDb(db);
  const [favourites, reminders] = await Promise.all([
    members.selectFrom('members_favourites').select(['kind', 'item_key', 'note', 'created_at', 'updated_at']).where('account_id', '=', accountId).orderBy('created_at').execute(),
    members.selectFrom('members_reminders').select(['kind', 'item_key', 'occurs_at', 'sent_at']).where('account_id', '=', accountId).orderBy('sent_at').execute(),
  ]);
  return {
    favoris: favourites.map((f) => ({ type: f.kind, identifiant: f.item_key, note: f.note, enregistreLe: f.created_at, modifieLe: f.updated_at })),
    rappelsEnvoyes: reminders.map((r) => ({ type: r.kind, identifiant: r.item_key, evenementLe: r.occurs_at, envoyeLe: r.sent_at })),
  };
}

/** Favourites and reminders (Membre); selections name the counsellor who made them (Pro). */
export const membersPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'favoris',
      concerned: 'personnes',
      title: 'Vos favoris',
      tables: ['members_favourites', 'members_reminders'],
      data: 'les métiers, lieux, formations et événements que vous enregistrez, la note privée que vous y écrivez, les dates d’enregistrement, et la trace des rappels envoyés (quel événement, quand).',
      purpose: 'vous laisser retrouver ce qui vous intéresse, et vous rappeler par courriel un événement enregistré deux jours avant.',
      basis: 'consentement',
      kept: 'jusqu’à ce que vous retiriez le favori (« Mon compte » › « Mes favoris », un par un ou tous) ou supprimiez votre compte.',
      enforced: 'le retrait et la suppression sont immédiats ; la suppression du compte efface aussi favoris, notes et trace des rappels. Vous pouvez télécharger vos favoris et vos notes (fichier CSV) dans « Mes favoris », et avec toutes vos données dans « Mes données ».',
      recipients: 'vous seul ; aucun agent ne voit vos favoris ni vos notes.',
    },
  ],
  copies: [{ key: 'favoris', tables: ['members_favourites', 'members_reminders'], read: favouritesCopy }],
  alsoIn: [{ processing: 'travail-agents', tables: ['members_selections'] }],
};
