import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { NoQuery, Params, Query, Text, Uuid } from '../../platform/http/route-schemas';
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

/** The search form's fields (service.ts reads and checks them). */
const SearchQuery = Query({ commune: Text, departement: Text, type: Text, page: Text });

export async function helpRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const kept = new KeptPages(app.platform.db, READS);
  app.get(HELP_PATH, { schema: { querystring: SearchQuery } }, async (request, reply) =>
    kept.send(request, reply, async () => {
      const outcome = await searchHelpPlaces(app.platform.db, request.query);
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

  app.get(`${PLACE_PATH}/:id`, { schema: { params: Params({ id: Uuid }), querystring: NoQuery } }, async (request, reply) =>
    kept.send(request, reply, async () => {
      const { id } = request.params;
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
