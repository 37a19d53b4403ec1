import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NoQuery, Params } from '../../platform/http/route-schemas';
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/http/errors';
import { openApiOf, operationsOf } from './openapi-doc';
import { GettingStarted, GETTING_STARTED, OperationPage, PortalHome, PORTAL } from './views/docs';

/** The public part of the developer portal: the operations, each documented, and getting started. */
/** An operationId: French, kebab case (docs/api.md). */
const OperationParams = Params({ operation: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,99}$', maxLength: 100 }) });

export async function portalRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const crumbs = [{ label: 'Accueil', href: '/' }];
  const operations = async () => operationsOf(await openApiOf(app), app);

  app.get(PORTAL, { schema: { querystring: NoQuery } }, async (_request, reply) =>
    reply.page(
      { title: 'Développeurs : l’API de Guichet', heading: 'L’API de Guichet', breadcrumb: [...crumbs, { label: 'Développeurs' }], main: <PortalHome operations={await operations()} /> },
      { tenant: platform.tenants.portal() },
    ),
  );

  app.get(GETTING_STARTED, { schema: { querystring: NoQuery } }, async (_request, reply) =>
    reply.page(
      {
        title: 'Démarrer avec l’API',
        heading: 'Démarrer avec l’API',
        breadcrumb: [...crumbs, { label: 'Développeurs', href: PORTAL }, { label: 'Démarrer' }],
        main: <GettingStarted base={platform.publicUrl} anonymous={{ perMinute: platform.config.API_ANONYMOUS_PER_MINUTE, perDay: platform.config.API_ANONYMOUS_PER_DAY }} />,
      },
      { tenant: platform.tenants.portal() },
    ),
  );

  app.get(`${PORTAL}/api/:operation`, { schema: { params: OperationParams, querystring: NoQuery } }, async (request, reply) => {
    const { operation: id } = request.params;
    const operation = (await operations()).find((op) => op.id === id);
    if (!operation) throw new NotFoundError('Aucune opération de l’API ne porte ce nom. La liste est sur /developpeurs.');
    return reply.page(
      {
        title: `${operation.summary || operation.id} – API`,
        heading: operation.summary || operation.id,
        breadcrumb: [...crumbs, { label: 'Développeurs', href: PORTAL }, { label: operation.id }],
        main: <OperationPage operation={operation} base={platform.publicUrl} />,
      },
      { tenant: platform.tenants.portal() },
    );
  });
}
