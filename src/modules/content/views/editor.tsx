import { Notice } from '../../../platform/views/components';
import { ErrorSummary, FileField, Form, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../platform/views/form';
import { contentLabels, type ContentFormValues } from '../content-form';
import { statusOf } from '../store';
import type { ContentItem, ContentKind } from '../tables';
import { adminBase, KIND_PARAM, StatusBadge } from './admin-common';

export const emptyValues: ContentFormValues = {
  title: '',
  slug: '',
  summary: '',
  body: '',
  tags: '',
  image_alt: '',
  image_decorative: false,
  image_remove: false,
  image_pending: '',
  pro_only: false,
};

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div class="checkbox">
      <input type="checkbox" id={`champ-${name}`} name={name} value="oui" checked={checked} />
      <label for={`champ-${name}`}>{label}</label>
    </div>
  );
}

/** The form that creates an item or adds a version to it. */
export function EditorForm({ tenantId, kind, item, currentImage, values, errors, csrfToken }: {
  tenantId: string;
  kind: ContentKind;
  item?: ContentItem | undefined;
  currentImage?: { id: string; alt: string } | undefined;
  values: ContentFormValues;
  errors: FieldErrors;
  csrfToken: string;
}) {
  const base = `${adminBase(tenantId)}/contenus`;
  const pathWord = kind === 'page' ? 'pages' : 'actualites';
  const shownImage = values.image_pending ? { id: values.image_pending, alt: values.image_alt } : currentImage;
  return (
    <>
      <ErrorSummary errors={errors} labels={contentLabels} />
      <Form action={item ? `${base}/${item.id}` : `${base}/nouveau?type=${KIND_PARAM[kind]}`} csrfToken={csrfToken} multipart>
        <TextField name="title" label={contentLabels.title!} value={values.title} error={errors.title} maxLength={200} required />
        <TextField
          name="slug"
          label={contentLabels.slug!}
          value={values.slug}
          error={errors.slug}
          maxLength={80}
          hint={`La fin de l'adresse web : …/${pathWord}/vos-demarches. Lettres minuscules sans accent, chiffres et tirets. Laissez vide pour la fabriquer à partir du titre.${item?.published_version ? ' Attention : la changer change tout de suite l’adresse de la version en ligne.' : ''}`}
        />
        <TextArea name="summary" label={contentLabels.summary!} value={values.summary} error={errors.summary} rows={3} hint="Une ou deux phrases, montrées dans les listes (300 caractères au plus)." />
        <TextArea
          name="body"
          label={contentLabels.body!}
          value={values.body}
          error={errors.body}
          rows={16}
          hint="Mise en forme (Markdown) : « ## Intertitre », « **gras** », « *italique* », une ligne « - élément » par élément de liste, « [texte du lien](https://adresse) ». Laissez une ligne vide entre deux paragraphes. Le code HTML n'est pas interprété ; une image se met dans le champ Image ci-dessous."
        />
        <fieldset>
          <legend>Image (facultative)</legend>
          {shownImage ? (
            <>
              <p>Image actuelle :</p>
              <img class="editor-image" src={`/media/${shownImage.id}`} alt={shownImage.alt ? `Image actuelle : ${shownImage.alt}` : 'Image actuelle (décorative)'} />
              {values.image_pending ? <input type="hidden" name="image_pending" value={values.image_pending} /> : null}
              <Checkbox name="image_remove" label="Retirer l'image" checked={values.image_remove} />
            </>
          ) : null}
          <FileField name="image" label={shownImage ? 'Remplacer par une autre image' : 'Choisir une image'} accept="image/png,image/jpeg,image/webp" error={errors.image} hint="Format PNG, JPEG ou WebP, 2 Mo au plus." />
          <TextField
            name="image_alt"
            label={contentLabels.image_alt!}
            value={values.image_alt}
            error={errors.image_alt}
            maxLength={250}
            hint="Obligatoire avec une image : décrivez ce qu'elle montre d'utile, en quelques mots, pour les personnes qui ne la voient pas."
          />
          <Checkbox name="image_decorative" label="Image décorative : elle n'apporte pas d'information (pas de description)" checked={values.image_decorative} />
        </fieldset>
        {kind === 'page' ? <Checkbox name="pro_only" label="Réservée aux professionnels de l’orientation (conseillers) : absente du site public et de la recherche" checked={values.pro_only} /> : null}
        <TextField name="tags" label={contentLabels.tags!} value={values.tags} error={errors.tags} hint="Séparez les étiquettes par des virgules, par exemple : transports, jeunesse." />
        <div class="actions">
          <SubmitButton>{item ? 'Enregistrer une nouvelle version' : 'Enregistrer le brouillon'}</SubmitButton>
          <a href={base}>Annuler</a>
        </div>
      </Form>
    </>
  );
}

/** Status, preview, history and publication buttons of an existing item. */
export function ItemActions({ tenantId, item, publicHref, csrfToken, saved }: {
  tenantId: string;
  item: ContentItem;
  publicHref: string;
  csrfToken: string;
  saved?: string | undefined;
}) {
  const base = `${adminBase(tenantId)}/contenus/${item.id}`;
  const status = statusOf(item);
  const messages: Record<string, string> = {
    enregistre: 'La nouvelle version est enregistrée. Elle n’est visible du public qu’après publication.',
    publie: 'Le contenu est publié : il est visible du public.',
    depublie: 'Le contenu est retiré du site : il n’est plus visible du public.',
    restaure: 'L’ancienne version a été copiée dans une nouvelle version. Publiez-la pour la mettre en ligne.',
  };
  return (
    <>
      {saved && messages[saved] ? (
        <Notice kind="success">
          <p>{messages[saved]}</p>
        </Notice>
      ) : null}
      <p>
        Statut : <StatusBadge status={status} /> (version {item.latest_version}
        {item.published_version ? `, version publiée : ${item.published_version}` : ''}).{' '}
        {item.published_version ? <a href={publicHref}>Voir la page en ligne</a> : null}
      </p>
      <div class="actions">
        <a href={`${base}/apercu`}>Aperçu</a>
        <a href={`${base}/historique`}>Historique des versions</a>
        {status !== 'publie' ? (
          <Form action={`${base}/publier`} csrfToken={csrfToken} class="inline-form">
            <SubmitButton>{status === 'modifie' ? 'Publier la dernière version' : 'Publier'}</SubmitButton>
          </Form>
        ) : null}
        {status !== 'brouillon' ? (
          <Form action={`${base}/depublier`} csrfToken={csrfToken} class="inline-form">
            <SubmitButton secondary>Retirer du site</SubmitButton>
          </Form>
        ) : null}
      </div>
    </>
  );
}
