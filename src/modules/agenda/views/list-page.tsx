import { Pagination } from '../../../platform/views/components';
import { ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/form';
import { formatNumber } from '../../../platform/views/format';
import { agendaHref, agendaQuery, DISTANCES, eventHref, type AgendaOutcome } from '../service';
import { AGENDA_PATH, KINDS } from '../vocabulary';
import { whenLabel } from '../when';

export const LABELS = { du: 'À partir du', au: 'Jusqu’au', commune: 'Près de (commune ou code postal)', distance: 'Distance', type: 'Type d’événement', domaine: 'Domaine de métiers' };

/** /agenda: the filters (one GET form, every list a stable URL), the upcoming events, the feed. */
export function ListPage({ outcome }: { outcome: AgendaOutcome }) {
  const { values, errors } = outcome;
  return (
    <>
      <p class="lead">Salons, forums, portes ouvertes, job datings et ateliers pour découvrir des métiers et des formations en Bretagne.</p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="get" action={AGENDA_PATH} role="search" aria-label="Chercher un événement">
        <TextField name="du" label={LABELS.du} hint="Par exemple : 16/01/2027." value={values.du} error={errors.du} maxLength={10} />
        <TextField name="au" label={LABELS.au} value={values.au} error={errors.au} maxLength={10} />
        <TextField name="commune" label={LABELS.commune} hint="Par exemple : Lorient ou 56100." value={values.commune} error={errors.commune} maxLength={100} />
        <SelectField name="distance" label={LABELS.distance} value={values.distance} error={errors.distance} options={DISTANCES.map((d) => ({ value: d, label: `${d} km autour` }))} />
        <SelectField name="type" label={LABELS.type} value={values.type} error={errors.type} options={[{ value: '', label: 'Tous les types' }, ...Object.entries(KINDS).map(([value, label]) => ({ value, label }))]} />
        <SelectField name="domaine" label={LABELS.domaine} value={values.domaine} error={errors.domaine} options={[{ value: '', label: 'Tous les domaines' }, ...outcome.domains.map((d) => ({ value: d.code, label: d.label }))]} />
        <SubmitButton>Afficher les événements</SubmitButton>
      </form>
      {Object.keys(errors).length ? null : <Results outcome={outcome} />}
    </>
  );
}

function Results({ outcome }: { outcome: AgendaOutcome }) {
  const { total, values } = outcome;
  return (
    <section aria-labelledby="resultats">
      <h2 id="resultats">
        {total === 0 ? 'Aucun événement à venir' : `${formatNumber(total)} événement${total > 1 ? 's' : ''} à venir`}
        {outcome.near ? ` à ${values.distance} km de ${outcome.near} au plus` : ''}
      </h2>
      {total === 0 ? <p>Essayez d’autres dates, une plus grande distance, ou enlevez un filtre.</p> : null}
      <ol class="link-list">
        {outcome.events.map((e) => (
          <li>
            <a href={eventHref(e.id)}>{e.title}</a>
            <br />
            <span class="muted">
              {KINDS[e.kind]} · {whenLabel(e.starts_at, e.ends_at)} · {e.commune_name}
              {e.km !== null ? ` (à ${e.km < 1 ? 'moins de 1' : Math.round(e.km)} km)` : ''}
            </span>
          </li>
        ))}
      </ol>
      <Pagination page={outcome.page} pages={outcome.pages} href={(p) => agendaHref(values, p)} label="Pages d’événements" />
      <p>
        <a href={`${AGENDA_PATH}.ics${agendaQuery(values)}`}>S’abonner à ces événements dans mon agenda (fichier .ics)</a>
      </p>
    </section>
  );
}
