import { FormBody, Key, Params, Query, Text } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { audit } from '../../platform/audit/audit';
import { signedInAccount } from '../../platform/auth/guards';
import { NotFoundError } from '../../platform/http/errors';
import { Notice } from '../../platform/views/components';
import { listConsents, revokeConsent } from './consents';
import type { IdentityProvider } from './provider';
import { MyApplications } from './views/my-applications';

export const MY_APPLICATIONS = '/mon-compte/applications';

/** A person's own list of the applications they allowed, and the way to withdraw each consent. */
export async function accountRoutes(fastify: FastifyInstance, idp: IdentityProvider) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  platform.accountSections.push({
    href: MY_APPLICATIONS,
    label: 'Applications autorisées',
    description: 'Les applications des collectivités qui vous connectent avec votre compte Guichet, et les données que vous leur avez permis de lire.',
    order: 60,
  });

  app.get(MY_APPLICATIONS, { config: { guard: { person: true } }, schema: { querystring: Query({ fait: Text }) } }, async (request, reply) => {
    const account = signedInAccount(request);
    const consents = await listConsents(idp.db, account.id);
    const revoked = request.query.fait === 'retiree';
    return reply.header('cache-control', 'no-store').page(
      {
        title: 'Applications autorisées',
        noindex: true,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: 'Mon compte', href: '/mon-compte' }, { label: 'Applications autorisées' }],
        notice: revoked ? <Notice kind="success">L’autorisation est retirée : l’application ne peut plus lire vos données.</Notice> : undefined,
        main: <MyApplications consents={consents} csrfToken={await reply.generateCsrf()} />,
      },
      { tenant: platform.tenants.portal() },
    );
  });

  app.post(`${MY_APPLICATIONS}/:client/retirer`, { config: { guard: { person: true } }, schema: { params: Params({ client: Key }), body: FormBody({}) } }, async (request, reply) => {
    const account = signedInAccount(request);
    const clientId = request.params.client;
    const client = await idp.db.selectFrom('idp_clients').select(['tenant_id']).where('id', '=', clientId).executeTakeFirst();
    if (!client || !(await revokeConsent(idp.db, account.id, clientId))) throw new NotFoundError('Vous n’avez pas autorisé cette application.');
    await audit(platform.db, {
      action: 'idp.consent_revoked',
      actor: { id: account.id, label: account.displayName, ip: request.ip },
      tenantId: client.tenant_id,
      targetType: 'idp_client',
      targetId: clientId,
    });
    return reply.redirect(`${MY_APPLICATIONS}?fait=retiree`, 303);
  });
}
