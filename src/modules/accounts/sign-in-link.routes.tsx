import type { ComponentChildren } from 'preact';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FormBody, NoQuery, Query, Text } from '../../platform/http/route-schemas';
import { completeSignIn } from '../../platform/auth/complete-sign-in';
import { Notice } from '../../platform/views/components';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../platform/views/form';
import { contextOf, errorTitle, throttled } from './http';
import { emailError, signInLabels } from './service';
import { requestSignInLink, useSignInLink } from './sign-in-link';
import { checkToken } from './store';
import { ConfirmLinkPage, LinkProblem } from './views/public';

const HOME = { label: 'Accueil', href: '/' };
const TITLE = 'Recevoir un lien de connexion par courriel';
const OPEN = 'Se connecter avec le lien reçu';
const retry = { href: '/connexion/lien', label: 'Demander un nouveau lien de connexion' };

function RequestForm({ csrfToken, email, errors }: { csrfToken: string; email: string; errors: FieldErrors }) {
  return (
    <>
      <p>
        Saisissez l’adresse électronique de votre compte. Nous y enverrons un lien qui vous connecte sans mot de passe (valable 15 minutes, il ne sert
        qu’une fois). Si votre compte a la double authentification, le code vous sera demandé ensuite.
      </p>
      <ErrorSummary errors={errors} labels={signInLabels} />
      <Form action="/connexion/lien" csrfToken={csrfToken}>
        <TextField name="email" type="email" label={signInLabels.email} autocomplete="email" value={email} error={errors.email} required />
        <div class="actions">
          <SubmitButton>Recevoir le lien</SubmitButton>
        </div>
      </Form>
      <p>
        <a href="/connexion">Revenir à la connexion par mot de passe</a>
      </p>
    </>
  );
}

/** « Recevoir un lien de connexion par courriel » (sign-in-link.ts). */
export async function signInLinkRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const page = (reply: FastifyReply, title: string, main: ComponentChildren, status = 200) => {
    const heading = title.replace(/^Erreur – /, '');
    return reply.header('cache-control', 'no-store').page({ title, heading, noindex: true, breadcrumb: [HOME, { label: heading }], main }, { status });
  };
  const renderRequest = async (reply: FastifyReply, email: string, errors: FieldErrors, status = 200) =>
    page(reply, errorTitle(TITLE, errors), <RequestForm csrfToken={await reply.generateCsrf()} email={email} errors={errors} />, status);

  app.get('/connexion/lien', { schema: { querystring: NoQuery } }, async (_request, reply) => renderRequest(reply, '', {}));

  app.post('/connexion/lien', { schema: { body: FormBody({ email: Text }) } }, async (request, reply) => {
    const email = (request.body.email ?? '').trim();
    const bad = emailError(email);
    if (bad) return renderRequest(reply, email, { email: bad }, 422);
    const done = await throttled(reply, 'email', () => requestSignInLink(platform, email, contextOf(request)));
    if (!done.ok) return renderRequest(reply, email, done.errors, done.status);
    return reply.redirect('/connexion/lien/courriel-envoye', 303);
  });

  app.get('/connexion/lien/courriel-envoye', { schema: { querystring: NoQuery } }, async (_request, reply) =>
    page(
      reply,
      'Vérifiez votre messagerie',
      <>
        <Notice kind="success" title="Consultez votre messagerie">
          <p>Si un compte Guichet existe à cette adresse, un message vient d’y être envoyé. Il contient un lien pour vous connecter (valable 15 minutes).</p>
        </Notice>
        <p>Le message peut mettre quelques minutes à arriver. Pensez à regarder dans les courriers indésirables.</p>
      </>,
    ),
  );

  // The link opens a page with a button: a mail scanner opening links uses nothing.
  app.get('/connexion/lien/ouvrir', { schema: { querystring: Query({ jeton: Text }) } }, async (request, reply) => {
    const token = request.query.jeton;
    const link = await checkToken(platform.db, token, 'sign_in');
    if (!link.ok) return page(reply, OPEN, <LinkProblem reason={link.reason} retry={retry} />, 400);
    return page(
      reply,
      OPEN,
      <ConfirmLinkPage csrfToken={await reply.generateCsrf()} action="/connexion/lien/ouvrir" token={String(token)} text="Ce lien vous connecte à votre compte Guichet." button="Me connecter" />,
    );
  });

  app.post('/connexion/lien/ouvrir', { schema: { body: FormBody({ jeton: Text }) } }, async (request, reply) => {
    const used = await useSignInLink(platform, request.body.jeton);
    if (!used.ok) return page(reply, OPEN, <LinkProblem reason={used.reason} retry={retry} />, 400);
    // Like any sign-in: the second factor is asked when the account has one.
    return completeSignIn(request, reply, { id: used.account.id, displayName: used.account.display_name }, { method: 'mail_link', next: '/mon-compte' });
  });
}
