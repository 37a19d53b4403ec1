import { DateText, Notice } from '../../../platform/views/components';
import { Form } from '../../../platform/views/form';
import { savedDateLabel, type SavedKinds } from '../../../platform/saved';
import type { Favourite } from '../favourites';

export const FAVOURITES_PATH = '/mon-compte/favoris';

const NOTICES: Record<string, string> = {
  note: 'Votre note est enregistrée.',
  retire: 'Le favori est retiré de votre liste.',
  vide: 'Tous vos favoris sont supprimés.',
};

export function FavouritesPage({ favourites, kinds, csrfToken, done }: { favourites: Favourite[]; kinds: SavedKinds; csrfToken: string; done?: string | undefined }) {
  return (
    <>
      {done && Object.hasOwn(NOTICES, done) ? <Notice kind="success">{NOTICES[done]}</Notice> : null}
      <p>
        Les métiers, formations, événements et lieux que vous avez enregistrés avec le bouton « Enregistrer ». La note de
        chaque favori est privée : vous seul la voyez. Pour un événement, vous recevez un courriel de rappel deux jours avant.
      </p>
      {favourites.length === 0 ? (
        <p>
          Vous n’avez pas encore de favori. Commencez par <a href="/orientation/metiers">les métiers</a> ou{' '}
          <a href="/aide-de-proximite">les lieux d’aide</a>.
        </p>
      ) : (
        <ol class="favourites">
          {favourites.map((f) => (
            <li>
              <h2>{f.item ? <a href={f.item.url}>{f.item.title}</a> : 'Ce contenu n’existe plus'}</h2>
              <p class="muted">
                {kinds.get(f.kind)?.label ?? f.kind}
                {f.item?.detail ? ` · ${f.item.detail}` : ''}
                {f.item?.date ? ` · le ${savedDateLabel(f.item)}` : ''}
                {f.item?.place ? ` · ${f.item.place}` : ''} · enregistré le <DateText date={f.createdAt} />
              </p>
              <Form action={`${FAVOURITES_PATH}/${f.id}/note`} csrfToken={csrfToken}>
                <label for={`note-${f.id}`}>Ma note privée{f.item ? ` sur « ${f.item.title} »` : ''}</label>
                <textarea id={`note-${f.id}`} name="note" rows={2} maxLength={1000}>
                  {f.note}
                </textarea>
                <button type="submit" class="button button--secondary">
                  Enregistrer la note
                </button>
              </Form>
              <Form action={`${FAVOURITES_PATH}/${f.id}/retirer`} csrfToken={csrfToken}>
                <button type="submit" class="link-button">
                  Retirer{f.item ? ` « ${f.item.title} »` : ''} de mes favoris
                </button>
              </Form>
            </li>
          ))}
        </ol>
      )}
      {favourites.length > 0 ? (
        <>
          <h2>Vos données</h2>
          <p>
            <a href={`${FAVOURITES_PATH}.csv`} download>
              Télécharger mes favoris et mes notes (fichier CSV)
            </a>
          </p>
          <Form action={`${FAVOURITES_PATH}/tout-supprimer`} csrfToken={csrfToken}>
            <button type="submit" class="button button--danger">
              Supprimer tous mes favoris
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
