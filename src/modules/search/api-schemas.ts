/** The schemas of the search API (GET /api/v1/recherche and /api/v1/recherche/sans-resultat). */
import { Type } from '@sinclair/typebox';
import { Nullable, PaginationQuery } from '../../platform/api/schemas';
import { FACETS } from './facets';

const facetParameter = (description: string) => Type.Optional(Type.Array(Type.String(), { description }));

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ description: 'Les mots cherchés ; au-delà de 200 caractères, la requête est tronquée (tronquee: true).', examples: ['vélo'] })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1, description: 'La page de résultats (10 par page).' })),
  collectivite: Type.Optional(Type.String({ description: 'Identifiant d’une collectivité : ses résultats viennent d’abord (local: true).', examples: ['brest'] })),
  exact: Type.Optional(Type.String({ description: '« 1 » : ne pas corriger les fautes de frappe.', examples: ['1'] })),
  type: facetParameter('Type d’objet, répétable : aide, page, actualite, lieu-aide, collectivite.'),
  autorite: facetParameter('Identifiant d’une collectivité qui publie l’objet, répétable (par exemple « brest »).'),
  territoire: facetParameter(
    'Code d’un département où l’objet s’applique ou se trouve, répétable (par exemple « 29 ») : aides par leur territoire (une aide de la Région compte dans chacun de ses départements, une aide nationale dans aucun), lieux d’aide par leur commune, collectivités par leur territoire, pages et actualités par le territoire de la collectivité qui les publie.',
  ),
  epci: facetParameter(
    'SIREN d’une intercommunalité (EPCI) où l’objet s’applique ou se trouve, répétable (par exemple « 242900314 » pour Brest Métropole) : un objet de sa commune, de l’EPCI lui-même, ou de son département ou de la Région tout entiers.',
  ),
  public: facetParameter('Public visé, répétable (par exemple « jeune », « etudiant », « famille »).'),
  theme: facetParameter('Thème, répétable (par exemple « mobilite », « logement »).'),
  dates: facetParameter('ouvert : ouvert aujourd’hui ; bientot : se termine dans les 30 jours. Répétable.'),
  commune: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'Nom ou code postal d’une commune de Bretagne : les lieux à plus de 30 km sont écartés, les autres viennent d’abord avec leur distance (distanceKm). Commune inconnue : erreur 400.',
    }),
  ),
});

const FacetValueSchema = Type.Object({ valeur: Type.String(), libelle: Type.String(), nombre: Type.Integer(), choisie: Type.Boolean() }, { $id: 'ValeurFacette' });

const HitSchema = Type.Object(
  {
    type: Type.String({ description: 'aide, page, actualite, lieu-aide, collectivite, demarche, formulaire…' }),
    libelleType: Type.String(),
    id: Type.String(),
    collectivite: Nullable(Type.Object({ id: Type.String(), nom: Nullable(Type.String()) })),
    titre: Type.String(),
    url: Type.String({ format: 'uri' }),
    extrait: Type.String(),
    local: Type.Boolean(),
    distanceKm: Nullable(Type.Number({ description: 'Distance en km depuis la commune donnée, pour les objets qui ont un lieu.' })),
    eligibilite: Type.Optional(Type.String({ format: 'uri', description: 'Pour une aide : vérifier son éligibilité.' })),
    demande: Type.Optional(Nullable(Type.String({ format: 'uri', description: 'Pour une aide : déposer une demande sur Guichet, quand c’est possible.' }))),
    avertissement: Type.Optional(Type.String({ description: 'Pour une démarche nationale ou un formulaire : la fiche vient d’une copie de 2020 de service-public.fr, le lien (url) ouvre la version à jour.' })),
    servicesEnLigne: Type.Optional(
      Type.Array(Type.Object({ titre: Type.String(), type: Type.String(), url: Type.String({ format: 'uri' }) }), {
        description: 'Pour une démarche nationale : les services en ligne qui permettent de la faire (au plus 3).',
      }),
    ),
  },
  { $id: 'ResultatRecherche' },
);

export const SearchAnswerSchema = Type.Object(
  {
    requete: Type.String(),
    tronquee: Type.Boolean(),
    corrigee: Nullable(Type.String({ description: 'Les mots réellement cherchés quand des fautes ont été corrigées.' })),
    certainsMots: Type.Boolean({ description: 'Aucun résultat ne contient tous les mots : ceux-ci en contiennent une partie.' }),
    total: Type.Integer({ description: 'Le nombre de résultats ; un minimum quand totalPartiel est vrai.' }),
    totalPartiel: Type.Boolean({
      description:
        'Vrai quand les mots se trouvent dans plus de 1 000 objets : la recherche cesse alors de compter. total est un minimum, seuls les 1 000 premiers résultats trouvés sont classés et paginés (au plus 100 pages), et les nombres des facettes sont comptés parmi eux.',
    }),
    page: Type.Integer(),
    pages: Type.Integer(),
    commune: Nullable(
      Type.Object(
        {
          saisie: Type.String(),
          communes: Type.String({ description: 'Nom(s) des communes reconnues (plusieurs pour un code postal partagé).' }),
          codes: Type.Array(Type.String(), { description: 'Codes INSEE.' }),
          rayonKm: Type.Integer(),
        },
        { description: 'La commune reconnue, quand « commune » est donné.' },
      ),
    ),
    facettes: Type.Object(Object.fromEntries(FACETS.map((f) => [f, Type.Array(FacetValueSchema)])), {
      description: 'Pour chaque filtre, ses valeurs avec le nombre de résultats sous les autres filtres ; les valeurs choisies sont toujours présentes.',
    }),
    resultats: Type.Array(HitSchema),
  },
  { description: 'Les résultats de la page demandée (liste vide au-delà de la dernière page).' },
);

export const MissesQuery = Type.Object({
  collectivite: Type.Optional(Type.String({ description: 'Seulement les recherches faites dans l’espace de cette collectivité.', examples: ['brest'] })),
  depuis: Type.Optional(Type.String({ format: 'date', description: 'Premier jour compté (AAAA-MM-JJ) ; par défaut, 30 jours avant aujourd’hui.' })),
  ...PaginationQuery,
});

export const MissSchema = Type.Object(
  {
    jour: Type.String({ format: 'date' }),
    collectivite: Type.String({ description: 'L’espace de collectivité où la recherche a été faite.' }),
    mots: Type.String({ description: 'Les mots cherchés, simplifiés ; vide : les autres recherches du jour, regroupées.' }),
    nombre: Type.Integer({ description: 'Combien de fois ces mots ont été cherchés ce jour-là sans résultat.' }),
  },
  { $id: 'RechercheSansResultat' },
);
