/**
 * Demo pages and news, written for the demo in plain French. They describe what each kind of
 * authority really does (its competences) and stay general: no invented phone numbers, dates
 * or events. `{name}` and `{short}` are replaced by the authority's names.
 */
export interface SeedEntry {
  slug: string;
  title: string;
  summary: string;
  body: string;
  tags?: string[];
}

export interface SeedSet {
  pages: SeedEntry[];
  news: SeedEntry[];
  draft: SeedEntry;
  /** Slugs of the pages put in the menu, before "Actualités". */
  menu: string[];
}

const contactPage: SeedEntry = {
  slug: 'nous-contacter-et-nous-rencontrer',
  title: 'Nous contacter et nous rencontrer',
  summary: 'Écrire, téléphoner ou venir sur place : les façons de joindre les services de {short}.',
  body: `Vous avez une question sur un service de {name} ? Vous pouvez nous joindre de plusieurs façons.

## Par téléphone ou par courrier

Les coordonnées de l'accueil (adresse, téléphone, adresse électronique) sont sur la page [Contact](../contact).

## Sur place

L'accueil vous reçoit aux heures d'ouverture. Pour certaines démarches, un rendez-vous est nécessaire : renseignez-vous avant de vous déplacer.

## Avec l'aide d'une personne

Si vous avez du mal avec internet, un conseiller France Services ou un médiateur numérique peut vous aider gratuitement, près de chez vous.
`,
};

const onlinePage: SeedEntry = {
  slug: 'vos-demarches-en-ligne',
  title: 'Vos démarches en ligne',
  summary: 'Faire une démarche sans vous déplacer, et trouver de l’aide si vous en avez besoin.',
  body: `Beaucoup de démarches auprès de {name} peuvent se faire en ligne, à toute heure.

## Avant de commencer

- Préparez les pièces demandées (justificatif de domicile, pièce d'identité…) en photo ou en fichier.
- Gardez le numéro de votre demande : il vous servira pour suivre son avancement.

## Si vous ne pouvez pas faire la démarche en ligne

Vous pouvez toujours être reçu par une personne. Les lieux d'aide les plus proches sont sur la page « Trouver un lieu d'aide ».
`,
};

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

export const metropoleSet = (network: string): SeedSet => ({
  pages: [
    contactPage,
    {
      slug: 'transports-urbains',
      title: 'Transports urbains',
      summary: `Bus et transports en commun de la métropole : le réseau ${network}.`,
      body: `{name} organise les transports en commun sur son territoire, avec le réseau **${network}**.

## Se déplacer

- bus, et selon les lignes métro, tramway ou téléphérique ;
- vélos en location ;
- parcs relais pour laisser sa voiture et prendre les transports en commun.

Les horaires, les tarifs et les abonnements sont sur le site du réseau ${network}. Des tarifs réduits existent selon l'âge ou les ressources.
`,
      tags: ['transports'],
    },
    {
      slug: 'dechets-et-tri',
      title: 'Déchets et tri',
      summary: 'Collecte des ordures, tri des emballages, déchèteries.',
      body: `{name} collecte et traite les déchets des habitants.

## Le tri

Tous les emballages et les papiers se trient. Le verre va dans les colonnes à verre.

## Les déchèteries

Les encombrants, les déchets verts, le bois ou les produits dangereux vont en déchèterie. Les horaires et les conditions d'accès sont indiqués par la métropole.
`,
      tags: ['déchets', 'environnement'],
    },
    {
      slug: 'eau-et-assainissement',
      title: 'Eau et assainissement',
      summary: 'Eau potable et traitement des eaux usées.',
      body: `{name} est responsable de l'eau potable et de l'assainissement : elle veille à la qualité de l'eau du robinet et au traitement des eaux usées.

## Abonnement et factures

Pour ouvrir ou fermer un abonnement, signaler une fuite ou poser une question sur votre facture, contactez le service de l'eau indiqué sur votre facture.
`,
      tags: ['eau', 'environnement'],
    },
  ],
  news: [
    {
      slug: 'tous-les-emballages-se-trient',
      title: 'Tous les emballages se trient',
      summary: 'Pots, barquettes, films plastiques : ils vont aussi dans le bac de tri.',
      body: `Depuis la simplification des consignes de tri en France, **tous les emballages** se trient : bouteilles, flacons, mais aussi pots de yaourt, barquettes et films en plastique.

Pas besoin de les laver : il suffit de bien les vider. Déposez-les en vrac, sans sac.
`,
      tags: ['déchets', 'environnement'],
    },
    {
      slug: 'se-deplacer-autrement',
      title: 'Se déplacer autrement',
      summary: 'Bus, vélo, covoiturage : des solutions pour laisser sa voiture.',
      body: `Pour aller au travail ou à l'école, plusieurs solutions existent sur le territoire de {name} :

- les transports en commun du réseau ${network} ;
- le vélo, avec des pistes cyclables et des vélos en location ;
- le covoiturage.

Des tarifs réduits existent pour les jeunes, les personnes âgées et les personnes qui ont peu de ressources.
`,
      tags: ['transports'],
    },
  ],
  draft: {
    slug: 'brouillon-nouvelles-lignes',
    title: 'Brouillon : présentation des nouvelles lignes',
    summary: 'Brouillon en cours de rédaction.',
    body: 'Texte à compléter avant publication.',
  },
  menu: ['transports-urbains', 'dechets-et-tri'],
});

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

export const METRO_NETWORKS: Record<string, string> = { 'rennes-metropole': 'STAR', 'brest-metropole': 'Bibus' };
