import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/http/errors';
import { openApiOf, operationsOf } from './openapi-doc';
import { GettingStarted, GETTING_STARTED, OperationPage, PortalHome, PORTAL } from './views/docs';

/** The public part of the developer portal: the operations, each documented, and getting started. */
export async function portalRoutes(app: FastifyInstance) {
  const { platform } = app;
  const crumbs = [{ label: 'Accueil', href: '/' }];
  const operations = async () => operationsOf(await openApiOf(app), app);

  app.get(PORTAL, async (_request, reply) =>
    reply.page(
      { title: 'Développeurs : l’API de Guichet', heading: 'L’API de Guichet', breadcrumb: [...crumbs, { label: 'Développeurs' }], main: <PortalHome operations={await operations()} /> },
      { tenant: platform.tenants.portal() },
    ),
  );

  app.get(GETTING_STARTED, async (_request, reply) =>
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

  app.get(`${PORTAL}/api/:operation`, async (request, reply) => {
    const { operation: id } = request.params as { operation: string };
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
