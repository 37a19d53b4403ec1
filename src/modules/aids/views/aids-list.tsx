import { Badge, Pagination } from '../../../platform/views/components';
import { formatNumber, parisToday } from '../../../platform/views/format';
import { aidOpenness } from '../openness';
import { ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/form';
import { formatAmount } from '../explain';
import { AUDIENCES, PORTEUR_KINDS, THEMES } from '../format';
import type { AidSearchOutcome, AidSearchValues } from '../service';

const LABELS = { q: 'Mots-clés', theme: 'Thème', public: 'Public', niveau: 'Organisme' };

export function listHref(path: string, values: AidSearchValues, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'theme', 'public', 'niveau'] as const) if (values[key]) params.set(key, values[key]);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

const options = (record: Record<string, string>, all: string) => [{ value: '', label: all }, ...Object.entries(record).map(([value, label]) => ({ value, label }))];

export function AidsList({ outcome, path, exportHref, intro }: { outcome: AidSearchOutcome; path: string; exportHref: string; intro: string }) {
  const { values, errors } = outcome;
  const plural = outcome.total > 1 ? 's' : '';
  const today = parisToday();
  return (
    <>
      <p class="lead">{intro}</p>
      <p>
        <a href="/aides/simulateur">Trouver les aides auxquelles vous avez droit</a> : répondez à quelques questions, Guichet vous dit lesquelles et pourquoi.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <div class="columns">
        <div class="columns__side">
          <form method="get" action={path} class="aids-search" role="search" aria-label="Chercher une aide">
            <TextField name="q" label={LABELS.q} hint="Par exemple : permis, logement, vélo, BAFA." value={values.q} error={errors.q} maxLength={100} />
            <SelectField name="theme" label={LABELS.theme} value={values.theme} error={errors.theme} options={options(THEMES, 'Tous les thèmes')} />
            <SelectField name="public" label={LABELS.public} value={values.public} error={errors.public} options={options(AUDIENCES, 'Tous les publics')} />
            <SelectField name="niveau" label={LABELS.niveau} value={values.niveau} error={errors.niveau} options={options(PORTEUR_KINDS, 'Tous les organismes')} />
            <SubmitButton>Rechercher</SubmitButton>
          </form>
        </div>
        <div class="columns__main">
          {Object.keys(errors).length ? null : (
            <section aria-labelledby="resultats">
              <h2 id="resultats">{outcome.total === 0 ? 'Aucune aide ne correspond à votre recherche' : `${formatNumber(outcome.total)} aide${plural} trouvée${plural}`}</h2>
              {outcome.total === 0 ? (
                <div class="empty-state">
                  <p>Essayez avec d’autres mots ou moins de filtres.</p>
                  <p>
                    Vous pouvez aussi <a href={path}>voir toutes les aides</a>, répondre au <a href="/aides/simulateur">simulateur</a>, ou{' '}
                    <a href="/aide-de-proximite">vous faire aider près de chez vous</a>.
                  </p>
                </div>
              ) : null}
              <ol class="aids-list">
                {outcome.rows.map((row) => (
                  <li>
                    <h3>
                      <a href={`/aides/${row.id}`}>{row.name}</a>
                    </h3>
                    <p class="muted">
                      <Badge tone={aidOpenness(row.dates, today).tone}>{aidOpenness(row.dates, today).label}</Badge> {row.porteur_name}
                      {row.amount ? ` · ${formatAmount(row.amount)}` : ''}
                    </p>
                    <p>{row.summary}</p>
                  </li>
                ))}
              </ol>
              <Pagination page={outcome.page} pages={outcome.pages} href={(p) => listHref(path, values, p)} label="Pages de résultats" />
            </section>
          )}
        </div>
      </div>
      <section aria-labelledby="donnees-ouvertes">
        <h2 id="donnees-ouvertes">Données ouvertes</h2>
        <p>
          Ces aides sont publiées en données ouvertes : <a href={`${exportHref}format=csv`}>télécharger au format CSV</a> ou{' '}
          <a href={`${exportHref}format=json`}>au format JSON</a>. <a href="/sources#aides">Sources et licences des données</a>.
        </p>
      </section>
    </>
  );
}
