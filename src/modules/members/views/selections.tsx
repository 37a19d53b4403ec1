import { savedDateLabel, type SavedKinds } from '../../../platform/saved';
import { DateText, Notice } from '../../../platform/views/components';
import { Form, SelectField, SubmitButton, TextField } from '../../../platform/views/form';
import type { SelectionItem } from '../selections';

export const selectionsPath = (tenantId: string) => `/admin/t/${tenantId}/selections`;
export const SHARED_PATH = '/selection';

export function SelectionsListPage({ tenantId, selections, csrfToken, title, error }: {
  tenantId: string;
  selections: Array<{ id: string; title: string; created_by_label: string; updated_at: Date; shared_at: Date | null; count: number }>;
  csrfToken: string;
  title?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      <p>Une sélection rassemble des métiers et des lieux (bientôt des formations et des événements) pour une personne que vous accompagnez : partagez-la par un lien ou imprimez-la.</p>
      <Form action={selectionsPath(tenantId)} csrfToken={csrfToken}>
        <TextField name="title" label="Nom de la nouvelle sélection" hint="Par exemple « Métiers de bouche, pour un rendez-vous du 3 décembre ». N’y mettez pas le nom de la personne." value={title} error={error} />
        <SubmitButton>Créer la sélection</SubmitButton>
      </Form>
      <h2>Sélections de votre structure ({selections.length})</h2>
      {selections.length === 0 ? <p class="empty-state">Aucune sélection pour l’instant : nommez la première dans le champ « Nom de la nouvelle sélection », plus haut, puis ajoutez-y des métiers et des lieux.</p> : null}
      <ul>
        {selections.map((s) => (
          <li>
            <a href={`${selectionsPath(tenantId)}/${s.id}`}>{s.title}</a> · {s.count} élément{s.count > 1 ? 's' : ''} · {s.shared_at ? 'partagée' : 'non partagée'} · {s.created_by_label}, mise à jour le <DateText date={s.updated_at} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function ItemLine({ entry, kinds }: { entry: SelectionItem; kinds: SavedKinds }) {
  const { item } = entry;
  return (
    <>
      <strong>{item ? <a href={item.url}>{item.title}</a> : 'Ce contenu n’existe plus'}</strong>
      <br />
      <span class="muted">
        {kinds.get(entry.kind)?.label ?? entry.kind}
        {item?.detail ? ` · ${item.detail}` : ''}
        {item?.date ? ` · le ${savedDateLabel(item)}` : ''}
        {item?.place ? ` · ${item.place}` : ''}
      </span>
    </>
  );
}

export function SelectionPage({ tenantId, selection, items, kinds, csrfToken, shareUrl, values, error, done }: {
  tenantId: string;
  selection: { id: string; title: string; shared_at: Date | null };
  items: SelectionItem[];
  kinds: SavedKinds;
  csrfToken: string;
  shareUrl?: string | undefined;
  values?: { type?: string; cle?: string };
  error?: string | undefined;
  done?: string | undefined;
}) {
  const base = `${selectionsPath(tenantId)}/${selection.id}`;
  const kindOptions = [...kinds.values()].map((k) => ({ value: k.id, label: k.label }));
  return (
    <>
      {done === 'revoque' ? <Notice kind="success">Le lien de partage ne fonctionne plus.</Notice> : null}
      {shareUrl ? (
        <Notice kind="success" title="Lien de partage créé">
          <p>
            Donnez ce lien à la personne (il ne sera plus affiché : copiez-le maintenant). Il ouvre une page imprimable, sans compte :
          </p>
          <p>
            <a href={shareUrl} class="share-link">
              {shareUrl}
            </a>
          </p>
        </Notice>
      ) : null}
      <h2>Éléments ({items.length})</h2>
      {items.length === 0 ? <p>La sélection est vide : ajoutez un métier ou un lieu ci-dessous.</p> : null}
      <ol>
        {items.map((entry) => (
          <li>
            <ItemLine entry={entry} kinds={kinds} />
            <Form action={`${base}/retirer`} csrfToken={csrfToken}>
              <input type="hidden" name="type" value={entry.kind} />
              <input type="hidden" name="cle" value={entry.key} />
              <button type="submit" class="link-button">
                Retirer{entry.item ? ` « ${entry.item.title} »` : ''}
              </button>
            </Form>
          </li>
        ))}
      </ol>
      <h2>Ajouter</h2>
      <Form action={`${base}/ajouter`} csrfToken={csrfToken}>
        <SelectField name="type" label="Type" options={kindOptions} value={values?.type ?? 'metier'} />
        <TextField name="cle" label="Adresse de la page sur Guichet, ou code ROME d’un métier" hint="Par exemple /orientation/metiers/D1102, ou D1102." value={values?.cle} error={error} />
        <SubmitButton>Ajouter à la sélection</SubmitButton>
      </Form>
      <h2>Partager</h2>
      <p>{selection.shared_at ? <>Un lien de partage existe depuis le <DateText date={selection.shared_at} />.</> : 'La sélection n’est pas partagée.'}</p>
      <Form action={`${base}/partager`} csrfToken={csrfToken}>
        <SubmitButton>{selection.shared_at ? 'Créer un nouveau lien (l’ancien ne marchera plus)' : 'Créer un lien de partage'}</SubmitButton>
      </Form>
      {selection.shared_at ? (
        <Form action={`${base}/revoquer`} csrfToken={csrfToken}>
          <SubmitButton secondary>Supprimer le lien de partage</SubmitButton>
        </Form>
      ) : null}
      <p>
        <a href={`${base}/export.csv`} download>
          Exporter la sélection (fichier CSV)
        </a>
      </p>
      <Form action={`${base}/supprimer`} csrfToken={csrfToken}>
        <button type="submit" class="button button--danger">
          Supprimer la sélection
        </button>
      </Form>
    </>
  );
}

/** What the person sees through the link: printable, no sign-in. */
export function SharedSelectionPage({ items, kinds, tenantName, updatedAt }: { items: SelectionItem[]; kinds: SavedKinds; tenantName: string; updatedAt: Date }) {
  const present = items.filter((i) => i.item);
  return (
    <>
      <p class="lead">
        Une sélection préparée pour vous par un conseiller de {tenantName}, mise à jour le <DateText date={updatedAt} />.
      </p>
      <p class="application-noprint">Pour l’imprimer, utilisez la commande « Imprimer » de votre navigateur (touches Ctrl et P).</p>
      {present.length === 0 ? <p>Cette sélection est vide pour l’instant.</p> : null}
      <ol class="shared-selection">
        {present.map((entry) => (
          <li>
            <ItemLine entry={entry} kinds={kinds} />
          </li>
        ))}
      </ol>
    </>
  );
}
