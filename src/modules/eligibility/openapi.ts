/**
 * The OpenAPI 3.1 description of Guichet's public API, served at /api/v1/openapi.json. The
 * situation's schema is the TypeBox schema the route validates with: one source, no drift.
 */
import { SituationSchema } from './situation';
import { searchOpenApiPath } from '../search';

const plain = (schema: unknown) => {
  const copy = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  delete copy.$id;
  return copy;
};

const Reason = {
  type: 'object',
  required: ['texte', 'statut', 'phrase', 'regle'],
  properties: {
    texte: { type: 'string', description: 'La raison en mots simples, tirée de la règle : « Vous avez 19 ans : cette aide est réservée aux 16–25 ans ».' },
    statut: { enum: ['remplie', 'non_remplie', 'a_verifier'] },
    phrase: { type: 'string', description: 'La même raison suivie de ✓, ✗ ou ?.' },
    regle: { type: 'string', description: 'La condition seule, comme sur la page de l’aide.' },
  },
};

const Question = {
  type: 'object',
  required: ['id', 'question', 'propre_a_l_aide'],
  properties: {
    id: { type: 'string', description: 'Un champ de Situation (commune, age, situation…) ou l’identifiant t-… d’une condition à vérifier, à donner dans « reponses ».' },
    question: { type: 'string' },
    condition: { type: 'string', description: 'Pour une condition à vérifier : la condition elle-même.' },
    propre_a_l_aide: { type: 'boolean', description: 'La réponse ne vaut que pour cette aide.' },
  },
};

const AidResult = {
  type: 'object',
  required: ['id', 'nom', 'porteur', 'statut', 'raisons', 'a_verifier_aussi', 'questions_manquantes', 'lien_officiel', 'page', 'calcul'],
  properties: {
    id: { type: 'string' },
    nom: { type: 'string' },
    porteur: { type: 'string' },
    type_porteur: { type: 'string' },
    statut: { enum: ['eligible', 'a_verifier', 'non_eligible'] },
    montant: { type: ['string', 'null'], description: 'Le montant indiqué par l’aide, en mots.' },
    raisons: { type: 'array', items: { $ref: '#/components/schemas/Raison' } },
    a_verifier_aussi: {
      type: 'array',
      items: { type: 'string' },
      description: 'Les conditions d’information (non bloquantes) que Guichet ne vérifie pas : à vérifier sur la page officielle ; elles ne changent pas le statut.',
    },
    questions_manquantes: { type: 'array', items: { $ref: '#/components/schemas/Question' } },
    lien_officiel: { type: 'string', format: 'uri' },
    page: { type: 'string', format: 'uri' },
    calcul: { type: 'string', format: 'uri', description: 'La page « Comment est-ce calculé ? » de l’aide.' },
  },
};

const Problem = {
  type: 'object',
  description: 'RFC 9457 problem details; errors lists each field with its message in French.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', examples: ['bad_request', 'validation_failed', 'too_many_requests'] },
    instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { pointer: { type: 'string', examples: ['#/commune'] }, detail: { type: 'string' } } } },
  },
};

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Probleme' } } } });

export function openApiDocument(publicUrl: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Guichet – API publique',
      version: '1.0.0',
      description:
        'Les aides publiques de Guichet et le calcul d’éligibilité avec ses raisons. Le calcul est celui des pages « Comment est-ce calculé ? » ; sa documentation : docs/eligibility.md. Limite : 60 requêtes par minute et par adresse IP pour le calcul.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: publicUrl }],
    paths: {
      '/api/v1/eligibilite': {
        post: {
          operationId: 'eligibilite',
          summary: 'Les aides auxquelles une situation donne droit, avec les raisons',
          description:
            'Toutes les valeurs sont facultatives : ce qui manque rend les aides concernées « à vérifier », avec les questions qui décideraient. Les aides dont le territoire ou les bornes d’âge excluent la personne ne sont pas évaluées (hors_perimetre les compte), ni, quand on sait pour qui la recherche est faite, celles qui sont pour l’autre sorte de demandeur (autre_demandeur les compte : les aides aux organisations pour un particulier, et inversement).',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Situation' },
                examples: {
                  etudiant: { summary: 'Étudiant de 19 ans à Rennes', value: { age: 19, commune: '35238', situation: 'etudiant', boursier: true, annee_etude: 'licence_2' } },
                },
              },
            },
          },
          responses: {
            '200': {
              description: 'Le résultat, aide par aide.',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['date', 'eligibles', 'a_verifier', 'non_eligibles', 'hors_perimetre', 'autre_demandeur'],
                    properties: {
                      date: { type: 'string', format: 'date', description: 'Le jour du calcul (l’âge en dépend).' },
                      lieu: { type: ['object', 'null'] },
                      age: { type: ['integer', 'null'] },
                      eligibles: { type: 'array', items: { $ref: '#/components/schemas/ResultatAide' } },
                      a_verifier: { type: 'array', items: { $ref: '#/components/schemas/ResultatAide' } },
                      non_eligibles: { type: 'array', items: { $ref: '#/components/schemas/ResultatAide' } },
                      hors_perimetre: { type: 'integer' },
                      autre_demandeur: { type: 'integer', description: 'Aides non évaluées car destinées à l’autre sorte de demandeur (particulier ou organisation).' },
                      question_suivante: { oneOf: [{ $ref: '#/components/schemas/Question' }, { type: 'null' }], description: 'La question qui déciderait le plus d’aides.' },
                    },
                  },
                },
              },
            },
            '400': problem('Le corps ne suit pas le schéma (champ inconnu, mauvais type, format).'),
            '422': problem('Des valeurs impossibles : date future, commune inconnue, âge et date de naissance qui ne concordent pas.'),
            '429': problem('Trop de requêtes : réessayez plus tard (en-tête Retry-After).'),
          },
        },
      },
      '/api/v1/aides': {
        get: {
          operationId: 'aides',
          summary: 'Export ouvert des aides publiées (format docs/aid-format.md)',
          parameters: [
            { name: 'collectivite', in: 'query', required: false, schema: { type: 'string' }, description: 'Identifiant d’une collectivité de Guichet, par exemple brest.' },
            { name: 'format', in: 'query', required: false, schema: { enum: ['json', 'csv'] } },
          ],
          responses: {
            '200': {
              description: 'Les aides, en JSON (schéma /docs/aid.schema.json) ou en CSV.',
              content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } },
            },
            '400': problem('Paramètre invalide.'),
          },
        },
      },
      '/api/v1/recherche': searchOpenApiPath,
      '/api/v1/openapi.json': { get: { operationId: 'openapi', summary: 'Ce document', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } } } },
    },
    components: {
      schemas: { Situation: plain(SituationSchema), ResultatAide: AidResult, Raison: Reason, Question, Probleme: Problem },
    },
  };
}
