import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../platform/audit/audit';
import type { CurrentAccount } from '../../platform/auth/current-account';
import { signedInAccount } from '../../platform/auth/guards';
import { NotFoundError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';
import { isOperator, managedTenants, mayManage } from './access';
import { applicationsOf, createApplication, findApplication, keysOf, revokeKey, rotateKey, setScopes, type Application } from './store';
import { usageOf } from './usage';
import { ApplicationDetail, ApplicationsList, appPath, chosenScopes, KeyShownOnce } from './views/apps';
import { APPLICATIONS, PORTAL } from './views/docs';

const person = { config: { guard: { person: true } } } as const;
const DONE: Record<string, string> = { portees: 'Les portées sont enregistrées.', revoquee: 'La clé est révoquée : elle est refusée dès maintenant.' };

/** « Mes applications »: register an application, its key shown once, scopes, rotation, revocation, usage. */
export async function applicationRoutes(app: FastifyInstance) {
  const { platform } = app;
  const { db } = platform;
  const crumbs = [{ label: 'Accueil', href: '/' }, { label: 'Développeurs', href: PORTAL }];
  const page = (reply: FastifyReply, title: string, main: preact.JSX.Element, status = 200, crumb: Array<{ label: string; href?: string }> = []) =>
    reply.header('cache-control', 'no-store').page({ title, heading: title, noindex: true, breadcrumb: [...crumbs, ...crumb, { label: title }], main }, { status, tenant: platform.tenants.portal() });

  const ownersOf = (account: CurrentAccount) => [
    { value: 'moi', label: `Moi-même (${account.displayName})` },
    ...managedTenants(account).map((id) => ({ value: `collectivite:${id}`, label: `La collectivité ${platform.tenants.get(id)?.name ?? id}` })),
  ];

  const list = async (reply: FastifyReply, account: CurrentAccount, values: Record<string, unknown> = {}, errors: FieldErrors = {}, status = 200) =>
    page(
      reply,
      'Mes applications',
      <ApplicationsList
        applications={await applicationsOf(db, account.id, managedTenants(account))}
        tenantName={(id) => platform.tenants.get(id)?.name ?? id}
        owners={ownersOf(account)} csrfToken={await reply.generateCsrf()} values={values} errors={errors} />,
      status,
    );

  app.get(APPLICATIONS, person, async (request, reply) => list(reply, signedInAccount(request)));

  app.post(APPLICATIONS, person, async (request, reply) => {
    const account = signedInAccount(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const name = typeof body.nom === 'string' ? body.nom.trim() : '';
    const description = typeof body.description === 'string' ? body.description.trim() : '';
    const scopes = chosenScopes(body.portees);
    const ownerChoice = typeof body.proprietaire === 'string' ? body.proprietaire : 'moi';
    const errors: FieldErrors = {};
    if (name === '') errors.nom = 'Donnez un nom à l’application.';
    else if (name.length > 80) errors.nom = 'Le nom tient en 80 caractères au plus.';
    if (description.length > 500) errors.description = 'La description tient en 500 caractères au plus.';
    if (scopes.length === 0) errors.portees = 'Choisissez au moins une portée.';
    const tenantId = ownerChoice.startsWith('collectivite:') ? ownerChoice.slice('collectivite:'.length) : undefined;
    if (tenantId !== undefined && !managedTenants(account).includes(tenantId)) errors.proprietaire = 'Vous n’administrez pas cette collectivité.';
    if (Object.keys(errors).length) return list(reply, account, { nom: name, description, proprietaire: ownerChoice, portees: scopes }, errors, 422);
    const { application, key } = await createApplication(db, { name, description, owner: tenantId ? { tenantId } : { accountId: account.id }, createdBy: account.id, scopes });
    await audit(db, { action: 'developer.application_created', actor: actorOf(account, request), tenantId: tenantId ?? null, targetType: 'developer_application', targetId: application.id, details: { scopes } });
    return page(reply, `Application « ${name} » inscrite`, <KeyShownOnce applicationId={application.id} apiKey={key} />, 201, [{ label: 'Mes applications', href: APPLICATIONS }]);
  });

  /** The application, if this account may see it (its owner, or the platform operator). */
  const loaded = async (request: FastifyRequest, forManaging: boolean): Promise<{ account: CurrentAccount; application: Application; manage: boolean }> => {
    const account = signedInAccount(request);
    const application = await findApplication(db, (request.params as { id: string }).id);
    if (!application) throw new NotFoundError('Cette application n’existe pas.');
    const manage = mayManage(account, application);
    if (!manage && (forManaging || !isOperator(app, account))) throw new NotFoundError('Cette application n’existe pas.');
    return { account, application, manage };
  };

  const detail = async (request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, status = 200) => {
    const { application, manage } = await loaded(request, false);
    const done = DONE[(request.query as { fait?: string }).fait ?? ''];
    return page(
      reply,
      application.name,
      <ApplicationDetail application={application} keys={await keysOf(db, application.id)} usage={await usageOf(db, [application.id])} csrfToken={await reply.generateCsrf()} manage={manage} errors={errors} done={done} />,
      status,
      [{ label: 'Mes applications', href: APPLICATIONS }],
    );
  };

  app.get(`${APPLICATIONS}/:id`, person, async (request, reply) => detail(request, reply));

  app.post(`${APPLICATIONS}/:id/portees`, person, async (request, reply) => {
    const { account, application } = await loaded(request, true);
    const scopes = chosenScopes((request.body as Record<string, unknown> | undefined)?.portees);
    if (scopes.length === 0) return detail(request, reply, { portees: 'Choisissez au moins une portée.' }, 422);
    await setScopes(db, application.id, scopes);
    await audit(db, { action: 'developer.scopes_changed', actor: actorOf(account, request), tenantId: application.ownerTenantId, targetType: 'developer_application', targetId: application.id, details: { scopes } });
    return reply.redirect(`${appPath(application.id)}?fait=portees`, 303);
  });

  app.post(`${APPLICATIONS}/:id/rotation`, person, async (request, reply) => {
    const { account, application } = await loaded(request, true);
    const key = await rotateKey(db, application.id);
    await audit(db, { action: 'developer.key_rotated', actor: actorOf(account, request), tenantId: application.ownerTenantId, targetType: 'developer_application', targetId: application.id });
    return page(reply, `Nouvelle clé de « ${application.name} »`, <KeyShownOnce applicationId={application.id} apiKey={key} />, 200, [{ label: 'Mes applications', href: APPLICATIONS }]);
  });

  app.post(`${APPLICATIONS}/:id/revocation`, person, async (request, reply) => {
    const { account, application } = await loaded(request, true);
    const keyId = String((request.body as Record<string, unknown> | undefined)?.cle ?? '');
    if (!(await revokeKey(db, application.id, keyId))) throw new NotFoundError('Cette clé n’existe pas ou est déjà révoquée.');
    await audit(db, { action: 'developer.key_revoked', actor: actorOf(account, request), tenantId: application.ownerTenantId, targetType: 'developer_application', targetId: application.id, details: { key: keyId } });
    return reply.redirect(`${appPath(application.id)}?fait=revoquee`, 303);
  });
}

export function actorOf(account: CurrentAccount, request: FastifyRequest) {
  return { id: account.id, label: account.displayName, ip: request.ip };
}
