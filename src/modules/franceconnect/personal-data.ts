import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** The link between a Guichet account and a FranceConnect identity, and sign-ins in progress. */
export const franceConnectPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'franceconnect',
      concerned: 'personnes',
      title: 'Votre liaison avec FranceConnect',
      tables: ['franceconnect_links', 'franceconnect_flows', 'franceconnect_standin_store'],
      data: 'l’identifiant que FranceConnect donne à Guichet pour vous (il ne sert qu’ici), les dates de liaison et de dernière connexion ; pendant une connexion, quelques minutes, de quoi vérifier la réponse de FranceConnect.',
      purpose: 'vous connecter avec FranceConnect, et reprendre votre identité certifiée dans votre profil.',
      basis: 'consentement',
      kept: 'jusqu’à ce que vous retiriez la liaison (« Mon compte » › « FranceConnect ») ou supprimiez votre compte ; une connexion en cours, quelques minutes.',
      enforced: 'la liaison est effacée tout de suite ; les connexions en cours expirées sont effacées au début de la connexion suivante.',
      recipients: 'vous ; FranceConnect (l’État) pendant la connexion.',
    },
  ],
};
