import type { ComponentChildren } from 'preact';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FormBody, NoQuery, Query, Text, TextFields } from '../../platform/http/route-schemas';
import { clearSessionCookie } from '../../platform/auth/current-account';
import { signedInAccount } from '../../platform/auth/guards';
import { endLinkedSessions, rotateSession } from '../../platform/auth/open-session';
import { sessionId } from '../../platform/auth/sessions';
import { audit } from '../../platform/audit/audit';
import { Notice } from '../../platform/views/components';
import type { Crumb } from '../../platform/views/site';
import type { FieldErrors } from '../../platform/views/form';
import { describeDevice, methodLabels, partialIp } from './devices';
import { contextOf, errorTitle, throttled } from './http';
import { changePassword, confirmEmailChange, deleteAccount, endOtherSessions, requestEmailChange } from './own-account';
import { resendConfirmation } from './service';
import { checkToken, findAccount } from './store';
import { ConfirmLinkPage, LinkProblem } from './views/public';
import { AccountHome, CredentialsPage, DeletePage, SessionsPage, type SessionRow } from './views/space';

const HOME: Crumb = { label: 'Accueil', href: '/' };
const SPACE: Crumb = { label: 'Mon compte', href: '/mon-compte' };

const notices: Record<string, string> = {
  'adresse-confirmee': 'Votre adresse électronique est confirmée.',
  'confirmation-envoyee': 'Un nouveau lien de confirmation vient de vous être envoyé.',
  'deja-confirmee': 'Votre adresse électronique est déjà confirmée.',
  'mot-de-passe': 'Votre mot de passe est changé. Vos autres sessions ont été fermées.',
  'adresse-demandee': 'Un lien vient d’être envoyé à la nouvelle adresse. Ouvrez-le pour terminer le changement.',
  'adresse-changee': 'Votre adresse électronique est changée.',
  'session-fermee': 'La session est fermée.',
  'sessions-fermees': 'Vos autres sessions sont fermées.',
};

/** The account's pages say what was just done (`?fait=…`). */
const DoneQuery = Query({ fait: Text });

export async function spaceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  platform.accountSections.push(
    { href: '/mon-compte/identifiants', label: 'Identifiants', description: 'Changer votre adresse électronique ou votre mot de passe.', order: 10 },
    { href: '/mon-compte/sessions', label: 'Sessions', description: 'Voir les appareils connectés à votre compte et en fermer.', order: 20 },
    { href: '/mon-compte/supprimer', label: 'Supprimer mon compte', description: 'Supprimer définitivement votre compte et vos données.', order: 1000 },
  );

  const page = (reply: FastifyReply, view: { title: string; heading: string; crumbs?: Crumb[]; main: ComponentChildren; fait?: string | undefined }, status = 200) =>
    reply.page(
      {
        title: view.title,
        heading: view.heading,
        noindex: true,
        breadcrumb: view.crumbs ? [HOME, SPACE, ...view.crumbs] : [HOME, { label: 'Mon compte' }],
        notice: view.fait && notices[view.fait] ? <Notice kind="success">{notices[view.fait]}</Notice> : undefined,
        main: view.main,
      },
      { status },
    );

  // --- Home ------------------------------------------------------------------------------------
  app.get('/mon-compte', { config: { guard: { person: true } }, schema: { querystring: DoneQuery } }, async (request, reply) => {
    const current = signedInAccount(request);
    const account = await findAccount(platform.db, current.id);
    const sections = [...platform.accountSections].sort((a, b) => a.order - b.order);
    return page(reply, {
      title: 'Mon compte',
      heading: 'Mon compte',
      fait: request.query.fait,
      main: (
        <AccountHome
          csrfToken={await reply.generateCsrf()}
          name={current.displayName}
          email={current.email}
          confirmed={Boolean(account?.email_confirmed_at)}
          sections={sections}
        />
      ),
    });
  });

  app.post('/mon-compte/confirmation', { config: { guard: { person: true } }, schema: { body: FormBody({}) } }, async (request, reply) => {
    const current = signedInAccount(request);
    const sent = await throttled(reply, 'confirmation', () => resendConfirmation(platform, current.id, contextOf(request)));
    if (!sent.ok) {
      return page(
        reply,
        {
          title: 'Erreur – Mon compte',
          heading: 'Mon compte',
          main: (
            <>
              <Notice kind="warning">
                <p>{sent.errors.confirmation}</p>
              </Notice>
              <p>
                <a href="/mon-compte">Retour à mon compte</a>
              </p>
            </>
          ),
        },
        sent.status,
      );
    }
    return reply.redirect(`/mon-compte?fait=${sent.value === 'sent' ? 'confirmation-envoyee' : 'deja-confirmee'}`, 303);
  });

  // --- Credentials -----------------------------------------------------------------------------
  const CREDENTIALS = 'Identifiants';
  const renderCredentials = async (
    done: string | undefined,
    reply: FastifyReply,
    accountId: string,
    state: { emailForm?: { value: string; errors: FieldErrors }; passwordErrors?: FieldErrors },
    status = 200,
  ) => {
    const account = await findAccount(platform.db, accountId);
    const errors = { ...state.emailForm?.errors, ...state.passwordErrors };
    return page(
      reply,
      {
        title: errorTitle(CREDENTIALS, errors),
        heading: CREDENTIALS,
        crumbs: [{ label: CREDENTIALS }],
        fait: done,
        main: (
          <CredentialsPage
            csrfToken={await reply.generateCsrf()}
            email={account?.email ?? ''}
            hasPassword={Boolean(account?.password_hash)}
            emailForm={state.emailForm ?? { value: '', errors: {} }}
            passwordErrors={state.passwordErrors ?? {}}
          />
        ),
      },
      status,
    );
  };

  app.get('/mon-compte/identifiants', { config: { guard: { person: true } }, schema: { querystring: DoneQuery } }, async (request, reply) => {
    const current = signedInAccount(request);
    return renderCredentials(request.query.fait, reply, current.id, {});
  });

  app.post('/mon-compte/identifiants/mot-de-passe', { config: { guard: { person: true } }, schema: { body: FormBody(TextFields(['username', 'current_password', 'new_password'])) } }, async (request, reply) => {
    const current = signedInAccount(request);
    const context = { ...contextOf(request), sessionId: sessionId(current.sessionToken) };
    const result = await throttled(reply, 'current_password', () => changePassword(platform, current.id, request.body, context));
    if (!result.ok) return renderCredentials(undefined, reply, current.id, { passwordErrors: result.errors }, result.status);
    if (!result.value.ok) return renderCredentials(undefined, reply, current.id, { passwordErrors: result.value.errors }, 422);
    // The other sessions ended in changePassword; this one goes on under a new token.
    await rotateSession(request, reply);
    return reply.redirect('/mon-compte/identifiants?fait=mot-de-passe', 303);
  });

  app.post('/mon-compte/identifiants/adresse', { config: { guard: { person: true } }, schema: { body: FormBody(TextFields(['new_email', 'password'])) } }, async (request, reply) => {
    const current = signedInAccount(request);
    const body = request.body;
    const value = (body.new_email ?? '').trim();
    const result = await throttled(reply, 'password', () => requestEmailChange(platform, current.id, body, contextOf(request)));
    if (!result.ok) return renderCredentials(undefined, reply, current.id, { emailForm: { value, errors: result.errors } }, result.status);
    if (!result.value.ok) return renderCredentials(undefined, reply, current.id, { emailForm: { value, errors: result.value.errors } }, 422);
    return reply.redirect('/mon-compte/identifiants?fait=adresse-demandee', 303);
  });

  // The link mailed to the new address: it proves the person reads mail there; no session needed.
  const NEW_ADDRESS = 'Confirmer ma nouvelle adresse électronique';
  const retryAddress = { href: '/mon-compte/identifiants', label: 'Recommencer le changement d’adresse' };
  app.get('/mon-compte/adresse/confirmer', { schema: { querystring: Query({ jeton: Text }) } }, async (request, reply) => {
    const token = request.query.jeton;
    const link = await checkToken(platform.db, token, 'email_change');
    if (!link.ok) return page(reply, { title: NEW_ADDRESS, heading: NEW_ADDRESS, main: <LinkProblem reason={link.reason} retry={retryAddress} /> }, 400);
    return page(reply, {
      title: NEW_ADDRESS,
      heading: NEW_ADDRESS,
      main: (
        <ConfirmLinkPage
          csrfToken={await reply.generateCsrf()}
          action="/mon-compte/adresse/confirmer"
          token={String(token)}
          text={`Votre compte Guichet utilisera l’adresse ${link.newEmail ?? ''}.`}
          button="Confirmer ma nouvelle adresse"
        />
      ),
    });
  });

  app.post('/mon-compte/adresse/confirmer', { schema: { body: FormBody({ jeton: Text }) } }, async (request, reply) => {
    const result = await confirmEmailChange(platform, request.body.jeton, contextOf(request));
    if (!result.ok) return page(reply, { title: NEW_ADDRESS, heading: NEW_ADDRESS, main: <LinkProblem reason={result.reason} retry={retryAddress} /> }, 400);
    const current = await request.currentAccount();
    return reply.redirect(current ? '/mon-compte/identifiants?fait=adresse-changee' : '/connexion?fait=adresse-confirmee', 303);
  });

  // --- Sessions --------------------------------------------------------------------------------
  const SESSIONS = 'Sessions ouvertes';
  app.get('/mon-compte/sessions', { config: { guard: { person: true } }, schema: { querystring: DoneQuery } }, async (request, reply) => {
    const current = signedInAccount(request);
    const own = sessionId(current.sessionToken);
    const rows: SessionRow[] = (await platform.sessions.listFor(current.id)).map((s) => ({
      id: s.id,
      device: describeDevice(s.userAgent).label,
      method: methodLabels[String(s.data.method)] ?? 'Connexion',
      createdAt: s.createdAt,
      ip: partialIp(s.data.ip),
      current: s.id === own,
      viaSso: typeof s.data.ssoParent === 'string',
    }));
    return page(reply, {
      title: SESSIONS,
      heading: SESSIONS,
      crumbs: [{ label: 'Sessions' }],
      fait: request.query.fait,
      main: <SessionsPage csrfToken={await reply.generateCsrf()} sessions={rows} />,
    });
  });

  app.post('/mon-compte/sessions/fermer', { config: { guard: { person: true } }, schema: { body: FormBody({ session: Text }) } }, async (request, reply) => {
    const current = signedInAccount(request);
    const id = request.body.session ?? '';
    const own = sessionId(current.sessionToken);
    // This device signs out with "Se déconnecter"; another session ends with those linked to it.
    const ended = id && id !== own ? await endLinkedSessions(platform.sessions, current.id, id) : 0;
    if (ended > 0) {
      await audit(platform.db, {
        action: 'auth.session_revoked',
        actor: { id: current.id, label: current.displayName, ip: request.ip },
        targetType: 'account',
        targetId: current.id,
        details: { sessions: ended },
      });
    }
    // The linked ones may include this very session (a tenant host's, or its portal parent).
    if (!(await platform.sessions.get(current.sessionToken))) {
      clearSessionCookie(reply);
      return reply.redirect('/connexion', 303);
    }
    return reply.redirect(`/mon-compte/sessions${ended > 0 ? '?fait=session-fermee' : ''}`, 303);
  });

  app.post('/mon-compte/sessions/fermer-autres', { config: { guard: { person: true } }, schema: { body: FormBody({}) } }, async (request, reply) => {
    const current = signedInAccount(request);
    const ended = await endOtherSessions(platform, current.id, sessionId(current.sessionToken));
    await audit(platform.db, {
      action: 'auth.session_revoked',
      actor: { id: current.id, label: current.displayName, ip: request.ip },
      targetType: 'account',
      targetId: current.id,
      details: { sessions: ended, allOthers: true },
    });
    return reply.redirect('/mon-compte/sessions?fait=sessions-fermees', 303);
  });

  // --- Deletion --------------------------------------------------------------------------------
  const DELETE = 'Supprimer mon compte';
  const renderDelete = async (reply: FastifyReply, accountId: string, errors: FieldErrors, status = 200) => {
    const account = await findAccount(platform.db, accountId);
    return page(
      reply,
      {
        title: errorTitle(DELETE, errors),
        heading: DELETE,
        crumbs: [{ label: DELETE }],
        main: <DeletePage csrfToken={await reply.generateCsrf()} hasPassword={Boolean(account?.password_hash)} errors={errors} />,
      },
      status,
    );
  };

  app.get('/mon-compte/supprimer', { config: { guard: { person: true } }, schema: { querystring: NoQuery } }, async (request, reply) => {
    const current = signedInAccount(request);
    return renderDelete(reply, current.id, {});
  });

  app.post('/mon-compte/supprimer', { config: { guard: { person: true } }, schema: { body: FormBody(TextFields(['password', 'confirm'])) } }, async (request, reply) => {
    const current = signedInAccount(request);
    const result = await throttled(reply, 'password', () => deleteAccount(platform, current.id, request.body, contextOf(request)));
    if (!result.ok) return renderDelete(reply, current.id, result.errors, result.status);
    if (!result.value.ok) return renderDelete(reply, current.id, result.value.errors, 422);
    clearSessionCookie(reply);
    return reply.redirect('/compte-supprime', 303);
  });

  app.get('/compte-supprime', { schema: { querystring: NoQuery } }, async (_request, reply) =>
    reply.page({
      title: 'Votre compte est supprimé',
      noindex: true,
      breadcrumb: [HOME, { label: 'Compte supprimé' }],
      main: (
        <>
          <Notice kind="success">
            <p>Votre compte Guichet et vos données personnelles sont supprimés. Un dernier message vous a été envoyé.</p>
          </Notice>
          <p>
            <a href="/">Retour à l’accueil</a>
          </p>
        </>
      ),
    }),
  );
}
