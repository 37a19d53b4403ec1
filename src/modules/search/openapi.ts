import { FACETS } from './facets';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Probleme' } } } });

function facetParameter(name: string, description: string) {
  return [{ name, in: 'query', required: false, style: 'form', explode: true, schema: { type: 'array', items: { type: 'string', maxLength: 60 } }, description }];
}

/** One value of a facet in the answer of GET /api/v1/recherche. */
const facetValueSchema = {
  type: 'object',
  required: ['valeur', 'libelle', 'nombre', 'choisie'],
  properties: { valeur: { type: 'string' }, libelle: { type: 'string' }, nombre: { type: 'integer' }, choisie: { type: 'boolean' } },
};

/** The path of GET /api/v1/recherche in the OpenAPI document (assembled by the eligibility module). */
export const searchOpenApiPath = {
  get: {
    operationId: 'recherche',
    summary: 'Une seule recherche : aides, pages, actualités, lieux d’aide, collectivités et démarches nationales (service-public.fr)',
    description:
      'Recherche en français (majuscules et accents ignorés, pluriels et conjugaisons rapprochés, fautes de frappe corrigées). 10 résultats par page. Filtres (facettes) combinables : les valeurs d’un même filtre s’ajoutent (OU), les filtres se cumulent (ET) ; chaque valeur de facette compte les résultats sous les autres filtres. Au-delà de 1 000 objets trouvés, la recherche cesse de compter (totalPartiel) : les objets dont le titre contient les mots viennent d’abord. Avec une commune, les lieux à plus de 30 km sont écartés et les autres viennent d’abord, du plus proche au plus loin. Ouvert à toutes les origines (CORS).',
    parameters: [
      { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Les mots cherchés ; au-delà de 200 caractères, la requête est tronquée (tronquee: true).' },
      { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1 } },
      { name: 'collectivite', in: 'query', required: false, schema: { type: 'string' }, description: 'Identifiant d’une collectivité : ses résultats viennent d’abord (local: true).' },
      { name: 'exact', in: 'query', required: false, schema: { enum: ['1'] }, description: 'Ne pas corriger les fautes de frappe.' },
      ...facetParameter('type', 'Type d’objet, répétable : aide, page, actualite, lieu-aide, collectivite.'),
      ...facetParameter('autorite', 'Identifiant d’une collectivité qui publie l’objet, répétable (par exemple « brest »).'),
      ...facetParameter('territoire', 'Code d’un département où l’objet s’applique ou se trouve, répétable (par exemple « 29 ») : aides par leur territoire (une aide de la Région compte dans chacun de ses départements, une aide nationale dans aucun), lieux d’aide par leur commune, collectivités par leur territoire, pages et actualités par le territoire de la collectivité qui les publie.'),
      ...facetParameter('epci', 'SIREN d’une intercommunalité (EPCI) où l’objet s’applique ou se trouve, répétable (par exemple « 242900314 » pour Brest Métropole) : un objet de sa commune, de l’EPCI lui-même, ou de son département ou de la Région tout entiers. Ses nombres (facettes.epci) sont donnés pour les intercommunalités des départements choisis (territoire), de la commune donnée (commune) et des intercommunalités choisies ; sinon la liste est vide.'),
      ...facetParameter('public', 'Public visé, répétable (par exemple « jeune », « etudiant », « famille »).'),
      ...facetParameter('theme', 'Thème, répétable (par exemple « mobilite », « logement »).'),
      { name: 'dates', in: 'query', required: false, style: 'form', explode: true, schema: { type: 'array', items: { enum: ['ouvert', 'bientot'] } }, description: 'ouvert : ouvert aujourd’hui ; bientot : se termine dans les 30 jours. Répétable.' },
      { name: 'commune', in: 'query', required: false, schema: { type: 'string', maxLength: 100 }, description: 'Nom ou code postal d’une commune de Bretagne : les lieux à plus de 30 km sont écartés, les autres viennent d’abord avec leur distance (distanceKm). Commune inconnue : erreur 400.' },
    ],
    responses: {
      '200': {
        description: 'Les résultats de la page demandée (liste vide au-delà de la dernière page).',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['requete', 'tronquee', 'corrigee', 'certainsMots', 'total', 'totalPartiel', 'page', 'pages', 'resultats'],
              properties: {
                requete: { type: 'string' },
                tronquee: { type: 'boolean' },
                corrigee: { type: ['string', 'null'], description: 'Les mots réellement cherchés quand des fautes ont été corrigées.' },
                certainsMots: { type: 'boolean', description: 'Aucun résultat ne contient tous les mots : ceux-ci en contiennent une partie.' },
                total: { type: 'integer', description: 'Le nombre de résultats ; un minimum quand totalPartiel est vrai.' },
                totalPartiel: {
                  type: 'boolean',
                  description:
                    'Vrai quand les mots se trouvent dans plus de 1 000 objets : la recherche cesse alors de compter. total est un minimum (au plus 1 000 : « plus de 1 000 résultats »), seuls les 1 000 premiers résultats trouvés sont classés et paginés (au plus 100 pages), et les nombres des facettes sont comptés parmi eux (ce sont des minimums).',
                },
                page: { type: 'integer' },
                pages: { type: 'integer' },
                commune: {
                  type: ['object', 'null'],
                  description: 'La commune reconnue, quand « commune » est donné.',
                  properties: { saisie: { type: 'string' }, communes: { type: 'string', description: 'Nom(s) des communes reconnues (plusieurs pour un code postal partagé).' }, codes: { type: 'array', items: { type: 'string' }, description: 'Codes INSEE.' }, rayonKm: { type: 'integer' } },
                },
                facettes: {
                  type: 'object',
                  description: 'Pour chaque filtre, ses valeurs avec le nombre de résultats sous les autres filtres (un minimum quand totalPartiel est vrai) ; les valeurs choisies sont toujours présentes.',
                  properties: Object.fromEntries(FACETS.map((f) => [f, { type: 'array', items: facetValueSchema }])),
                },
                resultats: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      type: { enum: ['aide', 'page', 'actualite', 'lieu-aide', 'collectivite', 'demarche', 'formulaire'] },
                      libelleType: { type: 'string' },
                      id: { type: 'string' },
                      collectivite: { type: ['object', 'null'], properties: { id: { type: 'string' }, nom: { type: 'string' } } },
                      titre: { type: 'string' },
                      url: { type: 'string', format: 'uri' },
                      extrait: { type: 'string' },
                      local: { type: 'boolean' },
                      distanceKm: { type: ['number', 'null'], description: 'Distance en km depuis la commune donnée, pour les objets qui ont un lieu.' },
                      eligibilite: { type: 'string', format: 'uri', description: 'Pour une aide : vérifier son éligibilité.' },
                      demande: { type: ['string', 'null'], format: 'uri', description: 'Pour une aide : déposer une demande sur Guichet, quand c’est possible.' },
                      avertissement: { type: 'string', description: 'Pour une démarche nationale ou un formulaire : la fiche vient d’une copie de 2020 de service-public.fr, le lien (url) ouvre la version à jour.' },
                      servicesEnLigne: {
                        type: 'array',
                        description: 'Pour une démarche nationale : les services en ligne qui permettent de la faire (au plus 3).',
                        items: { type: 'object', properties: { titre: { type: 'string' }, type: { type: 'string' }, url: { type: 'string', format: 'uri' } } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      '400': problem('Paramètre invalide (page qui n’est pas un nombre entier, collectivité ou commune inconnue, paramètre répété).'),
    },
  },
};
