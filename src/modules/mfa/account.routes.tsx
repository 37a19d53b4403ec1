import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Query, Text } from '../../platform/http/route-schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { upgradeSession } from '../../platform/auth/complete-sign-in';
import type { CurrentAccount } from '../../platform/auth/current-account';
import { signedInAccount } from '../../platform/auth/guards';
import { Notice } from '../../platform/views/components';
import type { FieldErrors } from '../../platform/views/form';
import { field, isLocked, MfaBody, underThrottle } from './http';
import { confirmEnrolment, disableFactor, enrolment, regenerateRecoveryCodes } from './service';
import { findFactor, remainingRecoveryCodes } from './store';
import { CodeForm, DisableForm, EnrolmentForm, FactorStatus, RecoveryCodes } from './views';

export const ACCOUNT_PAGE = '/mon-compte/double-authentification';
const DISABLE = `${ACCOUNT_PAGE}/desactiver`;
const CODES = `${ACCOUNT_PAGE}/codes-de-secours`;

const DONE: Record<string, string> = {
  desactivee: 'La double authentification est désactivée. Vous vous connectez désormais avec votre seul mot de passe (ou FranceConnect).',
};

/**
 * A person's optional second factor, in their space: turn it on (same enrolment as agents),
 * get new recovery codes, turn it off (a code or the password). Agents cannot turn theirs off.
 */
export async function accountMfaRoutes(app: FastifyInstance) {
  const { platform } = app;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    account: CurrentAccount,
    options: { errors?: FieldErrors; sealed?: string; status?: number; codes?: string[]; form?: 'enrol' | 'codes' | 'disable'; done?: string } = {},
  ) => {
    const errors = options.errors ?? {};
    const factor = await findFactor(platform.db, account.id);
    const csrfToken = await reply.generateCsrf();
    const done = DONE[options.done ?? ''];
    let main;
    if (options.codes) {
      main = (
        <>
          <Notice kind="success">La double authentification est active sur votre compte.</Notice>
          <RecoveryCodes codes={options.codes} continueHref={ACCOUNT_PAGE} continueLabel="J’ai noté mes codes : continuer" />
        </>
      );
    } else if (!factor) {
      const current = await enrolment(platform.config, account, options.sealed);
      main = (
        <>
          {done ? <Notice kind="success">{done}</Notice> : null}
          <p>
            La double authentification protège votre compte même si quelqu’un connaît votre mot de passe : à chaque connexion, Guichet vous
            demande aussi un code à 6 chiffres donné par une application de votre téléphone. Elle est facultative.
          </p>
          <EnrolmentForm action={ACCOUNT_PAGE} csrfToken={csrfToken} enrolment={current} hidden={{}} errors={errors} submitLabel="Activer la double authentification" />
        </>
      );
    } else {
      const remaining = await remainingRecoveryCodes(platform.db, account.id);
      const agent = account.roles.size > 0;
      main = (
        <>
          <FactorStatus enrolledAt={factor.enrolledAt} remaining={remaining} />
          <p>À chaque connexion, par mot de passe ou par FranceConnect, Guichet vous demande le code de votre application.</p>
          <h2>Nouveaux codes de secours</h2>
          <p>Obtenez 10 nouveaux codes de secours : les anciens cesseront de fonctionner.</p>
          <CodeForm action={CODES} csrfToken={csrfToken} errors={options.form === 'codes' ? errors : {}} submitLabel="Obtenir 10 nouveaux codes de secours" />
          <h2>Désactiver la double authentification</h2>
          {agent ? (
            <p>Votre compte est aussi un compte d’agent d’une collectivité : la double authentification y est obligatoire et reste active.</p>
          ) : (
            <DisableForm action={DISABLE} csrfToken={csrfToken} errors={options.form === 'disable' ? errors : {}} />
          )}
        </>
      );
    }
    return reply.header('cache-control', 'no-store').page(
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}Double authentification`,
        heading: 'Double authentification',
        noindex: true,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: 'Mon compte', href: '/mon-compte' }, { label: 'Double authentification' }],
        main,
      },
      { status: options.status ?? 200, tenant: platform.tenants.portal() },
    );
  };

  app.withTypeProvider<TypeBoxTypeProvider>().get(ACCOUNT_PAGE, { config: { guard: { person: true } }, schema: { querystring: Query({ fait: Text }) } }, async (request, reply) => {
    const account = signedInAccount(request);
    return render(request, reply, account, { done: request.query.fait });
  });

  app.post(ACCOUNT_PAGE, { config: { guard: { person: true }, rateLimit: { max: 30, timeWindow: '15 minutes' } }, schema: { body: MfaBody } }, async (request, reply) => {
    const account = signedInAccount(request);
    if (await findFactor(platform.db, account.id)) return reply.redirect(ACCOUNT_PAGE, 303);
    const actor = { id: account.id, label: account.displayName, ip: request.ip };
    const sealed = field(request.body, 'enrolment');
    const result = await underThrottle(reply, 'code', () => confirmEnrolment(platform, actor, sealed, field(request.body, 'code')));
    if (isLocked(result)) return render(request, reply, account, { errors: result.locked, sealed, status: 429 });
    if (!result.ok) return render(request, reply, account, { errors: { code: result.message }, ...(result.expired ? {} : { sealed }), status: 422 });
    await upgradeSession(request, reply);
    return render(request, reply, account, { codes: result.recoveryCodes });
  });

  app.post(CODES, { config: { guard: { person: true }, rateLimit: { max: 30, timeWindow: '15 minutes' } }, schema: { body: MfaBody } }, async (request, reply) => {
    const account = signedInAccount(request);
    const actor = { id: account.id, label: account.displayName, ip: request.ip };
    const result = await underThrottle(reply, 'code', () => regenerateRecoveryCodes(platform, actor, field(request.body, 'code')));
    if (isLocked(result)) return render(request, reply, account, { errors: result.locked, form: 'codes', status: 429 });
    if (!result.ok) return render(request, reply, account, { errors: { code: result.message }, form: 'codes', status: 422 });
    return render(request, reply, account, { codes: result.recoveryCodes });
  });

  app.post(DISABLE, { config: { guard: { person: true }, rateLimit: { max: 30, timeWindow: '15 minutes' } }, schema: { body: MfaBody } }, async (request, reply) => {
    const account = signedInAccount(request);
    if (account.roles.size > 0) return render(request, reply, account, { errors: { current_code: 'Les agents gardent la double authentification.' }, form: 'disable', status: 403 });
    const actor = { id: account.id, label: account.displayName, ip: request.ip };
    const result = await underThrottle(reply, 'code', () => disableFactor(platform, actor, { code: field(request.body, 'current_code'), password: field(request.body, 'password') }));
    if (isLocked(result)) return render(request, reply, account, { errors: result.locked, form: 'disable', status: 429 });
    if (!result.ok) return render(request, reply, account, { errors: { [result.field === 'code' ? 'current_code' : 'password']: result.message }, form: 'disable', status: 422 });
    return reply.redirect(`${ACCOUNT_PAGE}?fait=desactivee`, 303);
  });
}
