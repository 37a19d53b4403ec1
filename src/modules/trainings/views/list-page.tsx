import { Badge, Pagination } from '../../../platform/views/components';
import { ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/form';
import { formatDay, formatEuros, formatNumber } from '../../../platform/views/format';
import { FINANCERS, LEVELS, MODALITIES } from '../model';
import type { FacetCount } from '../search-store';
import { RADII, TRAININGS_PATH, trainingsHref, type TrainingsOutcome } from '../service';

const LABELS = { q: 'Mots du nom de la formation', metier: 'Métier', niveau: 'Niveau à la sortie', modalite: 'Comment', financement: 'Qui peut payer', du: 'Commence à partir du', au: 'Commence au plus tard le', commune: 'Près de la commune', rayon: 'Distance' };

/** A facet as a select: « Tous », then its values with their counts (~6), the chosen one always. */
function options(all: string, counts: FacetCount[], label: (v: string) => string, chosen: string) {
  const shown = counts.slice(0, 6);
  if (chosen && !shown.some((c) => c.value === chosen)) shown.push({ value: chosen, count: counts.find((c) => c.value === chosen)?.count ?? 0 });
  return [{ value: '', label: all }, ...shown.map((c) => ({ value: c.value, label: `${label(c.value)} (${formatNumber(c.count)})` }))];
}

export function TrainingsPage({ outcome }: { outcome: TrainingsOutcome }) {
  const { values, errors, found } = outcome;
  const invalid = Object.keys(errors).length > 0;
  return (
    <>
      <p class="lead">Des formations en Bretagne pour apprendre un métier, près de chez vous, et les aides qui peuvent les payer.</p>
      <p>
        <Badge tone="warning">Donnée de démonstration</Badge> Les formations affichées ici sont inventées pour la démonstration.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="get" action={TRAININGS_PATH} role="search" aria-label="Chercher une formation">
        <TextField name="commune" label={LABELS.commune} hint="Nom ou code postal, par exemple Lorient ou 56100." value={values.commune} error={errors.commune} maxLength={100} />
        <SelectField name="rayon" label={LABELS.rayon} value={values.rayon || '30'} error={errors.rayon} options={RADII.map((r) => ({ value: String(r), label: `${r} km au plus` }))} />
        <SelectField name="metier" label={LABELS.metier} value={values.metier} error={errors.metier} options={options('Tous les métiers', found.facets.metier, (v) => outcome.jobs.get(v) ?? v, values.metier)} />
        <SelectField name="niveau" label={LABELS.niveau} value={values.niveau} error={errors.niveau} options={options('Tous les niveaux', found.facets.niveau, (v) => LEVELS[Number(v)] ?? v, values.niveau)} />
        <SelectField name="modalite" label={LABELS.modalite} value={values.modalite} error={errors.modalite} options={options('Sur place ou à distance', found.facets.modalite, (v) => MODALITIES[v as keyof typeof MODALITIES] ?? v, values.modalite)} />
        <SelectField name="financement" label={LABELS.financement} value={values.financement} error={errors.financement} options={options('Tous les financements', found.facets.financement, (v) => FINANCERS[v] ?? v, values.financement)} />
        <TextField name="du" label={LABELS.du} hint="AAAA-MM-JJ" value={values.du} error={errors.du} maxLength={10} />
        <TextField name="au" label={LABELS.au} hint="AAAA-MM-JJ" value={values.au} error={errors.au} maxLength={10} />
        <TextField name="q" label={LABELS.q} value={values.q} error={errors.q} maxLength={100} />
        <SubmitButton>Chercher</SubmitButton>
      </form>
      {invalid ? null : (
        <section aria-labelledby="resultats">
          <h2 id="resultats">
            {found.total === 0 ? 'Aucune formation trouvée' : `${formatNumber(found.total)} formation${found.total > 1 ? 's' : ''}`}
            {outcome.near ? ` à ${values.rayon || 30} km au plus de ${outcome.near.label}` : ''}
          </h2>
          {found.total === 0 ? <p>Enlevez un filtre, ou cherchez plus loin.</p> : null}
          <ol class="link-list">
            {found.hits.map((h) => (
              <li>
                <a href={`${TRAININGS_PATH}/${h.formation_id}`}>{h.title}</a>
                <span class="muted">
                  {' '}
                  · {h.commune_name || 'à distance'}
                  {h.distance !== null ? ` (${h.distance < 1 ? 'moins de 1' : Math.round(h.distance)} km)` : ''} · {h.organisme}
                  {h.next_start ? ` · dès le ${formatDay(h.next_start)}` : ''}
                  {h.price_euros === 0 ? ' · gratuite' : h.price_euros ? ` · ${formatEuros(h.price_euros)}` : ''}
                </span>
              </li>
            ))}
          </ol>
          <Pagination page={outcome.page} pages={outcome.pages} href={(p) => trainingsHref(values, p)} label="Pages de formations" />
        </section>
      )}
    </>
  );
}
