import { Pagination } from '../../../platform/views/components';
import { ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/form';
import { formatNumber } from '../../../platform/views/format';
import { JOBS_PATH, jobsHref, type JobsOutcome } from '../service';
import type { Domain } from '../store';
import { RomeCredit } from './credit';

const LABELS = { q: 'Nom du métier', interet: 'Centre d’intérêt', domaine: 'Domaine professionnel' };

/**
 * The 14 grand domains as options (the professional domains are links under a grand domain's list:
 * 110 more options would weigh on every page); a professional domain chosen by a link stays selected.
 */
function domainOptions(domains: Domain[], value: string) {
  const options = [{ value: '', label: 'Tous les domaines' }];
  let grand = '';
  for (const d of domains) {
    if (d.grand_domain_code !== grand) {
      grand = d.grand_domain_code;
      options.push({ value: grand, label: d.grand_domain_label });
    }
    if (d.code === value) options.push({ value: d.code, label: `– ${d.label}` });
  }
  return options;
}

export function JobsPage({ outcome }: { outcome: JobsOutcome }) {
  const { values, errors } = outcome;
  return (
    <>
      <p class="lead">
        Plus de {formatNumber(13_000)} noms de métiers, au féminin comme au masculin, rangés en {formatNumber(1_584)} fiches :
        cherchez un métier par son nom, par ce qui vous plaît ou par domaine.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="get" action={JOBS_PATH} role="search" aria-label="Chercher un métier">
        <TextField name="q" label={LABELS.q} hint="Par exemple : boulangère, aide-soignant, développeuse." value={values.q} error={errors.q} maxLength={100} />
        <SelectField
          name="interet"
          label={LABELS.interet}
          value={values.interet}
          error={errors.interet}
          options={[{ value: '', label: 'Tous les centres d’intérêt' }, ...outcome.interests.map((i) => ({ value: String(i.code), label: i.label }))]}
        />
        <SelectField name="domaine" label={LABELS.domaine} value={values.domaine} error={errors.domaine} options={domainOptions(outcome.domains, values.domaine)} />
        <SubmitButton>Rechercher</SubmitButton>
      </form>
      {outcome.asked ? <Results outcome={outcome} /> : <WaysIn outcome={outcome} />}
      <RomeCredit />
    </>
  );
}

/** Without a search: the centres d'intérêt and the grand domains, each a link to its list. */
function WaysIn({ outcome }: { outcome: JobsOutcome }) {
  const grand = new Map(outcome.domains.map((d) => [d.grand_domain_code, d.grand_domain_label]));
  return (
    <>
      <section aria-labelledby="par-interet">
        <h2 id="par-interet">Par centre d’intérêt</h2>
        <ul class="link-list">
          {outcome.interests.map((i) => (
            <li>
              <a href={jobsHref({ interet: String(i.code) })}>{i.label}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="par-domaine">
        <h2 id="par-domaine">Par domaine professionnel</h2>
        <ul class="link-list">
          {[...grand].map(([code, label]) => (
            <li>
              <a href={jobsHref({ domaine: code })}>{label}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function describe(outcome: JobsOutcome): string {
  const { values } = outcome;
  const parts: string[] = [];
  if (values.q) parts.push(`pour « ${values.q} »`);
  const interest = outcome.interests.find((i) => String(i.code) === values.interet);
  if (interest) parts.push(`pour « ${interest.label} »`);
  const domain = outcome.domains.find((d) => d.code === values.domaine);
  if (domain) parts.push(`dans le domaine « ${domain.label} »`);
  else if (values.domaine) parts.push(`dans le domaine « ${outcome.domains.find((d) => d.grand_domain_code === values.domaine)?.grand_domain_label ?? values.domaine} »`);
  return parts.join(' ');
}

function Results({ outcome }: { outcome: JobsOutcome }) {
  if (Object.keys(outcome.errors).length > 0) return null;
  const { total, values } = outcome;
  const grandDomain = values.domaine.length === 1 ? outcome.domains.filter((d) => d.grand_domain_code === values.domaine) : [];
  return (
    <section aria-labelledby="resultats">
      <h2 id="resultats">
        {total === 0 ? 'Aucun métier trouvé' : `${formatNumber(total)} métier${total > 1 ? 's' : ''} trouvé${total > 1 ? 's' : ''}`} {describe(outcome)}
      </h2>
      {grandDomain.length > 0 ? (
        <nav aria-label="Les domaines de ce grand domaine">
          <p>Préciser le domaine :</p>
          <ul class="link-list">
            {grandDomain.map((d) => (
              <li>
                <a href={jobsHref({ ...values, domaine: d.code })}>{d.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {total === 0 ? (
        <p>Essayez un autre mot, ou enlevez un filtre. Les noms de métiers sont cherchés au féminin et au masculin.</p>
      ) : (
        <ol class="link-list">
          {outcome.hits.map((h) => (
            <li>
              <a href={`${JOBS_PATH}/${h.code}`}>{h.label}</a>
              <span class="muted">
                {' '}
                · {h.domain_label}
                {h.matched.length && !h.matched.includes(h.label) ? ` · aussi appelé ${h.matched.join(', ')}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={outcome.page} pages={outcome.pages} href={(p) => jobsHref(values, p)} label="Pages de métiers" />
    </section>
  );
}
