import type { ComponentChildren } from 'preact';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FormBody, NoQuery, Query, Text, TextFields } from '../../platform/http/route-schemas';
import { closeSession } from '../../platform/auth/open-session';
import { completeSignIn } from '../../platform/auth/complete-sign-in';
import type { FieldErrors } from '../../platform/views/form';
import { contextOf, errorTitle, throttled } from './http';
import {
  completeReset,
  confirmEmail,
  checkCredentials,
  emailError,
  requestReset,
  safeLocalPath,
  signUp,
  validateSignIn,
  validateSignUp,
} from './service';
import { checkToken, findAccount } from './store';
import { startSsoIfTenantHost } from './sso.routes';
import { CheckMailPage, ConfirmLinkPage, LinkProblem, NewPasswordForm, ResetRequestForm, SignInForm, SignUpForm } from './views/public';

const HOME = { label: 'Accueil', href: '/' };

const signInNotices: Record<string, string> = {
  'mot-de-passe': 'Votre nouveau mot de passe est enregistré. Connectez-vous avec lui.',
  'adresse-confirmee': 'Votre adresse électronique est confirmée. Vous pouvez vous connecter.',
};

/** The links mailed with a token (confirmation, new password) and the pages that follow a mail. */
const TokenQuery = Query({ jeton: Text });
const AddressQuery = Query({ adresse: Text });
const TokenBody = FormBody({ jeton: Text });

export async function publicRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const page = (reply: FastifyReply, title: string, main: ComponentChildren, status = 200, heading?: string) =>
    reply.page({ title, heading: heading ?? title.replace(/^Erreur – /, ''), noindex: true, breadcrumb: [HOME, { label: heading ?? title.replace(/^Erreur – /, '') }], main }, { status });

  // --- Sign-up -------------------------------------------------------------------------------
  const SIGN_UP = 'Créer un compte';
  const renderSignUp = async (reply: FastifyReply, values: { email?: string; display_name?: string }, errors: FieldErrors, status = 200) =>
    page(reply, errorTitle(SIGN_UP, errors), <SignUpForm csrfToken={await reply.generateCsrf()} values={values} errors={errors} />, status);

  app.get('/inscription', { schema: { querystring: NoQuery } }, async (request, reply) => {
    if (await request.currentAccount()) return reply.redirect('/mon-compte', 303);
    return renderSignUp(reply, {}, {});
  });

  app.post('/inscription', { schema: { body: FormBody(TextFields(['email', 'display_name', 'password'])) } }, async (request, reply) => {
    const { input, errors } = validateSignUp(request.body);
    const values = { email: input.email, display_name: input.display_name };
    if (Object.keys(errors).length) return renderSignUp(reply, values, errors, 422);
    const done = await throttled(reply, 'email', () => signUp(platform, input, contextOf(request)));
    if (!done.ok) return renderSignUp(reply, values, done.errors, done.status);
    return reply.redirect(`/inscription/courriel-envoye?adresse=${encodeURIComponent(input.email)}`, 303);
  });

  app.get('/inscription/courriel-envoye', { schema: { querystring: AddressQuery } }, async (request, reply) => {
    const email = (request.query.adresse ?? '').slice(0, 254);
    return page(reply, 'Vérifiez votre messagerie', <CheckMailPage email={email || 'indiquée'} what="sign-up" />);
  });

  const CONFIRM = 'Confirmer mon adresse électronique';
  app.get('/inscription/confirmer', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    const token = request.query.jeton;
    const link = await checkToken(platform.db, token, 'confirm');
    if (!link.ok) return page(reply, CONFIRM, <LinkProblem reason={link.reason} retry={{ href: '/mon-compte', label: 'Demander un nouveau lien depuis « Mon compte »' }} />, 400);
    return page(
      reply,
      CONFIRM,
      <ConfirmLinkPage
        csrfToken={await reply.generateCsrf()}
        action="/inscription/confirmer"
        token={String(token)}
        text="Confirmez que cette adresse électronique est bien la vôtre."
        button="Confirmer mon adresse"
      />,
    );
  });

  app.post('/inscription/confirmer', { schema: { body: TokenBody } }, async (request, reply) => {
    const result = await confirmEmail(platform, request.body.jeton, contextOf(request));
    if (!result.ok) return page(reply, CONFIRM, <LinkProblem reason={result.reason} retry={{ href: '/mon-compte', label: 'Demander un nouveau lien depuis « Mon compte »' }} />, 400);
    const account = await request.currentAccount();
    return reply.redirect(account ? '/mon-compte?fait=adresse-confirmee' : '/connexion?fait=adresse-confirmee', 303);
  });

  // --- Sign-in and sign-out -------------------------------------------------------------------
  const SIGN_IN = 'Se connecter';
  const franceConnectAvailable = () => platform.routes.some((r) => r.url === '/franceconnect/connexion');
  const renderSignIn = async (reply: FastifyReply, state: { email: string; errors: FieldErrors; next: string; notice?: string | undefined }, status = 200) =>
    page(
      reply,
      errorTitle(SIGN_IN, state.errors),
      <SignInForm csrfToken={await reply.generateCsrf()} franceConnect={franceConnectAvailable()} {...state} />,
      status,
    );

  app.get('/connexion', { schema: { querystring: Query({ suite: Text, fait: Text }) } }, async (request, reply) => {
    const query = request.query;
    const next = safeLocalPath(query.suite);
    if (await request.currentAccount()) return reply.redirect(next, 303);
    // On a tenant's own host name, the portal signs the person in (SSO).
    const sso = startSsoIfTenantHost(request, reply, next);
    if (sso) return sso;
    return renderSignIn(reply, { email: '', errors: {}, next, notice: signInNotices[query.fait ?? ''] });
  });

  app.post('/connexion', { schema: { body: FormBody(TextFields(['suite', 'email', 'password'])) } }, async (request, reply) => {
    const body = request.body;
    const next = safeLocalPath(body.suite);
    const { input, errors } = validateSignIn(body);
    if (Object.keys(errors).length) return renderSignIn(reply, { email: input.email, errors, next }, 422);
    const checked = await throttled(reply, 'password', () => checkCredentials(platform, input, contextOf(request)));
    if (!checked.ok) return renderSignIn(reply, { email: input.email, errors: checked.errors, next }, checked.status);
    if (!checked.value.ok) return renderSignIn(reply, { email: input.email, errors: checked.value.errors, next }, 422);
    const account = checked.value.account;
    return completeSignIn(request, reply, { id: account.id, displayName: account.display_name }, { method: 'password', next });
  });

  app.post('/deconnexion', { schema: { body: FormBody({}) } }, async (request, reply) => {
    const closing = (await request.currentAccount())?.session.data;
    await closeSession(request, reply);
    // A session opened with FranceConnect ends at FranceConnect too (the franceconnect module's handoff).
    for (const handoff of closing ? platform.signOutHandoffs : []) {
      const next = await handoff(request, reply, closing!);
      if (next) return reply.redirect(next, 303);
    }
    return reply.redirect('/', 303);
  });

  // --- Forgotten password --------------------------------------------------------------------
  const FORGOT = 'Mot de passe oublié';
  const renderForgot = async (reply: FastifyReply, email: string, errors: FieldErrors, status = 200) =>
    page(reply, errorTitle(FORGOT, errors), <ResetRequestForm csrfToken={await reply.generateCsrf()} email={email} errors={errors} />, status);

  app.get('/mot-de-passe-oublie', { schema: { querystring: NoQuery } }, async (_request, reply) => renderForgot(reply, '', {}));

  app.post('/mot-de-passe-oublie', { schema: { body: FormBody({ email: Text }) } }, async (request, reply) => {
    const email = (request.body.email ?? '').trim();
    const bad = emailError(email);
    if (bad) return renderForgot(reply, email, { email: bad }, 422);
    const done = await throttled(reply, 'email', () => requestReset(platform, email, contextOf(request)));
    if (!done.ok) return renderForgot(reply, email, done.errors, done.status);
    return reply.redirect(`/mot-de-passe-oublie/courriel-envoye?adresse=${encodeURIComponent(email)}`, 303);
  });

  app.get('/mot-de-passe-oublie/courriel-envoye', { schema: { querystring: AddressQuery } }, async (request, reply) => {
    const email = (request.query.adresse ?? '').slice(0, 254);
    return page(reply, 'Vérifiez votre messagerie', <CheckMailPage email={email || 'indiquée'} what="reset" />);
  });

  const NEW_PASSWORD = 'Choisir un nouveau mot de passe';
  const retryReset = { href: '/mot-de-passe-oublie', label: 'Demander un nouveau lien' };
  const renderNewPassword = async (reply: FastifyReply, token: string, email: string, errors: FieldErrors, status = 200) =>
    page(reply, errorTitle(NEW_PASSWORD, errors), <NewPasswordForm csrfToken={await reply.generateCsrf()} token={token} email={email} errors={errors} />, status);

  app.get('/mot-de-passe/nouveau', { schema: { querystring: TokenQuery } }, async (request, reply) => {
    const token = request.query.jeton;
    const link = await checkToken(platform.db, token, 'reset');
    if (!link.ok) return page(reply, NEW_PASSWORD, <LinkProblem reason={link.reason} retry={retryReset} />, 400);
    const account = await findAccount(platform.db, link.accountId);
    return renderNewPassword(reply, String(token), account?.email ?? '', {});
  });

  app.post('/mot-de-passe/nouveau', { schema: { body: FormBody(TextFields(['jeton', 'username', 'password'])) } }, async (request, reply) => {
    const body = request.body;
    const token = body.jeton ?? '';
    const result = await completeReset(platform, token, body.password ?? '', contextOf(request));
    if (result.ok) {
      await closeSession(request, reply);
      return reply.redirect('/connexion?fait=mot-de-passe', 303);
    }
    if (result.link && !result.link.ok) return page(reply, NEW_PASSWORD, <LinkProblem reason={result.link.reason} retry={retryReset} />, 400);
    const link = await checkToken(platform.db, token, 'reset');
    const account = link.ok ? await findAccount(platform.db, link.accountId) : undefined;
    return renderNewPassword(reply, token, account?.email ?? '', result.errors ?? {}, 422);
  });
}
