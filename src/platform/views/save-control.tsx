import type { FastifyReply, FastifyRequest } from 'fastify';
import { FAVOURITES_PAGE, SAVE_ACTION } from '../saved';

/**
 * The « Enregistrer » control of a page that shows a thing people can save (a job sheet, a help
 * place; later a training, an event): a POST form with its CSRF token that comes back to the page,
 * « Enregistré dans Mes favoris » once saved, and for a visitor a link to sign in that brings
 * them back here. Works without JavaScript. Only pages built per request for a signed-in person
 * carry a form (kept pages are built for visitors: they get the link).
 */
export async function saveControl(request: FastifyRequest, reply: FastifyReply, kind: string, key: string, what: string) {
  const account = await request.currentAccount();
  const back = request.url.split('#')[0]!;
  if (!account) {
    return (
      <p class="save-control" id="enregistrer">
        <a href={`/connexion?suite=${encodeURIComponent(back)}`}>Se connecter pour enregistrer {what} dans mes favoris</a>
      </p>
    );
  }
  const port = request.server.platform.favourites;
  if (port && (await port.savedKeys(account.id, kind, [key])).has(key)) {
    return (
      <p class="save-control" id="enregistrer">
        Enregistré dans <a href={FAVOURITES_PAGE}>mes favoris</a>.
      </p>
    );
  }
  return (
    <form class="save-control" id="enregistrer" action={SAVE_ACTION} method="post">
      <input type="hidden" name="_csrf" value={await reply.generateCsrf()} />
      <input type="hidden" name="type" value={kind} />
      <input type="hidden" name="cle" value={key} />
      <input type="hidden" name="retour" value={back} />
      <button type="submit" class="button button--secondary">
        Enregistrer {what}
      </button>
    </form>
  );
}
