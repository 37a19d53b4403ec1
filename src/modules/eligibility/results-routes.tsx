/**
 * The simulator's results (`/aides/simulateur/resultats`), saving answers to the profile, and
 * « Comment est-ce calculé ? » (`/aides/:id/calcul`): docs/eligibility.md, « Results ».
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { FormBody, NoQuery, Params, Query, Text } from '../../platform/http/route-schemas';
import { audit } from '../../platform/audit/audit';
import { NotFoundError } from '../../platform/http/errors';
import type { PageView } from '../../platform/views/layout';
import { KeptPages } from '../../platform/views/kept-pages';
import { PersonalPages } from '../../platform/views/personal-pages';
import { aidsDb, publishedAid } from '../aids';
import { readProfile, writeDeclared, type Profile } from '../profile';
import { findCommune } from '../territories';
import { evaluateAid, type AidResult } from './engine';
import { FACT_QUESTIONS, todayInFrance } from './facts';
import { PROFILE_FIELDS, saveable, skippedOf } from './profile-answers';
import { answerText, isAnswered, QUESTIONS } from './questions';
import { keptOutcome, nextQuestionFor } from './service';
import { toFacts } from './situation';
import { emptyState, readState, STATE_COOKIE, type SimulatorState } from './state';
import { countPublished, resolvePlace } from './store';
import { CalculPage } from './views/calcul';
import { LISTS, PER_PAGE, ResultsPage, type ListName, type ResultsView } from './views/results';
import { AIDS, BASE, CRUMB, HOME, questionHref, TITLE } from './views/simulator';

/** What the results share with the questionnaire (routes.tsx): the kept profiles and the visitor's answers. */
export interface SimulatorContext {
  keptProfile: (accountId: string) => Promise<Profile>;
  stateOf: (request: FastifyRequest, reply: FastifyReply) => Promise<SimulatorState>;
}

/** `?liste=eligibles&page=2` (a list of results, paged) and `?fait=profil` (answers saved). */
const ResultsQuery = Query({ liste: Text, page: Text, fait: Text });
type ListQuery = { liste?: string | undefined; page?: string | undefined };

export async function resultsRoutes(fastify: FastifyInstance, { keptProfile, stateOf }: SimulatorContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.platform;

  async function renderResults(request: FastifyRequest, reply: FastifyReply, state: SimulatorState, save?: { error?: string; done?: boolean }, status = 200) {
    return reply.page(await resultsView(request, {}, reply, state, save), { status });
  }

  async function resultsView(request: FastifyRequest, query: ListQuery, reply: FastifyReply, state: SimulatorState, save?: { error?: string; done?: boolean }): Promise<PageView> {
    const outcome = await keptOutcome(db, state.situation, todayInFrance());
    const listName = query.liste && Object.hasOwn(LISTS, query.liste) ? (query.liste as ListName) : undefined;
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
      // Only a signed-in person's page has a form (saving to the profile): a page without a
      // token can be kept and compressed for visitors without an account (no BREACH oracle).
      csrfToken: account ? await reply.generateCsrf() : '',
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
  /**
   * A visitor without an account: the page is made of their answers only (the situation and the
   * questions skipped, read from the sealed cookie), the day, the URL and the published aids, and
   * holds no CSRF token; kept rendered and compressed per these answers (platform/views/kept-pages.tsx).
   * Two visitors with the same answers get the same page: nothing else of either is in it.
   */
  const anonymousResults = new KeptPages(db, ['aids', 'content_menu_entries', 'content_items'], { maxEntries: 1000 });
  app.get(`${BASE}/resultats`, { schema: { querystring: ResultsQuery } }, async (request, reply) => {
    const account = await request.currentAccount();
    const done = request.query.fait === 'profil';
    if (!account) {
      const state = readState(request) ?? emptyState();
      const answers = `${todayInFrance()}|${JSON.stringify(state.situation)}|${JSON.stringify(skippedOf(state))}`;
      return anonymousResults.send(request, reply, async () => ({ view: await resultsView(request, request.query, reply, state, done ? { done } : undefined) }), answers);
    }
    const input = { key: `${todayInFrance()}|${request.cookies[STATE_COOKIE] ?? ''}`, deps: account ? [keptProfile(account.id)] : [] };
    return resultsPages.send(request, reply, input, async () => {
      const state = await stateOf(request, reply);
      return { view: await resultsView(request, request.query, reply, state, done ? { done } : undefined) };
    });
  });

  app.post(`${BASE}/enregistrer`, { schema: { body: FormBody({ accord: Text }) } }, async (request, reply) => {
    const account = await request.currentAccount();
    if (!account) return reply.redirect(`/connexion?suite=${encodeURIComponent(`${BASE}/resultats`)}`, 303);
    const state = await stateOf(request, reply);
    const body = request.body;
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

  app.get('/aides/:id/calcul', { schema: { params: Params({ id: Type.String({ pattern: '^[a-z0-9-]{2,120}$', maxLength: 120 }) }), querystring: NoQuery } }, async (request, reply) => {
    const { id } = request.params;
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
}
