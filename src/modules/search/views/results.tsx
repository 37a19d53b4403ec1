import { Notice, Pagination, telHref } from '../../../platform/views/components';
import { isProcedureType, type ProcedureLinks } from '../../procedures';
import { distanceLabel, RADIUS_KM, type NearResult } from '../distance';
import { FACETS, type Filters } from '../facets';
import { COUNT_CAP, MARK_END, MARK_START, MAX_QUERY_LENGTH, type SearchHit, type SearchOutcome } from '../query';
import { typeLabel } from '../sources';
import { ProcedureHitLinks } from './procedure-hit';
import { Facets } from './facets';
import { formatNumber } from '../../../platform/views/format';

export const SEARCH_PATH = '/recherche';

/** An extract whose matched words are in <mark>: the text is split, never injected as HTML. */
export function Extract({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <p class="search-hit__extract">
      {parts.map((part, i) => {
        if (i === 0) return part.replaceAll(MARK_END, '');
        const [marked = '', rest = ''] = part.split(MARK_END, 2);
        return (
          <>
            <mark>{marked}</mark>
            {rest.replaceAll(MARK_END, '')}
          </>
        );
      })}
    </p>
  );
}

export interface HitLinks {
  /** Aids people can apply for on Guichet. */
  applicable: Set<string>;
  /** service-public.fr procedures: their online services. */
  procedures: Map<string, ProcedureLinks>;
}

function Hit({ hit, links }: { hit: SearchHit; links: HitLinks }) {
  return (
    <li class="search-hit">
      <p class="search-hit__meta">
        {typeLabel(hit.type)}
        {hit.tenantName && hit.type !== 'collectivite' ? ` · ${hit.tenantName}` : ''}
        {hit.distanceKm !== null ? ` · ${distanceLabel(hit.distanceKm)}` : ''}
      </p>
      <h3 class="search-hit__title">
        <a href={hit.url}>{hit.title}</a>
      </h3>
      {hit.extract ? <Extract text={hit.extract} /> : null}
      {hit.type === 'aide' ? (
        <p class="search-hit__actions">
          {/* Named with the aid by aria-label (its visible words first), not a hidden span: one element less per link (the DOM budget). */}
          <a aria-label={`Vérifier mon éligibilité : ${hit.title}`} href={`/aides/${hit.objectId}/calcul`}>Vérifier mon éligibilité</a>
          {links.applicable.has(hit.objectId) ? (
            <>
              {' · '}
              <a aria-label={`Déposer une demande : ${hit.title}`} href={`/aides/${hit.objectId}/demande`}>Déposer une demande</a>
            </>
          ) : null}
        </p>
      ) : null}
      {isProcedureType(hit.type) ? <ProcedureHitLinks title={hit.title} links={links.procedures.get(hit.objectId)} /> : null}
    </li>
  );
}

/** What a link keeps besides the words and the page: the tenant, exact, facets and commune. */
export interface Kept {
  tenantId?: string | undefined;
  exact?: boolean;
  filters?: Filters | undefined;
  commune?: string | undefined;
}

export function searchHref(q: string, page = 1, keep: Kept = {}): string {
  const params = new URLSearchParams({ q });
  if (keep.tenantId) params.set('collectivite', keep.tenantId);
  if (keep.exact) params.set('exact', '1');
  if (keep.commune) params.set('commune', keep.commune);
  for (const facet of FACETS) for (const value of keep.filters?.[facet] ?? []) params.append(facet, value);
  if (page > 1) params.set('page', String(page));
  return `${SEARCH_PATH}?${params.toString()}`;
}

/** The tenant a search is made from, with what the zero-result view offers of it. */
export interface SearchSpace {
  id: string;
  name: string;
  short_name?: string;
  kind?: string;
  contact_phone?: string;
  contact_email?: string;
}

export function SearchPage(props: {
  outcome: SearchOutcome;
  links: HitLinks;
  tenant: SearchSpace | undefined;
  exact: boolean;
  filters: Filters;
  near: NearResult;
  tenantName: (id: string) => string;
}) {
  const { outcome, links, tenant, exact, filters, near } = props;
  const { query } = outcome;
  const local = outcome.hits.filter((h) => h.local);
  const elsewhere = outcome.hits.filter((h) => !h.local);
  const commune = near ? ('point' in near ? near.point.typed : near.typed) : undefined;
  const communeError = near && 'error' in near ? near.error : undefined;
  const keep: Kept = { tenantId: tenant?.id, exact, filters, commune: near && 'point' in near ? near.point.typed : undefined };
  return (
    <>
      <form method="get" action={SEARCH_PATH} class="search-form" role="search" aria-label="Modifier la recherche">
        <div class="search-form__words">
          <label for="recherche-q">Rechercher un service, une aide, une démarche</label>
          <input id="recherche-q" name="q" type="search" value={query.text} maxLength={MAX_QUERY_LENGTH} />
        </div>
        <div class={communeError ? 'field field--error search-form__commune' : 'field search-form__commune'}>
          <label for="recherche-commune">Près de (commune ou code postal, facultatif)</label>
          {communeError ? (
            <p class="field__error" id="erreur-commune">
              <span class="visually-hidden">Erreur : </span>
              {communeError}
            </p>
          ) : null}
          <input
            id="recherche-commune"
            name="commune"
            type="text"
            value={commune ?? ''}
            maxLength={100}
            autoComplete="address-level2"
            aria-invalid={communeError ? 'true' : undefined}
            aria-describedby={communeError ? 'erreur-commune' : undefined}
          />
        </div>
        {tenant ? <input type="hidden" name="collectivite" value={tenant.id} /> : null}
        {exact ? <input type="hidden" name="exact" value="1" /> : null}
        <button type="submit">Rechercher</button>
        {query.text ? <Facets counts={outcome.facets} filters={filters} capped={outcome.capped} tenantName={props.tenantName} nearCommune={Boolean(near && 'point' in near)} /> : null}
      </form>
      {query.trimmed ? (
        <Notice kind="warning">Votre recherche était trop longue : seuls ses {MAX_QUERY_LENGTH} premiers caractères ont été pris en compte.</Notice>
      ) : null}
      {outcome.corrected ? (
        <p class="search-correction">
          Résultats pour <strong>{outcome.corrected}</strong>.{' '}
          <a href={searchHref(query.text, 1, { ...keep, exact: true })}>Rechercher plutôt « {query.text} »</a>
        </p>
      ) : null}
      {outcome.someWords ? <p>Aucun résultat ne contient tous vos mots : voici ceux qui en contiennent une partie.</p> : null}
      {near && 'point' in near && query.text ? (
        <p>
          Les lieux à moins de {RADIUS_KM} km de {near.point.label} viennent d’abord, du plus proche au plus loin.
        </p>
      ) : null}
      {query.text === '' ? <p>Tapez quelques mots : une aide, une démarche, un lieu, une collectivité.</p> : <Summary outcome={outcome} keep={keep} tenant={tenant} />}
      {local.length ? (
        <section aria-labelledby="resultats-locaux">
          <h2 id="resultats-locaux">{tenant?.name}</h2>
          <ol class="search-hits">{local.map((hit) => <Hit hit={hit} links={links} />)}</ol>
        </section>
      ) : null}
      {elsewhere.length ? (
        <section aria-labelledby="resultats">
          <h2 id="resultats">{tenant ? 'Ailleurs en Bretagne' : 'Résultats'}</h2>
          <ol class="search-hits">{elsewhere.map((hit) => <Hit hit={hit} links={links} />)}</ol>
        </section>
      ) : null}
      <Pagination page={outcome.page} pages={outcome.pages} href={(page) => searchHref(query.text, page, keep)} label="Pages de résultats" />
    </>
  );
}

function Summary({ outcome, keep, tenant }: { outcome: SearchOutcome; keep: Kept; tenant: SearchSpace | undefined }) {
  if (outcome.total === 0) {
    // A territory (département or EPCI) or a commune narrowed the search: one link takes them all away.
    const restricted = Boolean(keep.commune) || (keep.filters?.territoire.length ?? 0) > 0 || (keep.filters?.epci.length ?? 0) > 0;
    const near = tenant?.kind === 'commune' && tenant.short_name ? `/aide-de-proximite?commune=${encodeURIComponent(tenant.short_name)}` : '/aide-de-proximite';
    return (
      <div class="search-empty">
        <p>Aucun résultat pour « {outcome.query.text} ».</p>
        <ul>
          <li>Vérifiez l’orthographe, ou essayez avec moins de mots ou des mots plus courants.</li>
          {restricted ? (
            <li>
              <a href={searchHref(outcome.query.text, 1, { ...keep, commune: undefined, filters: keep.filters ? { ...keep.filters, territoire: [], epci: [] } : undefined })}>Élargir la recherche à tout le territoire</a>
              {keep.commune ? `, pas seulement près de ${keep.commune}` : (keep.filters?.epci.length ?? 0) > 0 ? ', sans choisir de département ni d’intercommunalité' : ', sans choisir de département'}.
            </li>
          ) : tenant ? (
            <li>La recherche a déjà porté sur toute la Bretagne, pas seulement sur {tenant.name}.</li>
          ) : null}
          <li>
            Consultez <a href="/aides">toutes les aides</a> ou <a href="/aides/simulateur">trouvez les aides auxquelles vous avez droit</a>.
          </li>
          <li>
            Une personne peut vous aider gratuitement : <a href={near}>trouver un lieu d’aide près de chez moi</a>.
          </li>
          {tenant && (tenant.contact_phone || tenant.contact_email) ? (
            <li>
              Ou contactez {tenant.name}
              {tenant.contact_phone ? (
                <>
                  {' '}au <a href={telHref(tenant.contact_phone)}>{tenant.contact_phone}</a>
                </>
              ) : null}
              {tenant.contact_phone && tenant.contact_email ? ' ou' : ''}
              {tenant.contact_email ? (
                <>
                  {' '}par courriel à <a href={`mailto:${tenant.contact_email}`}>{tenant.contact_email}</a>
                </>
              ) : null}
              .
            </li>
          ) : null}
        </ul>
      </div>
    );
  }
  if (outcome.hits.length === 0) {
    return (
      <p>
        Cette page de résultats n’existe pas : il y en a {outcome.pages}. <a href={searchHref(outcome.query.text, 1, keep)}>Revenir à la première page</a>.
      </p>
    );
  }
  if (outcome.capped) {
    // The search stopped counting (query.ts, COUNT_CAP): say so, never a made-up exact number.
    const cap = COUNT_CAP.toLocaleString('fr-FR');
    return (
      <p role="status">
        {outcome.total >= COUNT_CAP ? `Plus de ${cap} résultats` : `Au moins ${outcome.total.toLocaleString('fr-FR')} résultats`}
        {outcome.pages > 1 ? `, page ${outcome.page}` : ''}. Seuls les {cap} premiers résultats trouvés sont classés et affichés : ajoutez un mot ou un filtre pour préciser votre recherche.
      </p>
    );
  }
  return (
    <p role="status">
      {outcome.total === 1 ? '1 résultat' : `${formatNumber(outcome.total)} résultats`}
      {outcome.pages > 1 ? `, page ${outcome.page} sur ${outcome.pages}` : ''}.
    </p>
  );
}
