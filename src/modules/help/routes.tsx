import type { FastifyInstance } from 'fastify';
import { KeptPages } from '../../platform/views/kept-pages';
import { searchHelpPlaces } from './service';
import { HELP_PATH, HelpSearchPage } from './views/search-page';

const TITLE = 'Trouver de l’aide près de chez moi';
/** What the search reads besides the territories (loaded once per COG version): the places, the menu. */
const READS = ['help_places', 'content_menu_entries', 'content_items'] as const;

export async function helpRoutes(app: FastifyInstance): Promise<void> {
  const kept = new KeptPages(app.platform.db, READS);
  app.get(HELP_PATH, async (request, reply) =>
    kept.send(request, reply, async () => {
      const outcome = await searchHelpPlaces(app.platform.db, request.query as Record<string, unknown>);
      const invalid = Object.keys(outcome.errors).length > 0;
      return {
        view: {
          title: invalid ? `Erreur : ${TITLE}` : TITLE,
          heading: TITLE,
          breadcrumb: [{ label: 'Accueil', href: '/' }, { label: TITLE }],
          main: <HelpSearchPage outcome={outcome} />,
        },
        status: invalid ? 422 : 200,
      };
    }),
  );
}
