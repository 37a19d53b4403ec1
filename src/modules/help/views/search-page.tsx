import { Notice, Pagination, telHref } from '../../../platform/views/components';
import { formatMonth, formatNumber } from '../../../platform/views/format';
import { ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/form';
import type { SearchOutcome, SearchValues } from '../service';
import type { CentrePrecision, PlaceWithDistance } from '../store';
import { KIND_LABELS, typeOptions } from '../kinds';
import type { HelpPlace } from '../tables';

export const HELP_PATH = '/aide-de-proximite';

const LABELS = { commune: 'Commune ou code postal', departement: 'Département', type: 'Type de lieu' };


export function searchHref(values: SearchValues, page = 1): string {
  const params = new URLSearchParams();
  if (values.commune) params.set('commune', values.commune);
  if (values.departement) params.set('departement', values.departement);
  if (values.type) params.set('type', values.type);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${HELP_PATH}?${query}` : HELP_PATH;
}

export function HelpSearchPage({ outcome }: { outcome: SearchOutcome }) {
  const { values, errors } = outcome;
  return (
    <>
      <p class="lead">
        Une personne peut vous aider gratuitement à faire vos démarches, à utiliser un ordinateur ou un téléphone :
        dans un espace <strong>France Services</strong> ou dans un lieu de <strong>médiation numérique</strong>
        {' '}(médiathèque, centre social, mairie…). Pour choisir un métier, des études ou une formation, un
        conseiller vous reçoit dans un <strong>lieu d’orientation</strong> : CIO, Mission locale, Information Jeunesse,
        Maison de l’emploi.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="get" action={HELP_PATH} class="help-search" role="search" aria-label="Chercher un lieu d'aide">
        <TextField
          name="commune"
          label={LABELS.commune}
          hint="Par exemple : Quimper, ou 29000."
          value={values.commune}
          error={errors.commune}
          autocomplete="address-level2"
          maxLength={100}
        />
        <SelectField
          name="departement"
          label={LABELS.departement}
          value={values.departement}
          error={errors.departement}
          options={[{ value: '', label: 'Tous les départements' }, ...outcome.departements.map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }))]}
        />
        <SelectField
          name="type"
          label={LABELS.type}
          value={values.type}
          error={errors.type}
          {...typeOptions()}
        />
        <SubmitButton>Rechercher</SubmitButton>
      </form>
      {outcome.suggestions.length > 0 ? (
        <div class="help-suggestions">
          <p>Vouliez-vous dire :</p>
          <ul>
            {outcome.suggestions.map((c) => (
              <li>
                <a href={searchHref({ ...values, commune: c.name, departement: c.departement_code })}>
                  {c.name} ({c.departement_code})
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <DataNotice />
      <Results outcome={outcome} />
      <Sources />
    </>
  );
}

function DataNotice() {
  return (
    <Notice kind="warning" title="Des informations à vérifier avant de vous déplacer">
      <p>
        Ces lieux viennent de données publiques anciennes, utilisées pour la démonstration : la liste des France Services
        date de 2020, celle des lieux de médiation numérique de 2022 et 2023. Des adresses, horaires ou numéros ont pu
        changer, et de nouveaux lieux ont ouvert. Les lieux d’orientation marqués « Donnée de démonstration » sont
        inventés pour la démonstration. Appelez le lieu avant de vous déplacer.
      </p>
    </Notice>
  );
}

function Sources() {
  return (
    <section aria-labelledby="sources-aide" class="help-sources">
      <h2 id="sources-aide">Sources des données</h2>
      <ul>
        <li>France Services labellisées au 1er septembre 2020 : Agence nationale de la cohésion des territoires (ANCT) et Banque des Territoires.</li>
        <li>Lieux des conseillers numériques France Services (décembre 2022) et lieux d'inclusion numérique de data·inclusion (février 2023) : Cartographie nationale des lieux d'inclusion numérique (ANCT). Trois de ces lieux sont aussi des lieux d’orientation (Mission locale, Maisons de l’emploi).</li>
        <li>Les autres lieux d’orientation sont publiés par les collectivités.</li>
      </ul>
      <p>
        <a href="/sources#aide-de-proximite">Voir le détail des sources et des licences</a>
      </p>
    </section>
  );
}

const PRECISION_NOTES: Record<CentrePrecision, string> = {
  commune: 'Distances à vol d’oiseau, depuis le centre des lieux d’aide de la commune : elles sont approximatives.',
  postal_code: 'Cette commune n’a pas de lieu d’aide dans ces données. Distances à vol d’oiseau depuis les lieux de son code postal : elles sont approximatives.',
  epci: 'Cette commune n’a pas de lieu d’aide dans ces données. Distances à vol d’oiseau depuis le centre des lieux de son intercommunalité : elles sont approximatives.',
  departement: 'Distances à vol d’oiseau depuis le centre des lieux du département : elles sont très approximatives.',
};

function Results({ outcome }: { outcome: SearchOutcome }) {
  const { results } = outcome;
  if (results.mode === 'none') {
    if (Object.keys(outcome.errors).length > 0) return null;
    return (
      <section aria-labelledby="par-departement">
        <h2 id="par-departement">Voir les lieux d'un département</h2>
        <ul>
          {outcome.departements.map((d) => (
            <li>
              <a href={searchHref({ commune: '', departement: d.code, type: outcome.values.type })}>
                {d.name} ({d.code})
              </a>{' '}
              : {formatNumber(d.count)} lieux
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const where =
    results.mode === 'near'
      ? `près de ${results.communes.map((c) => `${c.name} (${c.departement_code})`).join(', ')}`
      : `dans le département ${results.departement.name} (${results.departement.code})`;
  const plural = outcome.total > 1 ? 's' : '';
  return (
    <section aria-labelledby="resultats">
      <h2 id="resultats">
        {outcome.total === 0 ? `Aucun lieu trouvé ${where}` : `${formatNumber(outcome.total)} lieu${plural === 's' ? 'x' : ''} trouvé${plural} ${where}`}
      </h2>
      {results.mode === 'near' ? <p class="muted">{PRECISION_NOTES[results.precision]}</p> : null}
      {outcome.pageCount > 1 ? (
        <p class="muted">
          Page {outcome.page} sur {outcome.pageCount}.
        </p>
      ) : null}
      <ol class="help-places">
        {results.mode === 'near'
          ? results.places.map((p) => <PlaceItem place={p} distance={p.distance_km} inCommune={p.in_commune} />)
          : results.places.map((p) => <PlaceItem place={p} />)}
      </ol>
      <ResultPages outcome={outcome} />
    </section>
  );
}

function formatDistance(km: number): string {
  if (km < 1) return 'à moins de 1 km';
  return `à environ ${formatNumber(Math.round(km))}\u00a0km`;
}

/** "avril 2022" for 2022-04-26: how old the information is. */
function monthYear(isoDate: string): string {
  return formatMonth(isoDate);
}

function PlaceItem({ place, distance, inCommune }: { place: HelpPlace | PlaceWithDistance; distance?: number | null; inCommune?: boolean }) {
  const where = [place.address, `${place.postal_code} ${place.commune_name}`.trim()].filter(Boolean).join(', ');
  const distanceText = inCommune ? 'Dans la commune' : distance !== undefined && distance !== null ? formatDistance(distance) : null;
  return (
    <li class="help-place">
      <h3>
        <a href={`${HELP_PATH}/lieux/${place.id}`}>{place.name}</a>
      </h3>
      <p class="help-place__meta">
        {KIND_LABELS[place.kind]}
        {place.demo ? <> · <strong>Donnée de démonstration</strong></> : null}
        {distanceText ? ` · ${distanceText}` : ''}
        {place.access_conditions ? ` · ${place.access_conditions}` : ''}
        {` · informations de ${monthYear(place.source_date)}`}
      </p>
      <p>{where}</p>
      <PlaceContact place={place} />
      <p class="help-place__hours">{place.opening_hours ? `Horaires :\n${place.opening_hours}` : 'Horaires non publiés : appelez avant de venir.'}</p>
      {place.services.length > 0 ? (
        // One paragraph rather than a list: the page stays under its DOM budget with 10 places.
        <details>
          <summary>Services proposés ({place.services.length})</summary>
          <p>{place.services.join(' ; ')}.</p>
        </details>
      ) : null}
    </li>
  );
}

function ResultPages({ outcome }: { outcome: SearchOutcome }) {
  return <Pagination page={outcome.page} pages={outcome.pageCount} href={(page) => searchHref(outcome.values, page)} label="Pages de résultats" />;
}

/** A place's phone, mail and website on one line (the results and the place's own page). */
export function PlaceContact({ place }: { place: Pick<HelpPlace, 'name' | 'phone' | 'email' | 'website'> }) {
  return (
    <p>
      {place.phone ? (
        <>
          Téléphone : <a href={telHref(place.phone)}>{place.phone}</a>
        </>
      ) : (
        'Pas de numéro de téléphone publié.'
      )}
      {place.email ? (
        <>
          {' · '}
          <a href={`mailto:${place.email}`}>{place.email}</a>
        </>
      ) : null}
      {place.website ? (
        <>
          {' · '}
          <a href={place.website} rel="noopener" aria-label={`Site internet de ${place.name}`}>
            Site internet
          </a>
        </>
      ) : null}
    </p>
  );
}
