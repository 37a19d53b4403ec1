import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Query, Text } from '../../platform/http/route-schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { upgradeSession } from '../../platform/auth/complete-sign-in';
import { SECOND_FACTOR_ENROLMENT } from '../../platform/auth/guards';
import { Notice } from '../../platform/views/components';
import type { FieldErrors } from '../../platform/views/form';
import { adminPage, requireAccount } from '../../platform/views/admin';
import { field, isLocked, MfaBody, safeAdminPath, underThrottle } from './http';
import { confirmEnrolment, enrolment, regenerateRecoveryCodes, verifyCode } from './service';
import { findFactor, remainingRecoveryCodes } from './store';
import { CodeForm, EnrolmentForm, FactorStatus, RecoveryCodes } from './views';

const PAGE = SECOND_FACTOR_ENROLMENT;
const CODES = `${PAGE}/codes-de-secours`;

/**
 * Agents' second factor. The guard sends every back-office page here until the session has
 * proved it (`data.mfa === true`): enrolment when the account has no factor yet, a code when it
 * has one (a session opened without it); then the page manages the recovery codes.
 */
/** The page's requests: its `?suite=` query string declared (the form also carries it in its body). */
type SuiteRequest = FastifyRequest & { query: { suite?: string } };

export async function adminMfaRoutes(app: FastifyInstance) {
  const { platform } = app;
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const beforeSecondFactor = { config: { guard: { agent: true, beforeSecondFactor: true } } };

  /** A page outside the back office's bar (which would only lead back here), with sign-out. */
  const plainPage = async (reply: FastifyReply, title: string, main: (csrf: string) => ComponentChildren, status = 200) => {
    const csrfToken = await reply.generateCsrf();
    return reply.header('cache-control', 'no-store').page(
      {
        title,
        heading: 'Double authentification',
        noindex: true,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: 'Espace agent' }, { label: 'Double authentification' }],
        main: (
          <>
            {main(csrfToken)}
            <form action="/admin/deconnexion" method="post">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <button type="submit" class="button button--secondary">
                Se déconnecter
              </button>
            </form>
          </>
        ),
      },
      { status, tenant: platform.tenants.portal() },
    );
  };

  /** Where to go once the second factor is set or checked: `?suite=` of the page, or the form's own field. */
  const nextOf = (request: SuiteRequest) => safeAdminPath(request.query.suite ?? field(request.body, 'suite'));

  const renderEnrol = async (request: SuiteRequest, reply: FastifyReply, options: { errors?: FieldErrors; sealed?: string; status?: number } = {}) => {
    const account = await requireAccount(request);
    const next = nextOf(request);
    const errors = options.errors ?? {};
    const current = await enrolment(platform.config, account, options.sealed);
    return plainPage(
      reply,
      `${Object.keys(errors).length ? 'Erreur – ' : ''}Activer la double authentification`,
      (csrfToken) => (
        <>
          <p>
            Pour protéger les sites et les données des collectivités, l’espace agent demande, en plus du mot de passe, un code à 6 chiffres
            donné par une application de votre téléphone. Cela se règle une seule fois, en trois étapes.
          </p>
          <EnrolmentForm action={PAGE} csrfToken={csrfToken} enrolment={current} hidden={{ suite: next }} errors={errors} submitLabel="Activer la double authentification" />
        </>
      ),
      options.status,
    );
  };

  const renderStepUp = async (request: SuiteRequest, reply: FastifyReply, errors: FieldErrors = {}, status = 200) => {
    const next = nextOf(request);
    return plainPage(
      reply,
      `${Object.keys(errors).length ? 'Erreur – ' : ''}Code de vérification`,
      (csrfToken) => (
        <>
          <p>Votre double authentification est déjà activée. Saisissez le code de votre application pour continuer.</p>
          <CodeForm action={PAGE} csrfToken={csrfToken} hidden={{ suite: next }} errors={errors} submitLabel="Valider" />
        </>
      ),
      status,
    );
  };

  const renderManage = async (request: FastifyRequest, reply: FastifyReply, options: { errors?: FieldErrors; status?: number; codes?: string[] } = {}) => {
    const account = await requireAccount(request);
    const factor = await findFactor(platform.db, account.id);
    if (!factor) return reply.redirect(PAGE, 303);
    const remaining = await remainingRecoveryCodes(platform.db, account.id);
    const errors = options.errors ?? {};
    return adminPage(
      request,
      reply,
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}Double authentification`,
        crumbs: [{ label: 'Double authentification' }],
        current: PAGE,
        notice: options.codes ? <Notice kind="success">Vos nouveaux codes de secours sont prêts : les anciens ne fonctionnent plus.</Notice> : undefined,
        main: (csrfToken) =>
          options.codes ? (
            <RecoveryCodes codes={options.codes} continueHref="/admin" continueLabel="J’ai noté mes codes : aller au tableau de bord" />
          ) : (
            <>
              <FactorStatus enrolledAt={factor.enrolledAt} remaining={remaining} />
              <h2>Nouveaux codes de secours</h2>
              <p>Il vous reste peu de codes, ou vous les avez égarés ? Obtenez-en 10 nouveaux : les anciens cesseront de fonctionner.</p>
              <CodeForm action={CODES} csrfToken={csrfToken} errors={errors} submitLabel="Obtenir 10 nouveaux codes de secours" />
              <p>Vous changez de téléphone ? Demandez à l’administrateur de votre collectivité de réinitialiser votre double authentification (si vous êtes agent de plusieurs collectivités, à l’opérateur de la plateforme : un administrateur de la Région), puis activez-la de nouveau.</p>
            </>
          ),
      },
      { status: options.status ?? 200 },
    );
  };

  typed.get(PAGE, { ...beforeSecondFactor, schema: { querystring: Query({ suite: Text }) } }, async (request, reply) => {
    const account = await requireAccount(request);
    if (!(await findFactor(platform.db, account.id))) return renderEnrol(request, reply);
    if (account.session.data.mfa !== true) return renderStepUp(request, reply);
    return renderManage(request, reply);
  });

  typed.post(PAGE, { config: { ...beforeSecondFactor.config, rateLimit: { max: 30, timeWindow: '15 minutes' } }, schema: { querystring: Query({ suite: Text }), body: MfaBody } }, async (request, reply) => {
    const account = await requireAccount(request);
    const actor = { id: account.id, label: account.displayName, ip: request.ip };
    const next = safeAdminPath(field(request.body, 'suite'));
    const code = field(request.body, 'code');
    if (!(await findFactor(platform.db, account.id))) {
      const sealed = field(request.body, 'enrolment');
      const result = await underThrottle(reply, 'code', () => confirmEnrolment(platform, actor, sealed, code));
      if (isLocked(result)) return renderEnrol(request, reply, { errors: result.locked, sealed, status: 429 });
      if (!result.ok) return renderEnrol(request, reply, { errors: { code: result.message }, ...(result.expired ? {} : { sealed }), status: 422 });
      await upgradeSession(request, reply);
      return plainPage(reply, 'Double authentification activée', () => (
        <>
          <Notice kind="success">La double authentification est activée. À chaque connexion, Guichet vous demandera le code de l’application.</Notice>
          <RecoveryCodes codes={result.recoveryCodes} continueHref={next} continueLabel="J’ai noté mes codes : continuer" />
        </>
      ));
    }
    if (account.session.data.mfa === true) return reply.redirect(PAGE, 303);
    const result = await underThrottle(reply, 'code', () => verifyCode(platform, actor, code, 'step_up'));
    if (isLocked(result)) return renderStepUp(request, reply, result.locked, 429);
    if (!result.ok) return renderStepUp(request, reply, { code: result.message }, 422);
    await upgradeSession(request, reply);
    return reply.redirect(next, 303);
  });

  app.post(CODES, { config: { guard: { agent: true }, rateLimit: { max: 30, timeWindow: '15 minutes' } }, schema: { body: MfaBody } }, async (request, reply) => {
    const account = await requireAccount(request);
    const actor = { id: account.id, label: account.displayName, ip: request.ip };
    const result = await underThrottle(reply, 'code', () => regenerateRecoveryCodes(platform, actor, field(request.body, 'code')));
    if (isLocked(result)) return renderManage(request, reply, { errors: result.locked, status: 429 });
    if (!result.ok) return renderManage(request, reply, { errors: { code: result.message }, status: 422 });
    return renderManage(request, reply, { codes: result.recoveryCodes });
  });
}
