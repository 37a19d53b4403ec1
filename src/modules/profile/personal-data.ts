import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** The person's profile (profile_fields), each field with where it came from. */
export const profilePersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'profil',
      concerned: 'personnes',
      title: 'Votre profil',
      tables: ['profile_fields'],
      data: 'ce que vous choisissez de remplir : nom, prénoms, date et lieu de naissance, adresse, téléphone, situation, foyer, organisme ; pour chaque donnée, sa source (FranceConnect ou vous) et sa date.',
      purpose: 'remplir à votre place les formulaires de demande, et trouver les aides pour vous. Rien n’est repris dans une demande sans votre accord.',
      basis: 'consentement',
      kept: 'jusqu’à ce que vous effaciez la donnée (« Mon compte » › « Mon profil ») ou votre compte.',
      enforced: 'l’effacement est immédiat.',
      recipients: 'vous ; les agents qui instruisent une demande, seulement pour ce que vous y avez mis.',
    },
  ],
};
