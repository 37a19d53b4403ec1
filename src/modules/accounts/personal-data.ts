import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** What the accounts module keeps (durations: store.ts, TOKEN_LIFETIME_SECONDS and the purges). */
export const accountsPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'liens-courriel',
      concerned: 'personnes',
      title: 'Les liens envoyés par courriel',
      tables: ['account_tokens'],
      data: 'une empreinte du lien (le lien lui-même n’est que dans votre courriel), votre compte, et la nouvelle adresse quand vous en changez.',
      purpose: 'confirmer votre adresse, vous connecter par un lien, changer d’adresse ou de mot de passe.',
      basis: 'mission',
      kept: 'le lien marche 15 minutes (connexion), 1 heure (mot de passe), 24 heures (nouvelle adresse) ou 48 heures (confirmation) ; il est gardé encore 7 jours après.',
      enforced: 'les liens expirés depuis plus de 7 jours sont effacés chaque fois qu’un nouveau lien est créé.',
      recipients: 'vous.',
    },
    {
      id: 'appareils',
      concerned: 'personnes',
      title: 'Les appareils déjà utilisés',
      tables: ['account_known_devices'],
      data: 'une empreinte du type d’appareil (navigateur, système, ordinateur ou téléphone), la première et la dernière fois qu’il a servi.',
      purpose: 'vous prévenir par courriel quand quelqu’un se connecte à votre compte depuis un appareil nouveau.',
      basis: 'obligation',
      basisDetail: 'sécurité des données, article 32 du RGPD',
      kept: 'jusqu’à la suppression de votre compte.',
      enforced: 'effacés avec le compte ; rien d’autre ne les efface aujourd’hui.',
      recipients: 'personne : seul Guichet s’en sert.',
    },
  ],
  alsoIn: [{ processing: 'sessions', tables: ['account_sso_codes'] }],
};
