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

export const contactPage: SeedEntry = {
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

export const onlinePage: SeedEntry = {
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
