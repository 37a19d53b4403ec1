import type { PersonalDataDeclaration } from '../../platform/personal-data';

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
      enforced: 'le retrait et la suppression sont immédiats ; la suppression du compte efface aussi favoris, notes et trace des rappels. Vous pouvez télécharger vos favoris et vos notes (fichier CSV) dans « Mes favoris ».',
      recipients: 'vous seul ; aucun agent ne voit vos favoris ni vos notes.',
    },
  ],
  alsoIn: [{ processing: 'travail-agents', tables: ['members_selections'] }],
};
