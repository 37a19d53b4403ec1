import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FormBody, Query, Text } from '../../platform/http/route-schemas';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { completeSignIn } from '../../platform/auth/complete-sign-in';
import { signedInAccount } from '../../platform/auth/guards';
import { audit } from '../../platform/audit/audit';
import { safeNext, writeCertified } from '../profile';
import { ACCOUNT_PAGE } from './account.routes';
import { certifiedValues, displayNameOf } from './claims';
import { FranceConnectRelyingParty } from './rp';
import {
  accountByEmail,
  accountForSub,
  consumeFlow,
  createFranceConnectAccount,
  createLink,
  FLOW_TTL_MS,
  linkFor,
  saveFlow,
  touchLink,
} from './store';
import { FranceConnectProblem } from './views/pages';

const STATE_COOKIE = 'guichet_fc_state';
const LOGOUT_COOKIE = 'guichet_fc_logout';

/** What FranceConnect sends back to /franceconnect/retour (its other parameters are let through for openid-client). */
const CallbackQuery = Query({ state: Text, code: Text, error: Text });

export async function franceConnectRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const rp = new FranceConnectRelyingParty(platform);
  const secure = platform.config.NODE_ENV === 'production';

  const problem = (reply: FastifyReply, status: number, title: string, body: ComponentChildren, retry = true) =>
    reply.page({ title, noindex: true, main: <FranceConnectProblem retry={retry}>{body}</FranceConnectProblem> }, { status });

  const failure = async (request: FastifyRequest, reason: string, accountId?: string | null) =>
    audit(platform.db, { action: 'franceconnect.failure', actorId: accountId ?? null, ip: request.ip, details: { reason } });

  /** Sends the person to FranceConnect, the flow's secrets kept server-side. */
  const startFlow = async (request: FastifyRequest, reply: FastifyReply, intent: 'sign_in' | 'link', next: string, accountId: string | null) => {
    if (!rp.settings()) {
      return problem(reply, 503, 'FranceConnect n’est pas disponible', <p>La connexion avec FranceConnect n’est pas proposée sur ce site pour le moment.</p>, false);
    }
    let started;
    try {
      started = await rp.start();
    } catch (error) {
      request.log.warn({ err: error }, 'FranceConnect discovery failed');
      await failure(request, 'unreachable', accountId);
      return problem(reply, 502, 'FranceConnect ne répond pas', <p>FranceConnect ne répond pas pour le moment. Réessayez dans quelques minutes.</p>);
    }
    await saveFlow(platform.db, started.state, { nonce: started.nonce, codeVerifier: started.codeVerifier, intent, accountId, next });
    reply.setCookie(STATE_COOKIE, started.state, {
      path: '/franceconnect/retour',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      signed: true,
      maxAge: FLOW_TTL_MS / 1000,
    });
    return reply.redirect(started.url.href, 303);
  };

  app.get('/franceconnect/connexion', { schema: { querystring: Query({ suite: Text }) } }, async (request, reply) => {
    const next = safeNext(request.query.suite);
    if (await request.currentAccount()) return reply.redirect(next, 303);
    return startFlow(request, reply, 'sign_in', next, null);
  });

  app.post(`${ACCOUNT_PAGE}/lier`, { config: { guard: { person: true } }, schema: { body: FormBody({}) } }, async (request, reply) => {
    const account = signedInAccount(request);
    if (await linkFor(platform.db, account.id)) return reply.redirect(ACCOUNT_PAGE, 303);
    return startFlow(request, reply, 'link', ACCOUNT_PAGE, account.id);
  });

  app.get('/franceconnect/retour', { schema: { querystring: CallbackQuery } }, async (request, reply) => {
    const query = request.query;
    const state = query.state ?? '';
    const cookie = request.cookies[STATE_COOKIE];
    const unsigned = cookie ? request.unsignCookie(cookie) : undefined;
    reply.clearCookie(STATE_COOKIE, { path: '/franceconnect/retour' });
    if (!state || !unsigned?.valid || unsigned.value !== state) {
      await failure(request, 'state_mismatch');
      return problem(
        reply,
        400,
        'Connexion avec FranceConnect interrompue',
        <p>
          La réponse de FranceConnect ne correspond pas à une demande faite depuis ce navigateur. Par sécurité, elle n’a pas été acceptée.
        </p>,
      );
    }
    const flow = await consumeFlow(platform.db, state);
    if (!flow) {
      await failure(request, 'flow_expired_or_replayed');
      return problem(
        reply,
        400,
        'Connexion avec FranceConnect expirée',
        <p>Cette demande de connexion a expiré ou a déjà servi. Recommencez : cela ne prend qu’un instant.</p>,
      );
    }
    if (typeof query.error === 'string') {
      await failure(request, query.error === 'access_denied' ? 'access_denied' : `provider_error:${query.error.slice(0, 40)}`, flow.accountId);
      return query.error === 'access_denied'
        ? problem(reply, 400, 'Connexion avec FranceConnect annulée', <p>Vous avez annulé la connexion sur FranceConnect. Rien n’a été enregistré.</p>)
        : problem(reply, 502, 'FranceConnect a refusé la connexion', <p>FranceConnect n’a pas pu vous identifier. Réessayez dans quelques minutes.</p>);
    }
    let answer;
    try {
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      answer = await rp.finish(search, { state, nonce: flow.nonce, codeVerifier: flow.codeVerifier });
    } catch (error) {
      request.log.warn({ err: error }, 'FranceConnect answer refused');
      await failure(request, `invalid_answer:${(error as { code?: string }).code ?? (error as Error).name}`, flow.accountId);
      return problem(
        reply,
        502,
        'Connexion avec FranceConnect impossible',
        <p>La réponse de FranceConnect n’a pas pu être vérifiée. Par sécurité, elle n’a pas été acceptée. Réessayez dans quelques minutes.</p>,
      );
    }
    const values = certifiedValues(answer.userinfo as Record<string, unknown>);
    const linked = await accountForSub(platform.db, answer.sub);

    if (flow.intent === 'link') {
      const account = await request.currentAccount();
      if (!account || account.id !== flow.accountId) {
        await failure(request, 'link_session_changed', flow.accountId);
        return problem(reply, 403, 'Liaison avec FranceConnect impossible', <p>Votre session a changé pendant la liaison. Reconnectez-vous puis recommencez.</p>);
      }
      const actor = { id: account.id, label: account.displayName, ip: request.ip };
      if (linked && linked.id !== account.id) {
        await audit(platform.db, { action: 'franceconnect.link_refused', actor, details: { reason: 'identity_linked_to_another_account' } });
        return problem(
          reply,
          409,
          'Cette identité FranceConnect est déjà liée à un autre compte',
          <p>
            L’identité avec laquelle vous vous êtes connecté sur FranceConnect est déjà liée à un autre compte Guichet. Une identité
            FranceConnect ne peut être liée qu’à un seul compte. Si ce compte est le vôtre, connectez-vous avec FranceConnect pour l’utiliser.
          </p>,
          false,
        );
      }
      const existing = await linkFor(platform.db, account.id);
      if (existing && existing.sub !== answer.sub) {
        await audit(platform.db, { action: 'franceconnect.link_refused', actor, details: { reason: 'account_linked_to_another_identity' } });
        return problem(reply, 409, 'Votre compte est déjà lié à FranceConnect', <p>Déliez d’abord FranceConnect de votre compte.</p>, false);
      }
      if (!existing) await createLink(platform.db, account.id, answer.sub);
      else await touchLink(platform.db, answer.sub);
      await writeCertified(platform.db, account.id, values);
      await audit(platform.db, { action: 'franceconnect.link', actor, targetType: 'account', targetId: account.id, details: { acr: answer.acr ?? null } });
      return reply.redirect(`${ACCOUNT_PAGE}?lien=ok`, 303);
    }

    if (linked) {
      if (linked.disabled_at) {
        await failure(request, 'account_disabled', linked.id);
        return problem(reply, 403, 'Compte désactivé', <p>Ce compte a été désactivé. Il ne peut plus être utilisé.</p>, false);
      }
      await touchLink(platform.db, answer.sub);
      await writeCertified(platform.db, linked.id, values);
      const account = { id: linked.id, displayName: linked.display_name };
      await audit(platform.db, { action: 'franceconnect.sign_in', actor: { id: linked.id, label: linked.display_name, ip: request.ip }, details: { account_created: false, acr: answer.acr ?? null } });
      return completeSignIn(request, reply, account, { method: 'franceconnect', next: flow.next, data: { fcIdToken: answer.idToken } });
    }

    if (!values.email) {
      await failure(request, 'no_email');
      return problem(
        reply,
        400,
        'Adresse électronique manquante',
        <p>FranceConnect ne nous a pas transmis d’adresse électronique : nous ne pouvons pas créer votre compte sans elle.</p>,
      );
    }
    if (await accountByEmail(platform.db, values.email)) {
      await audit(platform.db, { action: 'franceconnect.sign_in_refused', ip: request.ip, details: { reason: 'email_has_an_account' } });
      return problem(
        reply,
        409,
        'Un compte existe déjà avec cette adresse',
        <>
          <p>
            Un compte Guichet utilise déjà l’adresse électronique que FranceConnect nous a donnée. Par sécurité, nous ne le relions pas
            tout seuls à FranceConnect.
          </p>
          <ol>
            <li>Connectez-vous avec cette adresse et votre mot de passe ;</li>
            <li>
              dans <strong>Mon compte</strong>, ouvrez <strong>FranceConnect</strong> puis cliquez sur « S’identifier avec FranceConnect ».
            </li>
          </ol>
          <p>Ensuite, vous pourrez vous connecter avec FranceConnect ou avec votre mot de passe.</p>
        </>,
        false,
      );
    }
    const created = await createFranceConnectAccount(platform.db, { email: values.email, displayName: displayNameOf(values), sub: answer.sub });
    await writeCertified(platform.db, created.id, values);
    await audit(platform.db, {
      action: 'franceconnect.sign_in',
      actor: { id: created.id, label: created.displayName, ip: request.ip },
      details: { account_created: true, acr: answer.acr ?? null },
    });
    return completeSignIn(request, reply, created, { method: 'franceconnect', next: flow.next, data: { fcIdToken: answer.idToken } });
  });

  // Sign-out of a session opened with FranceConnect: POST /deconnexion (CSRF-checked) closes
  // Guichet's session, then hands over here so that FranceConnect's session ends too. There is no
  // GET sign-out: a link or an image on another site must not sign a person out.
  app.platform.signOutHandoffs.push(async (request, reply, closedSession) => {
    if (closedSession.method !== 'franceconnect') return undefined;
    const idToken = closedSession.fcIdToken;
    if (typeof idToken !== 'string' || !rp.settings()) return '/franceconnect/deconnexion/retour';
    try {
      const state = randomBytes(24).toString('base64url');
      const url = await rp.endSessionUrl(idToken, state);
      reply.setCookie(LOGOUT_COOKIE, state, { path: '/franceconnect/deconnexion/retour', httpOnly: true, sameSite: 'lax', secure, signed: true, maxAge: 600 });
      return url.href;
    } catch (error) {
      request.log.warn({ err: error }, 'FranceConnect logout unavailable');
      return '/franceconnect/deconnexion/retour';
    }
  });

  app.get('/franceconnect/deconnexion/retour', { schema: { querystring: Query({ state: Text }) } }, async (request, reply) => {
    const state = request.query.state;
    const cookie = request.cookies[LOGOUT_COOKIE];
    const unsigned = cookie ? request.unsignCookie(cookie) : undefined;
    reply.clearCookie(LOGOUT_COOKIE, { path: '/franceconnect/deconnexion/retour' });
    // Reached by hand while still signed in: nothing was closed, so do not say it was.
    if (await request.currentAccount()) return reply.redirect('/mon-compte', 303);
    const fromFranceConnect = typeof state === 'string' && unsigned?.valid === true && unsigned.value === state;
    return reply.page({
      title: 'Vous êtes déconnecté',
      noindex: true,
      main: (
        <>
          <p>{fromFranceConnect ? 'Vous êtes déconnecté de Guichet et de FranceConnect.' : 'Vous êtes déconnecté de Guichet.'}</p>
          <p>
            <a href="/">Revenir à l’accueil</a>
          </p>
        </>
      ),
    });
  });

}
