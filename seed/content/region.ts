import { contactPage, type SeedSet } from './common';

/** The Région: lycées, transports (BreizhGo), training and guidance, economy. */
export const regionSet: SeedSet = {
  pages: [
    contactPage,
    {
      slug: 'lycees',
      title: 'Lycées',
      summary: 'La Région construit, rénove et équipe les lycées publics de Bretagne.',
      body: `La Région est responsable des bâtiments des lycées publics : elle les construit, les rénove et les entretient.

## Ce que fait la Région

- Elle équipe les lycées (mobilier, matériel informatique, équipements des ateliers).
- Elle organise l'accueil, la restauration et l'hébergement, avec les agents des lycées qu'elle emploie.
- Elle aide les familles pour certains frais, par exemple les manuels ou l'équipement des élèves en filière professionnelle.

## Ce qui relève de l'État

Les enseignements, les programmes et les enseignants relèvent de l'Éducation nationale.
`,
      tags: ['lycées', 'jeunesse'],
    },
    {
      slug: 'transports-breizhgo',
      title: 'Transports : BreizhGo',
      summary: 'Trains TER, cars et bateaux vers les îles : le réseau régional de transport BreizhGo.',
      body: `La Région organise les transports publics entre les villes de Bretagne sous le nom **BreizhGo**.

## Ce que regroupe BreizhGo

- les trains TER en Bretagne ;
- les lignes de cars entre les communes ;
- les liaisons en bateau vers les îles ;
- le transport scolaire en dehors des grandes agglomérations.

## Horaires et titres de transport

Les horaires, les tarifs et l'inscription au transport scolaire sont proposés sur le site de BreizhGo. Dans les grandes villes, les bus et le métro ou le tramway relèvent de la métropole.
`,
      tags: ['transports'],
    },
    {
      slug: 'formation-et-orientation',
      title: 'Formation et orientation',
      summary: 'Se former, changer de métier, trouver sa voie : ce que la Région propose.',
      body: `La Région finance des formations pour les personnes en recherche d'emploi et informe chacun sur les métiers et les formations.

## Pour qui ?

- les jeunes qui choisissent un métier ou une formation ;
- les personnes en recherche d'emploi qui veulent se former ;
- les salariés qui veulent changer de métier.

## Comment faire ?

Parlez de votre projet à un conseiller : Mission locale pour les moins de 26 ans, France Travail, ou un conseiller en évolution professionnelle.
`,
      tags: ['formation', 'emploi'],
    },
    {
      slug: 'economie-et-entreprises',
      title: 'Économie et entreprises',
      summary: 'La Région accompagne les entreprises bretonnes et le développement économique.',
      body: `La Région est chef de file du développement économique en Bretagne.

## Pour les entreprises

- aides à la création, à l'innovation et au développement ;
- accompagnement des projets à l'international ;
- soutien aux filières importantes pour la Bretagne, comme l'agriculture, la mer et l'industrie.

Pour savoir quelle aide correspond à votre projet, contactez les services de la Région.
`,
      tags: ['économie', 'entreprises'],
    },
  ],
  news: [
    {
      slug: 'guichet-les-services-publics-au-meme-endroit',
      title: 'Guichet : les services publics bretons au même endroit',
      summary: 'La Région et les collectivités bretonnes réunissent leurs services en ligne sur un même site.',
      body: `Région, départements, intercommunalités et communes présentent leurs services sur Guichet, avec la même présentation et les mêmes règles d'accessibilité.

Chaque collectivité garde son espace, son nom et son logo. Vous y trouvez ses actualités, ses démarches et ses coordonnées.

Si vous avez besoin d'aide, le bloc « Besoin d'aide ? », en bas de chaque page, vous indique où trouver une personne pour vous accompagner.
`,
      tags: ['numérique', 'services publics'],
    },
    {
      slug: 'salons-et-portes-ouvertes-preparer-sa-visite',
      title: 'Salons et portes ouvertes : préparer sa visite',
      summary: 'Quelques conseils pour profiter d’un salon de l’orientation ou d’une journée portes ouvertes.',
      body: `Les salons, forums et journées portes ouvertes permettent de rencontrer des élèves, des enseignants et des professionnels.

Avant d'y aller, notez deux ou trois questions : ce qu'on apprend, comment se passent les stages, ce que deviennent les anciens élèves.

Retrouvez les prochains événements près de chez vous dans l'agenda de l'orientation, à l'adresse /agenda.
`,
      tags: ['orientation', 'jeunesse'],
    },
    {
      slug: 'transport-scolaire-pensez-a-l-inscription',
      title: 'Transport scolaire : pensez à l’inscription',
      summary: 'Chaque année, l’inscription au car scolaire se fait avant la rentrée.',
      body: `Votre enfant prend le car pour aller à l'école, au collège ou au lycée ? Il faut l'inscrire **chaque année**, même s'il était déjà inscrit l'an dernier.

L'inscription se fait en ligne sur le site de BreizhGo, dans les délais indiqués. Une inscription en retard peut coûter plus cher.

Dans les grandes agglomérations, le transport des élèves est organisé par la métropole : renseignez-vous auprès d'elle.
`,
      tags: ['transports', 'jeunesse'],
    },
    {
      slug: 'se-faire-aider-pour-ses-demarches',
      title: 'Se faire aider pour ses démarches en ligne',
      summary: 'Des lieux d’accueil gratuits pour être accompagné par une personne.',
      body: `Faire une démarche en ligne n'est pas toujours simple. Des conseillers peuvent vous aider gratuitement.

- Les espaces **France Services** accueillent pour les démarches de plusieurs administrations.
- Les **médiateurs numériques** aident à utiliser un ordinateur, un téléphone ou internet.

Trouvez le lieu le plus proche de chez vous sur la page « Trouver un lieu d'aide ».
`,
      tags: ['numérique', 'aide'],
    },
  ],
  draft: {
    slug: 'projet-aides-aux-associations',
    title: 'Projet : les aides de la Région aux associations',
    summary: 'Brouillon en cours de rédaction.',
    body: 'Texte en préparation : présentation des aides régionales aux associations.',
  },
  menu: ['lycees', 'transports-breizhgo', 'formation-et-orientation'],
};
