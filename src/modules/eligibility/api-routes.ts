/** The eligibility API: `POST /api/v1/eligibilite` (docs/eligibility.md, « API »). */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/http/errors';
import { toApiResult } from './api';
import { todayInFrance, type FactQuestion } from './facts';
import { EligibilityAnswerSchema } from './api-schemas';
import { problems } from '../../platform/api/schemas';
import { QUESTIONS } from './questions';
import { keptOutcome, nextQuestionFor } from './service';
import { requesterOf, SituationSchema, semanticErrors, structuralErrors, type Situation } from './situation';
import { countPublished, resolvePlace } from './store';

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const { db } = platform;
  app.post(
    '/api/v1/eligibilite',
    {
      schema: {
        operationId: 'calculer-eligibilite',
        tags: ['eligibilite'],
        summary: 'Les aides auxquelles une situation donne droit, avec les raisons',
        description:
          'Toutes les valeurs sont facultatives : ce qui manque rend les aides concernées « à vérifier », avec les questions qui décideraient. Les aides dont le territoire ou les bornes d’âge excluent la personne ne sont pas évaluées (hors_perimetre les compte), ni, quand on sait pour qui la recherche est faite, celles qui sont pour l’autre sorte de demandeur (autre_demandeur les compte : les aides aux organisations pour un particulier, et inversement). Limite : 60 requêtes par minute et par adresse IP.',
        body: SituationSchema,
        response: {
          200: EligibilityAnswerSchema,
          ...problems(400, 422),
        },
      },
      // TypeBox checks the body as it is (Fastify's default Ajv would coerce types and drop
      // unknown fields silently) and reports every error, each with its JSON pointer.
      validatorCompiler: () => (data: unknown) => {
        const fields = structuralErrors(data);
        return Object.keys(fields).length ? { error: Object.assign(new Error('invalid situation'), { fields }) } : { value: data };
      },
      attachValidation: true,
      // Quotas: the API gate of the developers module (docs/api.md).
      config: { apiScope: 'aides:lecture' },
    },
    async (request, reply) => {
      if (request.validationError) {
        const fields = (request.validationError as Error & { fields?: Record<string, string> }).fields ?? { corps: 'Un objet JSON est attendu.' };
        throw new AppError(400, 'bad_request', 'Situation mal formée', 'Le corps de la requête ne suit pas le schéma « Situation » (voir /api/v1/openapi.json).', fields);
      }
      const situation = (request.body ?? {}) as Situation;
      const today = todayInFrance();
      const errors = semanticErrors(situation, today);
      if (situation.commune && !(await resolvePlace(db, situation.commune))) errors.commune = 'Aucune commune de Bretagne n’a ce code COG.';
      if (Object.keys(errors).length) throw new AppError(422, 'validation_failed', 'Situation à corriger', 'Certaines valeurs ne sont pas possibles.', errors);
      const outcome = await keptOutcome(db, situation, today);
      const base = platform.publicUrl;
      const nextQ = nextQuestionFor(outcome, [], requesterOf(situation) === undefined);
      return reply.header('cache-control', 'no-store').send({
        date: today,
        lieu: outcome.place ? { commune: outcome.place.commune, nom: outcome.place.communeName, epci: outcome.place.epci ?? null, departement: outcome.place.departement, region: outcome.place.region } : null,
        age: outcome.age ?? null,
        eligibles: outcome.eligible.map((r) => toApiResult(r, base)),
        a_verifier: outcome.toCheck.map((r) => toApiResult(r, base)),
        non_eligibles: outcome.notEligible.map((r) => toApiResult(r, base)),
        hors_perimetre: (await countPublished(db)) - outcome.all.length - outcome.forOthers,
        autre_demandeur: outcome.forOthers,
        question_suivante: nextQ ? { id: nextQ.id, question: nextQ.text ? (nextQ.text.question ?? nextQ.text.text) : QUESTIONS[nextQ.id as FactQuestion].label } : null,
      });
    },
  );

}
