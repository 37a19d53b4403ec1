import type { FastifyInstance } from 'fastify';
import { KeptPages } from '../../platform/views/kept-pages';
import { NotFoundError } from '../../platform/http/errors';
import { saveControl } from '../../platform/views/save-control';
import { searchHelpPlaces } from './service';
import { placeSavedKind } from './saved-kind';
import { PLACE_PATH, PlacePage } from './views/place-page';
import type { HelpTables } from './tables';
import { HELP_PATH, HelpSearchPage } from './views/search-page';
import { ReportLink } from '../../platform/views/report-link';

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

  app.get(`${PLACE_PATH}/:id`, async (request, reply) =>
    kept.send(request, reply, async () => {
      const { id } = request.params as { id: string };
      const place = placeSavedKind.isKey(id) ? await app.platform.db.withTables<HelpTables>().selectFrom('help_places').selectAll().where('id', '=', id).where('published', '=', true).executeTakeFirst() : undefined;
      if (!place) throw new NotFoundError('Ce lieu d’aide n’existe pas, ou plus.');
      return {
        view: {
          title: place.name,
          heading: place.name,
          breadcrumb: [{ label: 'Accueil', href: '/' }, { label: TITLE, href: HELP_PATH }, { label: place.name }],
          main: (
            <>
              <PlacePage place={place} save={await saveControl(request, reply, placeSavedKind.id, place.id, 'ce lieu')} />
              <ReportLink dataset="lieux-aide" id={place.id} />
            </>
          ),
        },
      };
    }),
  );
}
