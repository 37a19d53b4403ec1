import { contactPage, type SeedSet } from './common';

/** A métropole: urban transport, waste, water. */
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

export const METRO_NETWORKS: Record<string, string> = { 'rennes-metropole': 'STAR', 'brest-metropole': 'Bibus' };
