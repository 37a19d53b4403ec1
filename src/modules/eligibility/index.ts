import type { GuichetModule } from '../../platform/module';
import { likelyAidsPort } from './likely-aids';
import { eligibilityRoutes } from './routes';

export { evaluateCondition, evaluateAid, decisive, nextQuestion, sentence, type AidResult, type Evaluation, type MissingQuestion, type Status, type Truth } from './engine';
export { textQuestionId, ageOn, todayInFrance, type Facts, type Place } from './facts';
export { evaluateSituation, nextQuestionFor, type Outcome } from './service';
export { SituationSchema, toFacts, type Situation } from './situation';

/** C5 b: eligibility with reasons — the engine, the questionnaire, the results, the API. */
export const eligibilityModule: GuichetModule = {
  name: 'eligibility',
  plugin: async (app) => {
    app.platform.likelyAids = likelyAidsPort(app.platform.db);
    await eligibilityRoutes(app);
  },
};
