/** The back office of an authority's places (issue 15 c.6): the list, the place's form (the CSV import uses platform/imports). */
import { Badge, Notice, Pagination } from '../../../platform/views/components';
import { ErrorSummary, Form, RadioGroup, SelectField, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../platform/views/form';
import { KIND_CHOICES, KIND_LABELS, KINDS } from '../kinds';
import { PLACE_LABELS, type PlaceFields } from '../place-input';
import type { HelpPlace } from '../tables';
import { formatNumber } from '../../../platform/views/format';

export const placesAdminPath = (tenantId: string) => `/admin/t/${encodeURIComponent(tenantId)}/lieux`;

export function PlacesAdminList({ tenantId, rows, total, page, pages, editable, notice }: {
  tenantId: string;
  rows: HelpPlace[];
  total: number;
  page: number;
  pages: number;
  editable: boolean;
  notice?: string | undefined;
}) {
  const base = placesAdminPath(tenantId);
  return (
    <>
      <p>
        Les lieux où votre collectivité reçoit le public : lieux d’orientation (CIO, Mission locale, Information Jeunesse,
        Maison de l’emploi, Carif-Oref), France Services, médiation numérique. Un lieu publié apparaît sur la page{' '}
        <a href="/aide-de-proximite">Trouver de l’aide près de chez moi</a> et dans la recherche ; un lieu retiré n’y apparaît plus.
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {editable ? (
        <p>
          <a class="button" href={`${base}/nouveau`}>Ajouter un lieu</a> <a href={`${base}/import`}>Importer un fichier CSV de lieux</a>
        </p>
      ) : (
        <p>Votre rôle permet de consulter les lieux ; un éditeur ou un administrateur peut les modifier.</p>
      )}
      <h2>{total === 0 ? 'Aucun lieu pour l’instant' : `${formatNumber(total)} lieu${total > 1 ? 'x' : ''}`}</h2>
      {rows.length > 0 ? (
        <table class="table--breaking">
          <caption>Les lieux de la collectivité{pages > 1 ? ` (page ${page} sur ${pages})` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Type</th>
              <th scope="col">Commune</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr>
                <td>{editable ? <a href={`${base}/${p.id}`}>{p.name}</a> : p.name}</td>
                <td>{KIND_LABELS[p.kind]}</td>
                <td>{p.commune_name}</td>
                <td>
                  {p.published ? <Badge tone="success">Publié</Badge> : <Badge tone="neutral">Retiré</Badge>}
                  {p.demo ? ' Démonstration' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination page={page} pages={pages} href={(p) => (p > 1 ? `${base}?page=${p}` : base)} label="Pages de la liste" />
    </>
  );
}

const yesNo = [{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }];

export function PlaceForm({ action, values, errors, csrfToken, isNew }: { action: string; values: PlaceFields; errors: FieldErrors; csrfToken: string; isNew: boolean }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={PLACE_LABELS} />
      <Form action={action} csrfToken={csrfToken}>
        <SelectField name="type" label={PLACE_LABELS.type} value={values.type} error={errors.type} required options={[{ value: '', label: 'Choisir un type' }, ...KINDS.map((k) => ({ value: k, label: KIND_CHOICES[k] }))]} />
        <TextField name="nom" label={PLACE_LABELS.nom} hint="Par exemple : Mission locale du Pays de Lorient." value={values.nom} error={errors.nom} maxLength={200} required />
        <TextField name="adresse" label={`${PLACE_LABELS.adresse} (facultatif)`} hint="Numéro et rue, sans la commune." value={values.adresse} error={errors.adresse} maxLength={300} />
        <TextField name="code_postal" label={PLACE_LABELS.code_postal} value={values.code_postal} error={errors.code_postal} maxLength={5} required inputMode="numeric" />
        <TextField name="commune" label={PLACE_LABELS.commune} value={values.commune} error={errors.commune} maxLength={100} required />
        <TextField name="latitude" label={`${PLACE_LABELS.latitude} (facultatif)`} hint="Avec la longitude, elle donne la distance aux personnes qui cherchent près de chez elles. Par exemple 47.748." value={values.latitude} error={errors.latitude} maxLength={20} />
        <TextField name="longitude" label={`${PLACE_LABELS.longitude} (facultatif)`} hint="Par exemple -3.370. Sans coordonnées, le lieu est trouvé seulement dans sa commune." value={values.longitude} error={errors.longitude} maxLength={20} />
        <TextField name="telephone" label={`${PLACE_LABELS.telephone} (facultatif)`} value={values.telephone} error={errors.telephone} maxLength={20} type="tel" />
        <TextField name="courriel" label={`${PLACE_LABELS.courriel} (facultatif)`} value={values.courriel} error={errors.courriel} maxLength={200} type="email" />
        <TextField name="site_internet" label={`${PLACE_LABELS.site_internet} (facultatif)`} value={values.site_internet} error={errors.site_internet} maxLength={500} type="url" />
        <TextArea name="horaires" label={`${PLACE_LABELS.horaires} (facultatif)`} hint="Une ligne par groupe de jours, par exemple : Du lundi au vendredi : de 9 h à 12 h 30 et de 13 h 30 à 17 h 30." value={values.horaires} error={errors.horaires} rows={3} />
        <TextArea name="services" label={`${PLACE_LABELS.services} (facultatif)`} hint="Un service par ligne, en mots simples." value={values.services} error={errors.services} rows={4} />
        <TextField name="conditions_acces" label={`${PLACE_LABELS.conditions_acces} (facultatif)`} hint="Par exemple : Gratuit, sur rendez-vous." value={values.conditions_acces} error={errors.conditions_acces} maxLength={300} />
        <TextField name="identifiant" label={`${PLACE_LABELS.identifiant} (facultatif)`} hint="Le nom du lieu dans vos fichiers : l’import CSV met à jour le lieu qui a le même identifiant." value={values.identifiant} error={errors.identifiant} maxLength={100} />
        <RadioGroup name="publie" legend="Publier le lieu ?" hint="Un lieu publié apparaît sur la page des lieux d’aide et dans la recherche." value={values.publie || 'oui'} error={errors.publie} options={yesNo} />
        <RadioGroup name="demonstration" legend="Est-ce une donnée de démonstration ?" hint="La page du lieu le dit aux visiteurs." value={values.demonstration || 'non'} error={errors.demonstration} options={yesNo} />
        <SubmitButton>{isNew ? 'Ajouter le lieu' : 'Enregistrer'}</SubmitButton>
      </Form>
    </>
  );
}

/** Withdraw (or publish again) in one button, outside the edit form. */
export function PublicationForm({ action, published, name, csrfToken }: { action: string; published: boolean; name: string; csrfToken: string }) {
  return (
    <section aria-labelledby="publication">
      <h2 id="publication">{published ? 'Retirer le lieu' : 'Publier le lieu'}</h2>
      <p>{published ? 'Le lieu n’apparaît plus aux visiteurs ni dans la recherche ; vous pouvez le publier à nouveau plus tard.' : 'Ce lieu est retiré : les visiteurs ne le voient pas.'}</p>
      <Form action={action} csrfToken={csrfToken}>
        <SubmitButton name="publie" value={published ? 'non' : 'oui'} secondary={published}>
          {published ? `Retirer « ${name} »` : `Publier « ${name} »`}
        </SubmitButton>
      </Form>
    </section>
  );
}

