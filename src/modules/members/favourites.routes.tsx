import { savedDateLabel } from '../../platform/saved';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { audit, type Actor } from '../../platform/audit/audit';
import { signedInAccount } from '../../platform/auth/guards';
import { csvDocument } from '../../platform/csv';
import { KeptByKey } from '../../platform/db/kept-by-key';
import { NotFoundError } from '../../platform/http/errors';
import { PersonalPages } from '../../platform/views/personal-pages';
import { favouriteRows, listFavourites, NOTE_MAX, removeFavourites, saveFavourite, setFavouriteNote, withItems, type FavouriteRow } from './favourites';
import { FAVOURITES_PATH, FavouritesPage } from './views/favourites';

const person = { guard: { person: true } };
const TITLE = 'Mes favoris';

const field = (body: unknown, key: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : '';
};

/** A path on this site to come back to, never another site. */
function backTo(value: string): string {
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') && value.length <= 500 ? value : FAVOURITES_PATH;
}

export async function favouritesRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const actorOf = (request: FastifyRequest): Actor => {
    const account = signedInAccount(request);
    return { id: account.id, label: account.displayName, ip: request.ip };
  };
  platform.accountSections.push({
    href: FAVOURITES_PATH,
    label: TITLE,
    description: 'Les métiers, lieux, formations et événements que vous avez enregistrés, avec vos notes.',
    order: 15,
  });

  /** Each person's favourites, kept until they change on any instance (row-level trigger, migration 0462). */
  const rows = new KeptByKey<FavouriteRow[]>(platform.db, 'members_favourites', { localWrites: true });
  /** The page, kept per session until the list, the saved things' tables or the menu change. */
  const pages = new PersonalPages(platform.db, ['content_menu_entries', 'content_items', ...[...platform.savedKinds.values()].flatMap((kind) => kind.tables)]);

  app.get(FAVOURITES_PATH, { config: person }, async (request, reply) => {
    // Their own list, seen by themselves: not journaled (like « Mes démarches »); changes and the export are.
    const accountId = actorOf(request).id;
    const list = rows.get(accountId, () => favouriteRows(platform.db, accountId));
    reply.header('cache-control', 'no-store');
    return pages.send(request, reply, { key: '', deps: [list] }, async () => ({
      view: {
        title: TITLE,
        noindex: true,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: 'Mon compte', href: '/mon-compte' }, { label: TITLE }],
        main: <FavouritesPage favourites={await withItems(platform.db, platform.savedKinds, await list)} kinds={platform.savedKinds} csrfToken={await reply.generateCsrf()} done={String((request.query as Record<string, unknown>).fait ?? '')} />,
      },
    }));
  });

  app.get(`${FAVOURITES_PATH}.csv`, { config: person }, async (request, reply) => {
    const actor = actorOf(request);
    const favourites = await listFavourites(platform.db, platform.savedKinds, actor.id);
    await audit(platform.db, { action: 'members.favourites_export', actor, targetType: 'account', targetId: actor.id, details: { count: favourites.length } });
    const lines = favourites.map((f) => ({
      type: platform.savedKinds.get(f.kind)?.label ?? f.kind,
      titre: f.item?.title ?? '(n’existe plus)',
      adresse: f.item ? `${platform.publicUrl}${f.item.url}` : '',
      date: f.item ? savedDateLabel(f.item) : '',
      lieu: f.item?.place ?? '',
      note: f.note,
      enregistre_le: f.createdAt.toISOString(),
    }));
    return reply
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mes-favoris.csv"')
      .send(csvDocument(['type', 'titre', 'adresse', 'date', 'lieu', 'note', 'enregistre_le'], lines));
  });

  app.post(FAVOURITES_PATH, { config: person }, async (request, reply) => {
    const outcome = await saveFavourite(platform.db, platform.savedKinds, actorOf(request), field(request.body, 'type'), field(request.body, 'cle'));
    if (!outcome.ok) {
      if (outcome.reason === 'unknown') throw new NotFoundError('Ce contenu n’existe pas, ou plus : il ne peut pas être enregistré.');
      return reply.status(422).page({
        title: `Erreur : ${TITLE}`,
        noindex: true,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: 'Mon compte', href: '/mon-compte' }, { label: TITLE }],
        main: (
          <p>
            Vous avez déjà 500 favoris : retirez-en dans <a href={FAVOURITES_PATH}>Mes favoris</a> avant d’en ajouter.
          </p>
        ),
      });
    }
    return reply.redirect(`${backTo(field(request.body, 'retour'))}#enregistrer`, 303);
  });

  app.post(`${FAVOURITES_PATH}/:id/note`, { config: person }, async (request, reply) => {
    const note = field(request.body, 'note').replace(/\r\n/g, '\n').trim().slice(0, NOTE_MAX);
    if (!(await setFavouriteNote(platform.db, actorOf(request), (request.params as { id: string }).id, note))) throw new NotFoundError('Ce favori n’existe pas, ou plus.');
    return reply.redirect(`${FAVOURITES_PATH}?fait=note`, 303);
  });

  app.post(`${FAVOURITES_PATH}/:id/retirer`, { config: person }, async (request, reply) => {
    if ((await removeFavourites(platform.db, actorOf(request), (request.params as { id: string }).id)) === 0) throw new NotFoundError('Ce favori n’existe pas, ou plus.');
    return reply.redirect(`${FAVOURITES_PATH}?fait=retire`, 303);
  });

  app.post(`${FAVOURITES_PATH}/tout-supprimer`, { config: person }, async (request, reply) => {
    await removeFavourites(platform.db, actorOf(request), null);
    return reply.redirect(`${FAVOURITES_PATH}?fait=vide`, 303);
  });
}
