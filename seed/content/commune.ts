import { contactPage, onlinePage, type SeedSet } from './common';

/** A commune: civil status, schools, associations. */
export const communeSet: SeedSet = {
  pages: [
    contactPage,
    onlinePage,
    {
      slug: 'etat-civil',
      title: 'État civil',
      summary: 'Actes de naissance, de mariage, de décès ; carte d’identité et passeport.',
      body: `La mairie de {short} enregistre les naissances, les mariages, les PACS et les décès.

## Demander un acte

Vous pouvez demander une copie ou un extrait d'acte de naissance, de mariage ou de décès en ligne ou à l'accueil de la mairie. C'est gratuit.

## Carte d'identité et passeport

La demande se fait sur rendez-vous, dans une mairie équipée pour recueillir les empreintes. Vous pouvez remplir une pré-demande en ligne pour gagner du temps.
`,
      tags: ['état civil', 'papiers'],
    },
    {
      slug: 'ecoles-et-inscriptions',
      title: 'Écoles et inscriptions',
      summary: 'Inscrire son enfant à l’école, à la cantine et aux activités périscolaires.',
      body: `La commune gère les écoles maternelles et élémentaires publiques : bâtiments, cantine, garderie et activités périscolaires.

## Inscrire son enfant

La première inscription à l'école se fait à la mairie. Préparez le livret de famille ou un acte de naissance, un justificatif de domicile et le carnet de santé de l'enfant.

## Cantine et garderie

L'inscription à la restauration scolaire et aux accueils du matin et du soir se fait auprès de la mairie. Les tarifs dépendent souvent des ressources de la famille.
`,
      tags: ['écoles', 'jeunesse'],
    },
    {
      slug: 'associations',
      title: 'Associations',
      summary: 'Créer une association, demander une salle ou une subvention.',
      body: `La vie associative est riche à {short}. La mairie accompagne les associations.

- **Créer une association** : la déclaration se fait en ligne auprès de l'État.
- **Demander une salle** : adressez votre demande à la mairie.
- **Demander une subvention** : un dossier est à déposer auprès de la commune.
`,
      tags: ['associations'],
    },
  ],
  news: [
    {
      slug: 'carte-d-identite-et-passeport-anticipez',
      title: 'Carte d’identité et passeport : anticipez',
      summary: 'Avant l’été, les délais pour obtenir un rendez-vous s’allongent.',
      body: `Les demandes de carte d'identité et de passeport sont plus nombreuses avant les vacances d'été. Les délais pour obtenir un rendez-vous s'allongent.

Vérifiez la date de validité de vos papiers et prenez rendez-vous tôt. Remplissez la pré-demande en ligne pour gagner du temps le jour du rendez-vous.
`,
      tags: ['papiers', 'état civil'],
    },
    {
      slug: 'inscriptions-scolaires',
      title: 'Inscriptions scolaires pour la rentrée',
      summary: 'Votre enfant entre à l’école ? Pensez à l’inscrire en mairie.',
      body: `Si votre enfant va à l'école pour la première fois, ou si vous venez d'arriver à {short}, inscrivez-le à la mairie avant la rentrée.

Les documents à fournir sont indiqués sur la page « Écoles et inscriptions ».
`,
      tags: ['écoles', 'jeunesse'],
    },
    {
      slug: 'demarches-en-ligne-faites-vous-aider',
      title: 'Démarches en ligne : faites-vous aider',
      summary: 'Des personnes peuvent vous accompagner gratuitement.',
      body: `Vous avez du mal avec une démarche en ligne ? Vous n'êtes pas seul.

Un conseiller France Services ou un médiateur numérique peut vous aider gratuitement près de chez vous. Vous pouvez aussi venir à l'accueil de la mairie.
`,
      tags: ['numérique', 'aide'],
    },
  ],
  draft: {
    slug: 'brouillon-horaires-d-ete',
    title: 'Brouillon : horaires d’été de la mairie',
    summary: 'Brouillon en cours de rédaction.',
    body: 'Horaires à confirmer avant publication.',
  },
  menu: ['vos-demarches-en-ligne', 'etat-civil', 'ecoles-et-inscriptions'],
};
