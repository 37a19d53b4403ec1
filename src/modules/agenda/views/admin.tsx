import { Badge, Notice, Pagination } from '../../../platform/views/components';
import { ErrorSummary, Form, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/form';
import { formatNumber } from '../../../platform/views/format';
import { FIELD_LABELS, type EventFormValues } from '../event-form';
import type { AgendaEvent } from '../tables';
import { AUDIENCES, KINDS, THEMES } from '../vocabulary';
import { whenLabel } from '../when';

export const agendaAdminBase = (tenantId: string) => `/admin/t/${tenantId}/agenda`;

export function AdminList({ tenantId, events, page, pages, total, canEdit }: { tenantId: string; events: AgendaEvent[]; page: number; pages: number; total: number; canEdit: boolean }) {
  const base = agendaAdminBase(tenantId);
  const now = new Date();
  return (
    <>
      {canEdit ? (
        <p>
          <a class="button" href={`${base}/nouveau`}>Créer un événement</a> <a href={`${base}/import`}>Importer un export OpenAgenda</a>
        </p>
      ) : null}
      <p>{formatNumber(total)} événement{total > 1 ? 's' : ''}, les plus récents d’abord.</p>
      <ul class="link-list">
        {events.map((e) => (
          <li>
            {canEdit ? <a href={`${base}/${e.id}`}>{e.title}</a> : e.title}{' '}
            {!e.published ? <Badge tone="neutral">Non publié</Badge> : e.ends_at < now ? <Badge tone="neutral">Passé</Badge> : <Badge tone="success">Publié</Badge>}
            {e.pro_only ? <> <Badge tone="neutral">Réservé aux professionnels</Badge></> : null}
            <br />
            <span class="muted">
              {KINDS[e.kind]} · {whenLabel(e.starts_at, e.ends_at)} · {e.commune_name}
            </span>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} href={(p) => `${base}?page=${p}`} label="Pages d’événements" />
    </>
  );
}

function Checkbox({ name, value, label, checked }: { name: string; value: string; label: string; checked: boolean }) {
  const id = `champ-${name}-${value}`;
  return (
    <div class="checkbox">
      <input type="checkbox" id={id} name={name} value={value} checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
}

export function EventForm({ action, values, errors, csrfToken, saved, publicHref }: { action: string; values: EventFormValues; errors: Record<string, string>; csrfToken: string; saved?: boolean; publicHref?: string | undefined }) {
  return (
    <>
      {saved ? <Notice kind="success" title="Événement enregistré." /> : null}
      {publicHref ? (
        <p>
          <a href={publicHref}>Voir la page publique</a>
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={FIELD_LABELS} />
      <Form action={action} csrfToken={csrfToken}>
        <SelectField name="type" label={FIELD_LABELS.type!} required value={values.type} error={errors.type} options={[{ value: '', label: 'Choisir' }, ...Object.entries(KINDS).map(([value, label]) => ({ value, label }))]} />
        <TextField name="titre" label={FIELD_LABELS.titre!} required value={values.titre} error={errors.titre} maxLength={200} />
        <TextField name="resume" label={FIELD_LABELS.resume!} hint="Une phrase, montrée dans les listes." value={values.resume} error={errors.resume} maxLength={300} />
        <TextArea name="description" label={FIELD_LABELS.description!} value={values.description} error={errors.description} rows={6} />
        <TextField name="date_debut" type="date" label={FIELD_LABELS.date_debut!} required value={values.date_debut} error={errors.date_debut} />
        <TextField name="heure_debut" label={FIELD_LABELS.heure_debut!} hint="Heure de Paris, par exemple 09:30." required value={values.heure_debut} error={errors.heure_debut} maxLength={5} />
        <TextField name="date_fin" type="date" label={FIELD_LABELS.date_fin!} hint="Laissez vide si l’événement dure un jour." value={values.date_fin} error={errors.date_fin} />
        <TextField name="heure_fin" label={FIELD_LABELS.heure_fin!} required value={values.heure_fin} error={errors.heure_fin} maxLength={5} />
        <TextField name="lieu" label={FIELD_LABELS.lieu!} required value={values.lieu} error={errors.lieu} maxLength={200} />
        <TextField name="adresse" label={FIELD_LABELS.adresse!} value={values.adresse} error={errors.adresse} maxLength={300} />
        <TextField name="commune" label={FIELD_LABELS.commune!} hint="Une commune de Bretagne, ou son code postal." required value={values.commune} error={errors.commune} maxLength={100} />
        <fieldset class={errors.publics ? 'field field--error' : 'field'} id="champ-publics">
          <legend>{FIELD_LABELS.publics}</legend>
          {errors.publics ? <p class="field__error" id="erreur-publics">{errors.publics}</p> : null}
          {Object.entries(AUDIENCES).map(([value, label]) => (
            <Checkbox name="publics" value={value} label={label} checked={values.publics.includes(value)} />
          ))}
        </fieldset>
        <SelectField name="theme" label={FIELD_LABELS.theme!} required value={values.theme} error={errors.theme} options={[{ value: '', label: 'Choisir' }, ...Object.entries(THEMES).map(([value, label]) => ({ value, label }))]} />
        <TextField name="metiers" label={FIELD_LABELS.metiers!} hint="L’événement apparaît sur ces fiches métiers. Par exemple : D1102, H2913." value={values.metiers} error={errors.metiers} maxLength={200} />
        <TextField name="domaines" label={FIELD_LABELS.domaines!} hint="L’événement apparaît sur toutes les fiches de ces domaines. Par exemple : D (commerce) ou H29." value={values.domaines} error={errors.domaines} maxLength={100} />
        <TextField name="inscription" type="url" label={FIELD_LABELS.inscription!} value={values.inscription} error={errors.inscription} maxLength={500} />
        <TextField name="organisateur" label={FIELD_LABELS.organisateur!} hint="Laissez vide : votre collectivité." value={values.organisateur} error={errors.organisateur} maxLength={200} />
        <div class="checkbox">
          <input type="checkbox" id="champ-publie" name="publie" value="oui" checked={values.publie} />
          <label for="champ-publie">Publier l’événement (visible de tous)</label>
        </div>
        <div class="checkbox">
          <input type="checkbox" id="champ-reserve-pro" name="reserve_pro" value="oui" checked={values.reserve_pro} />
          <label for="champ-reserve-pro">Réservé aux professionnels de l’orientation (conseillers) : absent de l’agenda public, du calendrier et de la recherche</label>
        </div>
        <SubmitButton>Enregistrer</SubmitButton>
      </Form>
    </>
  );
}

