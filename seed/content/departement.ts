import { contactPage, type SeedSet } from './common';

/** A département: solidarity (RSA, APA), collèges, roads. */
export const departementSet: SeedSet = {
  pages: [
    contactPage,
    {
      slug: 'rsa-et-insertion',
      title: 'RSA et insertion',
      summary: 'Le Département verse le revenu de solidarité active et accompagne vers l’emploi.',
      body: `Le revenu de solidarité active (RSA) assure un revenu minimum aux personnes qui ont peu ou pas de ressources.

## Qui s'en occupe ?

La demande se fait auprès de la CAF ou de la MSA. {name} finance le RSA et vous propose un accompagnement pour retrouver un emploi ou une activité.

## Comment faire la demande ?

Vous pouvez faire une simulation puis la demande en ligne sur le site de la CAF. Un travailleur social peut aussi vous aider.
`,
      tags: ['solidarités', 'RSA'],
    },
    {
      slug: 'personnes-agees-apa',
      title: 'Personnes âgées : l’allocation personnalisée d’autonomie (APA)',
      summary: 'Une aide pour les personnes de 60 ans et plus qui ont besoin d’aide dans la vie de tous les jours.',
      body: `L'allocation personnalisée d'autonomie (APA) aide à payer les services dont une personne âgée a besoin pour rester chez elle ou en établissement.

## Pour qui ?

Pour les personnes de 60 ans et plus qui ont besoin d'aide pour les gestes de la vie quotidienne.

## Comment faire ?

La demande se fait auprès de {name}. Une équipe évalue les besoins de la personne, souvent lors d'une visite à domicile, puis propose un plan d'aide.
`,
      tags: ['solidarités', 'autonomie'],
    },
    {
      slug: 'colleges',
      title: 'Collèges',
      summary: 'Le Département construit, entretient et équipe les collèges publics.',
      body: `{name} est responsable des bâtiments des collèges publics.

- Il les construit, les rénove et les entretient.
- Il organise la restauration scolaire et emploie les agents des collèges.
- Il équipe les collèges en mobilier et en matériel numérique.

Les enseignements et les enseignants relèvent de l'Éducation nationale.
`,
      tags: ['collèges', 'jeunesse'],
    },
    {
      slug: 'routes-departementales',
      title: 'Routes départementales',
      summary: 'Entretien, travaux et sécurité des routes départementales.',
      body: `{name} entretient les routes départementales : chaussées, fossés, ponts et signalisation.

## En hiver

Les équipes salent et déneigent les routes en priorité sur les axes les plus fréquentés.

## Signaler un problème

Un nid-de-poule, un panneau abîmé ? Contactez les services du Département.
`,
      tags: ['routes'],
    },
  ],
  news: [
    {
      slug: 'demander-l-apa',
      title: 'Demander l’APA : les étapes',
      summary: 'Qui peut en bénéficier et comment se passe la demande.',
      body: `L'allocation personnalisée d'autonomie aide les personnes de 60 ans et plus qui ont besoin d'aide au quotidien.

1. Vous remplissez le dossier de demande et l'envoyez au Département.
2. Une équipe évalue les besoins, le plus souvent chez vous.
3. Un plan d'aide vous est proposé.

Un proche ou un travailleur social peut vous aider à remplir le dossier.
`,
      tags: ['solidarités', 'autonomie'],
    },
    {
      slug: 'travaux-d-ete-dans-les-colleges',
      title: 'Des travaux pendant l’été dans les collèges',
      summary: 'Les vacances scolaires servent à rénover et entretenir les collèges.',
      body: `Comme chaque année, {name} profite des vacances scolaires pour faire des travaux dans les collèges : peinture, sanitaires, chauffage, accessibilité.

Ces travaux sont faits pendant l'été pour gêner le moins possible les élèves et les équipes.
`,
      tags: ['collèges'],
    },
    {
      slug: 'routes-en-hiver',
      title: 'Routes en hiver : soyez prudents',
      summary: 'Neige, verglas : les conseils avant de prendre la route.',
      body: `En cas de neige ou de verglas, les équipes du Département interviennent d'abord sur les routes les plus fréquentées.

- Renseignez-vous sur la météo avant de partir.
- Adaptez votre vitesse et gardez vos distances.
- Si possible, reportez votre déplacement.
`,
      tags: ['routes'],
    },
  ],
  draft: {
    slug: 'calendrier-des-travaux-routiers',
    title: 'Calendrier des travaux routiers (brouillon)',
    summary: 'Brouillon en cours de rédaction.',
    body: 'Liste des chantiers à compléter avant publication.',
  },
  menu: ['rsa-et-insertion', 'personnes-agees-apa', 'colleges'],
};
