import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Guichet as an OpenID provider: the consents given, and the provider's codes and tokens. */
export const identityProviderPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'applications-autorisees',
      concerned: 'personnes',
      title: 'Les applications que vous avez autorisées',
      tables: ['idp_consents', 'idp_payloads'],
      data: 'quelle application d’une collectivité peut vous connecter avec votre compte Guichet, et quelles données vous avez accepté de lui donner ; les codes et jetons de connexion en cours.',
      purpose: 'vous connecter aux services en ligne des collectivités avec le même compte.',
      basis: 'consentement',
      kept: 'jusqu’à ce que vous retiriez l’autorisation (« Mon compte » › « Applications autorisées ») ; les codes et jetons, jusqu’à leur expiration.',
      enforced: 'le retrait est immédiat ; les codes et jetons expirés sont effacés régulièrement (au plus tard au rechargement des clés de signature).',
      recipients: 'l’application autorisée, pour les seules données que vous avez acceptées.',
    },
  ],
  alsoIn: [{ processing: 'travail-agents', tables: ['idp_clients'] }],
};
