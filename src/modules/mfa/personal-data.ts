import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** The second factor: the TOTP secret (sealed) and the recovery codes (hashed). */
export const mfaPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'double-authentification',
      concerned: 'personnes',
      title: 'La double authentification',
      tables: ['mfa_factors', 'mfa_recovery_codes'],
      data: 'la clé secrète de votre application de codes (chiffrée), les empreintes de vos codes de secours, et quand ils ont servi.',
      purpose: 'protéger votre compte par un code en plus du mot de passe. Elle est obligatoire pour les agents.',
      basis: 'obligation',
      basisDetail: 'sécurité des données, article 32 du RGPD',
      kept: 'jusqu’à ce que vous la désactiviez ou supprimiez votre compte.',
      enforced: 'l’effacement est immédiat.',
      recipients: 'personne : seul Guichet s’en sert.',
    },
  ],
};
