import { FormBody, Key, Params, Query, TenantId, TenantParams, Text, TextList } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { audit } from '../../platform/audit/audit';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, requireAccount, routeTenant } from '../../platform/views/admin';
import { Notice } from '../../platform/views/components';
import type { FieldErrors } from '../../platform/views/form';
import { validateClient, type ClientForm } from './clients.service';
import { createClient, findTenantClient, listClients, regenerateSecret, setDisabled, updateClient } from './clients.store';
import { publishedKeys, rotateSigningKeys } from './keys';
import type { IdentityProvider } from './provider';
import type { IdpClient } from './tables';
import { ApplicationsPage, ClientDetail, emptyForm, formOf, SecretShown } from './views/applications';

const DONE: Record<string, string> = {
  modifiee: 'Les modifications sont enregistrées.',
  desactivee: 'L’application est désactivée : plus personne ne peut s’y connecter.',
  reactivee: 'L’application est réactivée.',
  cle: 'Une nouvelle clé de signature est en service. L’ancienne reste publiée 24 heures.',
};

/** The back office of an authority's applications (administrators only). */
const ClientParams = Params({ tenant: TenantId, client: Key });
/** An application's form (views): its name, addresses (one a line), authentication and scopes (checkboxes). */
const ClientBody = FormBody({ name: Text, redirect_uris: Text, post_logout_redirect_uris: Text, auth_method: Text, scopes: TextList });

export async function adminRoutes(fastify: FastifyInstance, idp: IdentityProvider) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const admin = { config: { guard: { tenantRole: 'administrateur' as const } } };
  const baseOf = (tenant: Tenant) => `/admin/t/${tenant.id}/applications`;
  const actor = async (request: FastifyRequest) => {
    const account = await requireAccount(request);
    return { id: account.id, label: account.displayName, ip: request.ip };
  };

  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    tenant: Tenant,
    options: { form?: ClientForm; errors?: FieldErrors; notice?: ComponentChildren; status?: number } = {},
  ) => {
    const clients = await listClients(idp.db, tenant.id);
    const errors = options.errors ?? {};
    const keys = tenant.id === platform.tenants.portal().id ? await publishedKeys(idp.db) : undefined;
    return adminPage(
      request,
      reply,
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}Applications connectées`,
        heading: `Applications connectées à Guichet – ${tenant.short_name}`,
        crumbs: [{ label: 'Applications connectées' }],
        current: baseOf(tenant),
        notice: options.notice,
        main: (csrfToken) => (
          <ApplicationsPage tenant={tenant} clients={clients} base={baseOf(tenant)} csrfToken={csrfToken} form={options.form ?? emptyForm()} errors={errors} issuer={idp.issuer} keys={keys} />
        ),
      },
      { status: options.status ?? 200, tenant },
    );
  };

  const renderDetail = async (
    request: FastifyRequest,
    reply: FastifyReply,
    tenant: Tenant,
    client: IdpClient,
    options: { form?: ClientForm; errors?: FieldErrors; notice?: ComponentChildren; status?: number } = {},
  ) => {
    const errors = options.errors ?? {};
    return adminPage(
      request,
      reply,
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}${client.name}`,
        crumbs: [{ label: 'Applications connectées', href: baseOf(tenant) }, { label: client.name }],
        current: baseOf(tenant),
        notice: options.notice,
        main: (csrfToken) => <ClientDetail client={client} base={baseOf(tenant)} csrfToken={csrfToken} form={options.form ?? formOf(client)} errors={errors} />,
      },
      { status: options.status ?? 200, tenant },
    );
  };

  const clientOf = async (id: string, tenant: Tenant) => {
    const client = await findTenantClient(idp.db, tenant.id, id);
    if (!client) throw new NotFoundError("Cette application n'existe pas dans cette collectivité.");
    return client;
  };

  app.get('/admin/t/:tenant/applications', { ...admin, schema: { params: TenantParams, querystring: Query({ fait: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const done = DONE[request.query.fait ?? ''];
    return renderList(request, reply, tenant, { notice: done ? <Notice kind="success">{done}</Notice> : undefined });
  });

  app.post('/admin/t/:tenant/applications', { ...admin, schema: { params: TenantParams, body: ClientBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const { form, valid, errors } = validateClient(request.body);
    if (!valid) return renderList(request, reply, tenant, { form, errors, status: 422 });
    const who = await actor(request);
    const { client, secret } = await createClient(idp.db, { ...valid, tenantId: tenant.id, createdBy: who.id });
    await audit(platform.db, {
      action: 'idp.client_created',
      actor: who,
      tenantId: tenant.id,
      targetType: 'idp_client',
      targetId: client.id,
      details: { name: client.name, redirect_uris: client.redirect_uris, scopes: client.scopes, auth_method: client.auth_method },
    });
    // The secret is in this answer only: never in a URL, a log or the database.
    return renderList(request, reply, tenant, { notice: <SecretShown client={client} secret={secret} created />, status: 201 });
  });

  app.post('/admin/t/:tenant/applications/cles', { ...admin, schema: { params: TenantParams, body: FormBody({}) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    if (tenant.id !== platform.tenants.portal().id) throw new NotFoundError();
    const { kid, retiring } = await rotateSigningKeys(idp.db, platform.config.SESSION_SECRET);
    idp.reload();
    await audit(platform.db, { action: 'idp.key_rotated', actor: await actor(request), tenantId: tenant.id, targetType: 'idp_key', targetId: kid, details: { retiring } });
    return reply.redirect(`${baseOf(tenant)}?fait=cle#cles`, 303);
  });

  app.get('/admin/t/:tenant/applications/:client', { ...admin, schema: { params: ClientParams, querystring: Query({ fait: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const client = await clientOf(request.params.client, tenant);
    const done = DONE[request.query.fait ?? ''];
    return renderDetail(request, reply, tenant, client, { notice: done ? <Notice kind="success">{done}</Notice> : undefined });
  });

  app.post('/admin/t/:tenant/applications/:client', { ...admin, schema: { params: ClientParams, body: ClientBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const client = await clientOf(request.params.client, tenant);
    const { form, valid, errors } = validateClient(request.body, client.auth_method);
    if (!valid) return renderDetail(request, reply, tenant, client, { form, errors, status: 422 });
    await updateClient(idp.db, tenant.id, client.id, valid);
    await audit(platform.db, {
      action: 'idp.client_updated',
      actor: await actor(request),
      tenantId: tenant.id,
      targetType: 'idp_client',
      targetId: client.id,
      details: { name: valid.name, redirect_uris: valid.redirectUris, post_logout_redirect_uris: valid.postLogoutRedirectUris, scopes: valid.scopes, auth_method: valid.authMethod },
    });
    return reply.redirect(`${baseOf(tenant)}/${client.id}?fait=modifiee`, 303);
  });

  app.post('/admin/t/:tenant/applications/:client/secret', { ...admin, schema: { params: ClientParams, body: FormBody({}) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const client = await clientOf(request.params.client, tenant);
    const secret = await regenerateSecret(idp.db, tenant.id, client.id);
    if (!secret) throw new NotFoundError();
    await audit(platform.db, { action: 'idp.client_secret_regenerated', actor: await actor(request), tenantId: tenant.id, targetType: 'idp_client', targetId: client.id });
    return renderDetail(request, reply, tenant, client, { notice: <SecretShown client={client} secret={secret} created={false} /> });
  });

  for (const [path, disabled] of [['desactiver', true], ['reactiver', false]] as const) {
    app.post(`/admin/t/:tenant/applications/:client/${path}`, { ...admin, schema: { params: ClientParams, body: FormBody({}) } }, async (request, reply) => {
      const tenant = routeTenant(request);
      const client = await clientOf(request.params.client, tenant);
      await setDisabled(idp.db, tenant.id, client.id, disabled);
      await audit(platform.db, {
        action: disabled ? 'idp.client_disabled' : 'idp.client_enabled',
        actor: await actor(request),
        tenantId: tenant.id,
        targetType: 'idp_client',
        targetId: client.id,
      });
      return reply.redirect(`${baseOf(tenant)}/${client.id}?fait=${disabled ? 'desactivee' : 'reactivee'}`, 303);
    });
  }
}
