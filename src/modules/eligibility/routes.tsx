import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../platform/audit/audit';
import { KeptByKey } from '../../platform/db/kept-by-key';
import { AppError, NotFoundError } from '../../platform/http/errors';
import type { PageView } from '../../platform/views/layout';
import { PersonalPages } from '../../platform/views/personal-pages';
import { aidsDb, publishedAid, walk, type Aid, type TextCondition } from '../aids';
import { communesForPostalCode, isCertified, ORGANISATION_TYPES, readProfile, writeDeclared, type Profile } from '../profile';
import { findCommune } from '../territories';
import { evaluateAid, type AidResult } from './engine';
import { FACT_QUESTIONS, isFactQuestion, textQuestionId, todayInFrance, type FactQuestion } from './facts';
import { openApiDocument } from './openapi';
import { answerText, currentValue, factLabel, isAnswered, parseAnswer, QUESTIONS } from './questions';
import { keptOutcome, nextQuestionFor, type Outcome } from './service';
import { requesterOf, SituationSchema, semanticErrors, structuralErrors, toFacts, type Situation } from './situation';
import { clearState, emptyState, readState, STATE_COOKIE, writeState, type SimulatorState } from './state';
import { communesByName, countPublished, resolvePlace } from './store';
import { toApiResult } from './api';
import { CalculPage } from './views/calcul';
import { LISTS, PER_PAGE, ResultsPage, type ListName, type ResultsView } from './views/results';
import { BASE, IntroPage, QuestionPage, questionHref, questionTitle, type QuestionView } from './views/simulator';

const TITLE = 'Mes droits aux aides';
const HOME = { label: 'Accueil', href: '/' };
const AIDS = { label: 'Les aides publiques', href: '/aides' };
const CRUMB = { label: TITLE, href: BASE };

/** Questions the person said « je ne sais pas » to: not asked again. */
function skippedOf(state: SimulatorState): string[] {
  return [...state.skipped, ...Object.entries(state.situation.reponses ?? {}).filter(([, v]) => v === null).map(([k]) => k)];
}

function findText(aids: Aid[], id: string): { condition: TextCondition; aid: Aid } | undefined {
  for (const aid of aids) {
    let found: TextCondition | undefined;
    walk(aid.eligibility, '', (c) => {
      if (!found && c.type === 'text' && textQuestionId(c, aid.id) === id) found = c;
    });
    if (found) return { condition: found, aid };
  }
  return undefined;
}

/** What the simulator can take from the profile, and its words. */
const PROFILE_FIELDS = { birthdate: 'Date de naissance', address: 'Commune', situation: 'Situation', household: 'Enfants à charge' } as const;

function prefill(state: SimulatorState, profile: Profile, accountId: string): SimulatorState {
  const s: Situation = { ...state.situation };
  const taken: string[] = [];
  if (profile.birthdate && !isAnswered(s, 'age')) {
    s.date_naissance = profile.birthdate.value;
    taken.push(PROFILE_FIELDS.birthdate);
  }
  if (profile.address && !s.commune) {
    s.commune = profile.address.value.commune_code;
    taken.push(`${PROFILE_FIELDS.address} (${profile.address.value.commune_name})`);
  }
  if (profile.situation && !s.situation) {
    s.situation = profile.situation.value;
    taken.push(PROFILE_FIELDS.situation);
  }
  if (profile.household && s.enfants === undefined) {
    s.enfants = profile.household.value.children;
    s.adultes = profile.household.value.adults;
    taken.push(PROFILE_FIELDS.household);
  }
  return { ...state, situation: s, prefilled: [...state.prefilled, ...taken], profileOf: accountId };
}

/** The fields the person may keep in their profile: different from it, and never certified ones. */
function saveable(s: Situation, profile: Profile): { fields: Array<keyof typeof PROFILE_FIELDS>; certified: Array<keyof typeof PROFILE_FIELDS> } {
  const fields: Array<keyof typeof PROFILE_FIELDS> = [];
  const certified: Array<keyof typeof PROFILE_FIELDS> = [];
  const consider = (name: keyof typeof PROFILE_FIELDS, differs: boolean) => {
    if (!differs) return;
    if (isCertified(profile[name])) certified.push(name);
    else fields.push(name);
  };
  consider('birthdate', s.date_naissance !== undefined && profile.birthdate?.value !== s.date_naissance);
  // An organisation's commune is where it is, not the person's address.
  consider('address', s.demandeur !== 'organisation' && s.commune !== undefined && profile.address?.value.commune_code !== s.commune);
  consider('situation', s.situation !== undefined && profile.situation?.value !== s.situation);
  consider('household', s.enfants !== undefined && profile.household?.value.children !== s.enfants);
  return { fields, certified };
}

export async function eligibilityRoutes(app: FastifyInstance): Promise<void> {
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

  app.get(BASE, async (request, reply) => {
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

  app.post(`${BASE}/recommencer`, async (_request, reply) => {
    clearState(reply);
    // A signed-in person starts again from their profile (the next page fills it in again).
    return reply.redirect(BASE, 303);
  });

  async function renderQuestion(request: FastifyRequest, reply: FastifyReply, state: SimulatorState, extra: Partial<QuestionView> = {}, status = 200) {
    const { id } = request.params as { id: string };
    const aidParam = (request.query as { aide?: string }).aide;
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

  app.get(`${BASE}/question/:id`, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!isFactQuestion(id) && !/^t-[0-9a-f]{10}$/.test(id)) throw new NotFoundError();
    const state = await stateOf(request, reply);
    return renderQuestion(request, reply, state);
  });

  app.post(`${BASE}/question/:id`, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!isFactQuestion(id) && !/^t-[0-9a-f]{10}$/.test(id)) throw new NotFoundError();
    const aidParam = (request.query as { aide?: string }).aide;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, 100) : '');
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
      if (!['oui', 'non', 'ne-sais-pas'].includes(answer)) return renderQuestion(request, reply, state, { error: 'Choisissez Oui, Non ou Je ne sais pas.' }, 422);
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
      if (!search) return renderQuestion(request, reply, state, { error: 'Indiquez le code postal ou le nom de votre commune.', search }, 422);
      if (!communes.length) {
        return renderQuestion(request, reply, state, { error: 'Aucune commune de Bretagne ne correspond. Vérifiez le code postal ou le nom : Guichet connaît les communes de Bretagne.', search }, 422);
      }
      if (!pick) {
        const error = chosen ? 'Choisissez votre commune dans la liste.' : undefined;
        return renderQuestion(request, reply, state, { search, communes, value: '', error }, error ? 422 : 200);
      }
      if (!/^\d{5}$/.test(search)) postalCode = undefined;
      situation = { ...situation, commune: pick.code };
    } else {
      const parsed = parseAnswer(id, field('reponse'), situation, today);
      if (!parsed.ok) return renderQuestion(request, reply, state, { error: parsed.error, value: field('reponse') }, 422);
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

  async function renderResults(request: FastifyRequest, reply: FastifyReply, state: SimulatorState, save?: { error?: string; done?: boolean }, status = 200) {
    return reply.page(await resultsView(request, reply, state, save), { status });
  }

  async function resultsView(request: FastifyRequest, reply: FastifyReply, state: SimulatorState, save?: { error?: string; done?: boolean }): Promise<PageView> {
    const query = request.query as { liste?: string; page?: string };
    const outcome = await keptOutcome(db, state.situation, todayInFrance());
    const listName = query.liste && query.liste in LISTS ? (query.liste as ListName) : undefined;
    let list: ResultsView['list'];
    if (listName) {
      const all = { eligibles: outcome.eligible, 'a-verifier': outcome.toCheck, 'non-eligibles': outcome.notEligible }[listName];
      const pages = Math.max(1, Math.ceil(all.length / PER_PAGE));
      const page = Math.min(pages, Math.max(1, Number(/^\d{1,4}$/.test(query.page ?? '') ? query.page : 1)));
      list = { name: listName, results: all.slice((page - 1) * PER_PAGE, page * PER_PAGE), page, pages };
    }
    const account = await request.currentAccount();
    let saveView: ResultsView['save'];
    if (account) {
      const { fields, certified } = saveable(state.situation, await keptProfile(account.id));
      saveView = { fields: fields.map((f) => PROFILE_FIELDS[f]), certified: certified.map((f) => PROFILE_FIELDS[f]), ...save };
    }
    const nextQ = nextQuestionFor(outcome, skippedOf(state), state.situation.demandeur === undefined);
    const answers = FACT_QUESTIONS.filter((q) => isAnswered(state.situation, q)).map((q) => ({
      label: QUESTIONS[q].short,
      value: answerText(state.situation, q, q === 'commune' && outcome.place ? `${outcome.place.communeName} (${outcome.place.departementName})` : undefined),
      href: questionHref({ id: q }),
    }));
    const view: ResultsView = {
      csrfToken: await reply.generateCsrf(),
      counts: {
        eligible: outcome.eligible.length,
        toCheck: outcome.toCheck.length,
        nearlySure: outcome.toCheck.filter((r) => r.missing.every((q) => q.perAid)).length, notEligible: outcome.notEligible.length, outside: (await countPublished(db)) - outcome.all.length - outcome.forOthers, forOthers: outcome.forOthers, requester: state.situation.demandeur },
      list,
      eligible: outcome.eligible.slice(0, 5),
      toCheck: outcome.toCheck.slice(0, 5),
      answers,
      nextHref: nextQ ? questionHref(nextQ) : undefined,
      save: saveView,
    };
    const heading = listName ? LISTS[listName] : 'Vos résultats';
    return {
      title: `${save?.error ? 'Erreur : ' : ''}${heading}${list && list.pages > 1 ? `, page ${list.page} sur ${list.pages}` : ''} – ${TITLE}`,
      heading,
      noindex: true,
      breadcrumb: [HOME, AIDS, CRUMB, ...(listName ? [{ label: 'Résultats', href: `${BASE}/resultats` }, { label: heading }] : [{ label: 'Résultats' }])],
      main: <ResultsPage v={view} />,
    };
  }

  /**
   * A signed-in person's results, kept rendered per session (platform/views/personal-pages.tsx)
   * while their answers (the sealed cookie, as sent), the day, their profile and the published
   * aids are the same.
   */
  const resultsPages = new PersonalPages(db, ['aids', 'content_menu_entries', 'content_items']);
  app.get(`${BASE}/resultats`, async (request, reply) => {
    const account = await request.currentAccount();
    const input = { key: `${todayInFrance()}|${request.cookies[STATE_COOKIE] ?? ''}`, deps: account ? [keptProfile(account.id)] : [] };
    return resultsPages.send(request, reply, input, async () => {
      const state = await stateOf(request, reply);
      const done = (request.query as { fait?: string }).fait === 'profil';
      return { view: await resultsView(request, reply, state, done ? { done } : undefined) };
    });
  });

  app.post(`${BASE}/enregistrer`, async (request, reply) => {
    const account = await request.currentAccount();
    if (!account) return reply.redirect(`/connexion?suite=${encodeURIComponent(`${BASE}/resultats`)}`, 303);
    const state = await stateOf(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.accord !== 'oui') return renderResults(request, reply, state, { error: 'Cochez la case pour accepter que Guichet garde ces réponses dans votre profil.' }, 422);
    const profile = await readProfile(db, account.id);
    const { fields } = saveable(state.situation, profile);
    const s = state.situation;
    for (const f of fields) {
      if (f === 'birthdate') await writeDeclared(db, account.id, 'birthdate', s.date_naissance!);
      if (f === 'situation') await writeDeclared(db, account.id, 'situation', s.situation!);
      if (f === 'household') await writeDeclared(db, account.id, 'household', { adults: s.adultes ?? profile.household?.value.adults ?? 1, children: s.enfants! });
      if (f === 'address') {
        const commune = await findCommune(db, s.commune!);
        if (!commune) continue;
        // The street of another commune would be wrong: only the commune and its postal code are kept.
        const postal = state.postalCode && commune.postal_codes.includes(state.postalCode) ? state.postalCode : (commune.postal_codes[0] ?? '');
        await writeDeclared(db, account.id, 'address', { street: '', postal_code: postal, commune_code: commune.code, commune_name: commune.name });
      }
    }
    if (fields.length) {
      await audit(db, { action: 'profile.update', actor: { id: account.id, label: account.displayName, ip: request.ip }, targetType: 'account', targetId: account.id, details: { fields, from: 'simulateur' } });
    }
    return reply.redirect(`${BASE}/resultats?fait=profil`, 303);
  });

  app.get('/aides/:id/calcul', async (request, reply) => {
    const { id } = request.params as { id: string };
    const row = /^[a-z0-9-]{2,120}$/.test(id) ? await publishedAid(aidsDb(db), id) : undefined;
    if (!row) throw new NotFoundError('Cette aide n’existe pas ou n’est pas publiée.');
    const aid = row.definition;
    const state = readState(request);
    let result: AidResult | undefined;
    if (state && Object.keys(state.situation).length > 0) {
      const today = todayInFrance();
      const place = state.situation.commune ? await resolvePlace(db, state.situation.commune) : undefined;
      result = evaluateAid(aid, toFacts(state.situation, place, today), today);
    }
    return reply.page({
      title: `Comment est-ce calculé ? ${aid.name}`,
      heading: `Comment est-ce calculé ? ${aid.name}`,
      breadcrumb: [HOME, AIDS, { label: aid.name, href: `/aides/${aid.id}` }, { label: 'Comment est-ce calculé ?' }],
      main: <CalculPage result={result} rule={aid.eligibility} aidId={aid.id} officialLink={aid.link} />,
    });
  });

  // ---------------------------------------------------------------- API

  app.post(
    '/api/v1/eligibilite',
    {
      schema: { body: SituationSchema },
      // TypeBox checks the body as it is (Fastify's default Ajv would coerce types and drop
      // unknown fields silently) and reports every error, each with its JSON pointer.
      validatorCompiler: () => (data: unknown) => {
        const fields = structuralErrors(data);
        return Object.keys(fields).length ? { error: Object.assign(new Error('invalid situation'), { fields }) } : { value: data };
      },
      attachValidation: true,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
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

  app.get('/api/v1/openapi.json', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300').send(openApiDocument(platform.publicUrl)),
  );
}
