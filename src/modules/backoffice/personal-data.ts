import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Invitations of new agents (invitations.store.ts: 7 days). */
export const backofficePersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'invitations',
      concerned: 'agents',
      title: 'Les invitations des agents',
      tables: ['backoffice_invitations'],
      data: 'l’adresse électronique de la personne invitée, le rôle proposé, qui l’a invitée, et une empreinte du lien envoyé.',
      purpose: 'ajouter un agent à une collectivité, seulement s’il accepte.',
      basis: 'mission',
      kept: 'le lien marche 7 jours ; l’invitation est effacée quand elle est acceptée, refusée ou annulée, sinon 30 jours après son expiration.',
      enforced: 'une invitation expirée sans réponse reste affichée à l’administrateur pour qu’il la renvoie s’il le veut ; elle est effacée 30 jours après son expiration.',
      recipients: 'les administrateurs de la collectivité ; la personne invitée.',
    },
  ],
};
