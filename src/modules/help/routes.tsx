import type { FastifyInstance } from 'fastify';
import { searchHelpPlaces } from './service';
import { HELP_PATH, HelpSearchPage } from './views/search-page';

const TITLE = 'Trouver de l’aide près de chez moi';

export async function helpRoutes(app: FastifyInstance): Promise<void> {
  app.get(HELP_PATH, async (request, reply) => {
    const outcome = await searchHelpPlaces(app.platform.db, request.query as Record<string, unknown>);
    const invalid = Object.keys(outcome.errors).length > 0;
    return reply.page(
      {
        title: invalid ? `Erreur : ${TITLE}` : TITLE,
        heading: TITLE,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: TITLE }],
        main: <HelpSearchPage outcome={outcome} />,
      },
      { status: invalid ? 422 : 200 },
    );
  });
}
