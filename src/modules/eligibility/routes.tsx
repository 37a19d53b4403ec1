/**
 * The questionnaire (`/aides/simulateur`): one question per page, answers in a sealed cookie
 * (docs/eligibility.md, « The questionnaire »); the results (results-routes.tsx) and the API
 * (api-routes.ts) are registered from here.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { FormBody, NoQuery, Params, Query, Text } from '../../platform/http/route-schemas';
import { KeptByKey } from '../../platform/db/kept-by-key';
import { NotFoundError } from '../../platform/http/errors';
import { aidsDb, publishedAid, type TextCondition } from '../aids';
import { communesForPostalCode, ORGANISATION_TYPES, readProfile, type Profile } from '../profile';
import { apiRoutes } from './api-routes';
import { isFactQuestion, todayInFrance } from './facts';
import { findText, prefill, PROFILE_FIELDS, skippedOf } from './profile-answers';
import { currentValue, factLabel, parseAnswer, QUESTIONS } from './questions';
import { resultsRoutes } from './results-routes';
import { keptOutcome, nextQuestionFor, type Outcome } from './service';
import type { Situation } from './situation';
import { clearState, emptyState, readState, writeState, type SimulatorState } from './state';
import { communesByName } from './store';
import { AIDS, BASE, CRUMB, HOME, IntroPage, QuestionPage, questionHref, questionTitle, TITLE, type QuestionView } from './views/simulator';

/** A question: a fact (`commune`, `date_naissance`…) or an aid's text condition (`t-` and 10 hex digits). */
const QuestionParams = Params({ id: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,59}$', maxLength: 60 }) });
/** `?aide=<id>`: the question was asked from an aid's results (its id is checked by the handler). */
const QuestionQuery = Query({ aide: Text });
/** What a question's form sends (views/simulator.tsx): the answer, or the commune search, or « passer ». */
const AnswerBody = FormBody({ reponse: Text, recherche: Text, commune: Text, action: Text });

export async function eligibilityRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const { db } = platform;
  /**
   * Each person's profile, kept until it changes on any instance (row-level trigger of migration
   * 0212) or this instance writes it: the results page no longer reads it on every view. Saving
   * answers to the profile still reads it afresh.
   */
  const profiles = new KeptByKey<Profile>(db, 'profile_fields', { localWrites: true });
  const keptProfile = (accountId: string) => profiles.get(accountId, () => readProfile(db, accountId));

  /** The visitor's answers; for a signed-in person, completed once from their profile. */
  async function stateOf(request: FastifyRequest, reply: FastifyReply): Promise<SimulatorState> {
    let state = readState(request) ?? emptyState();
    const account = await request.currentAccount();
    if (account && state.profileOf !== account.id) {
      state = prefill(state, await keptProfile(account.id), account.id);
      writeState(reply, state);
    }
    return state;
  }

  const next = (outcome: Outcome, state: SimulatorState) => {
    const q = nextQuestionFor(outcome, skippedOf(state), state.situation.demandeur === undefined);
    return q ? questionHref(q) : `${BASE}/resultats`;
  };

  app.get(BASE, { schema: { querystring: NoQuery } }, async (request, reply) => {
    const state = await stateOf(request, reply);
    const outcome = await keptOutcome(db, state.situation, todayInFrance());
    const account = await request.currentAccount();
    return reply.page({
      title: TITLE,
      heading: 'Les aides auxquelles vous avez droit',
      breadcrumb: [HOME, AIDS, { label: TITLE }],
      main: (
        <IntroPage
          csrfToken={await reply.generateCsrf()}
          started={state.history.length > 0}
          firstHref={next(outcome, state)}
          prefilled={state.prefilled}
          signedIn={Boolean(account)}
          answered={state.history.length + state.prefilled.length}
        />
      ),
    });
  });

  app.post(`${BASE}/recommencer`, { schema: { body: FormBody({}) } }, async (_request, reply) => {
    clearState(reply);
    // A signed-in person starts again from their profile (the next page fills it in again).
    return reply.redirect(BASE, 303);
  });

  async function renderQuestion(request: FastifyRequest, id: string, aidParam: string | undefined, reply: FastifyReply, state: SimulatorState, extra: Partial<QuestionView> = {}, status = 200) {
    const today = todayInFrance();
    const outcome = await keptOutcome(db, state.situation, today);
    let text: TextCondition | undefined;
    let aidName: string | undefined;
    let aidId: string | undefined;
    if (!isFactQuestion(id)) {
      const aid = typeof aidParam === 'string' && /^[a-z0-9-]{2,120}$/.test(aidParam) ? (await publishedAid(aidsDb(db), aidParam))?.definition : undefined;
      const found = findText(aid ? [aid] : outcome.all.map((r) => r.aid), id);
      if (!found) throw new NotFoundError('Cette question n’existe pas ou ne concerne plus vos résultats.');
      text = found.condition;
      if (aid) {
        aidName = aid.name;
        aidId = aid.id;
      }
    }
    const index = state.history.indexOf(id);
    const previous = index > 0 ? state.history[index - 1] : index === -1 ? state.history[state.history.length - 1] : undefined;
    const value = isFactQuestion(id) ? currentValue(state.situation, id) : ({ true: 'oui', false: 'non', null: 'ne-sais-pas', undefined: '' } as const)[String(state.situation.reponses?.[id]) as 'true'];
    const view: QuestionView = {
      id,
      label: isFactQuestion(id) ? factLabel(id, state.situation) : undefined,
      csrfToken: await reply.generateCsrf(),
      text,
      aidName,
      aidId,
      value,
      backHref: aidId ? `${BASE}/resultats` : previous ? questionHref({ id: previous }) : BASE,
      remaining: outcome.toCheck.length,
      ...extra,
    };
    const title = questionTitle(view);
    return reply.page(
      {
        title: `${view.error ? 'Erreur : ' : ''}${title} – ${TITLE}`,
        heading: title,
        noindex: true,
        breadcrumb: [HOME, AIDS, CRUMB, { label: 'Question' }],
        main: <QuestionPage v={view} />,
      },
      { status },
    );
  }

  app.get(`${BASE}/question/:id`, { schema: { params: QuestionParams, querystring: QuestionQuery } }, async (request, reply) => {
    const { id } = request.params;
    if (!isFactQuestion(id) && !/^t-[0-9a-f]{10}$/.test(id)) throw new NotFoundError();
    const state = await stateOf(request, reply);
    return renderQuestion(request, request.params.id, request.query.aide, reply, state);
  });

  app.post(`${BASE}/question/:id`, { schema: { params: QuestionParams, querystring: QuestionQuery, body: AnswerBody } }, async (request, reply) => {
    const { id } = request.params;
    if (!isFactQuestion(id) && !/^t-[0-9a-f]{10}$/.test(id)) throw new NotFoundError();
    const aidParam = request.query.aide;
    const body = request.body;
    const field = (name: 'reponse' | 'recherche' | 'commune' | 'action') => (body[name] ?? '').slice(0, 100);
    const state = await stateOf(request, reply);
    const today = todayInFrance();
    let situation: Situation = state.situation;
    let skipped = state.skipped.filter((q) => q !== id);
    let postalCode = state.postalCode;
    let prefilled = state.prefilled;
    if (field('action') === 'passer' && isFactQuestion(id)) {
      skipped = [...skipped, id];
    } else if (!isFactQuestion(id)) {
      const answer = field('reponse');
      if (!['oui', 'non', 'ne-sais-pas'].includes(answer)) return renderQuestion(request, request.params.id, request.query.aide, reply, state, { error: 'Choisissez Oui, Non ou Je ne sais pas.' }, 422);
      situation = { ...situation, reponses: { ...situation.reponses, [id]: answer === 'ne-sais-pas' ? null : answer === 'oui' } };
    } else if (id === 'commune') {
      const search = field('recherche').trim();
      const chosen = field('commune');
      let communes: Array<{ code: string; name: string; exact?: boolean }> = [];
      if (/^\d{5}$/.test(search.replace(/\s/g, ''))) {
        postalCode = search.replace(/\s/g, '');
        communes = await communesForPostalCode(db, postalCode);
      } else if (search) communes = await communesByName(db, search);
      // « Quimper » is Quimper, not Quimperlé: a name typed in full is that commune (if only one bears it).
      const exact = communes.filter((c) => c.exact);
      const pick = communes.find((c) => c.code === chosen) ?? (communes.length === 1 ? communes[0] : !chosen && exact.length === 1 ? exact[0] : undefined);
      if (!search) return renderQuestion(request, request.params.id, request.query.aide, reply, state, { error: 'Indiquez le code postal ou le nom de votre commune.', search }, 422);
      if (!communes.length) {
        return renderQuestion(request, request.params.id, request.query.aide, reply, state, { error: 'Aucune commune de Bretagne ne correspond. Vérifiez le code postal ou le nom : Guichet connaît les communes de Bretagne.', search }, 422);
      }
      if (!pick) {
        const error = chosen ? 'Choisissez votre commune dans la liste.' : undefined;
        return renderQuestion(request, request.params.id, request.query.aide, reply, state, { search, communes, value: '', error }, error ? 422 : 200);
      }
      if (!/^\d{5}$/.test(search)) postalCode = undefined;
      situation = { ...situation, commune: pick.code };
    } else {
      const parsed = parseAnswer(id, field('reponse'), situation, today);
      if (!parsed.ok) return renderQuestion(request, request.params.id, request.query.aide, reply, state, { error: parsed.error, value: field('reponse') }, 422);
      situation = parsed.situation;
      // The person's address, taken from their profile, is not where their organisation is.
      const addressLabel = prefilled.find((p) => p.startsWith(PROFILE_FIELDS.address));
      if (id === 'demandeur' && situation.demandeur === 'organisation' && addressLabel) {
        delete situation.commune;
        prefilled = prefilled.filter((p) => p !== addressLabel);
      }
      // « Dites-le-nous une fois »: the organisation declared in the profile gives its type.
      const account = id === 'demandeur' && situation.demandeur === 'organisation' && situation.organisation?.type === undefined ? await request.currentAccount() : undefined;
      const declared = account ? (await readProfile(db, account.id)).organisation?.value : undefined;
      if (declared) {
        situation = { ...situation, organisation: { ...situation.organisation, type: declared.type } };
        prefilled = [...prefilled, `${QUESTIONS.organisation_type.short} (${ORGANISATION_TYPES[declared.type].toLowerCase()})`];
      }
    }
    const index = state.history.indexOf(id);
    const history = index >= 0 ? state.history.slice(0, index + 1) : [...state.history, id];
    const updated: SimulatorState = { ...state, situation, skipped, history, postalCode, prefilled };
    writeState(reply, updated);
    if (typeof aidParam === 'string') return reply.redirect(`${BASE}/resultats`, 303);
    const outcome = await keptOutcome(db, situation, today);
    return reply.redirect(next(outcome, updated), 303);
  });

  await resultsRoutes(fastify, { keptProfile, stateOf });
  await apiRoutes(fastify);
}
