import { Notice, Pagination, telHref } from '../../../platform/views/components';
import { MARK_END, MARK_START, MAX_QUERY_LENGTH, type SearchHit, type SearchOutcome } from '../query';
import { typeLabel } from '../sources';

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
}

function Hit({ hit, links }: { hit: SearchHit; links: HitLinks }) {
  return (
    <li class="search-hit">
      <p class="search-hit__meta">
        {typeLabel(hit.type)}
        {hit.tenantName && hit.type !== 'collectivite' ? ` · ${hit.tenantName}` : ''}
      </p>
      <h3 class="search-hit__title">
        <a href={hit.url}>{hit.title}</a>
      </h3>
      {hit.extract ? <Extract text={hit.extract} /> : null}
      {hit.type === 'aide' ? (
        <p class="search-hit__actions">
          <a href={`/aides/${hit.objectId}/calcul`}>Vérifier mon éligibilité<span class="visually-hidden"> : {hit.title}</span></a>
          {links.applicable.has(hit.objectId) ? (
            <>
              {' · '}
              <a href={`/aides/${hit.objectId}/demande`}>Déposer une demande<span class="visually-hidden"> : {hit.title}</span></a>
            </>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}

export function searchHref(q: string, page = 1, tenantId?: string, exact = false): string {
  const params = new URLSearchParams({ q });
  if (tenantId) params.set('collectivite', tenantId);
  if (exact) params.set('exact', '1');
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

export function SearchPage({ outcome, links, tenant, exact }: { outcome: SearchOutcome; links: HitLinks; tenant: SearchSpace | undefined; exact: boolean }) {
  const { query } = outcome;
  const local = outcome.hits.filter((h) => h.local);
  const elsewhere = outcome.hits.filter((h) => !h.local);
  return (
    <>
      <form method="get" action={SEARCH_PATH} class="search-form" role="search" aria-label="Modifier la recherche">
        <label for="recherche-q">Rechercher un service, une aide, une démarche</label>
        <input id="recherche-q" name="q" type="search" value={query.text} maxLength={MAX_QUERY_LENGTH} />
        {tenant ? <input type="hidden" name="collectivite" value={tenant.id} /> : null}
        <button type="submit">Rechercher</button>
      </form>
      {query.trimmed ? (
        <Notice kind="warning">Votre recherche était trop longue : seuls ses {MAX_QUERY_LENGTH} premiers caractères ont été pris en compte.</Notice>
      ) : null}
      {outcome.corrected ? (
        <p class="search-correction">
          Résultats pour <strong>{outcome.corrected}</strong>.{' '}
          <a href={searchHref(query.text, 1, tenant?.id, true)}>Rechercher plutôt « {query.text} »</a>
        </p>
      ) : null}
      {outcome.someWords ? <p>Aucun résultat ne contient tous vos mots : voici ceux qui en contiennent une partie.</p> : null}
      {query.text === '' ? <p>Tapez quelques mots : une aide, une démarche, un lieu, une collectivité.</p> : <Summary outcome={outcome} tenant={tenant} />}
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
      <Pagination page={outcome.page} pages={outcome.pages} href={(page) => searchHref(query.text, page, tenant?.id, exact)} label="Pages de résultats" />
    </>
  );
}

function Summary({ outcome, tenant }: { outcome: SearchOutcome; tenant: SearchSpace | undefined }) {
  if (outcome.total === 0) {
    const near = tenant?.kind === 'commune' && tenant.short_name ? `/aide-de-proximite?commune=${encodeURIComponent(tenant.short_name)}` : '/aide-de-proximite';
    return (
      <div class="search-empty">
        <p>Aucun résultat pour « {outcome.query.text} ».</p>
        <ul>
          <li>Vérifiez l’orthographe, ou essayez avec moins de mots ou des mots plus courants.</li>
          {tenant ? <li>La recherche a déjà porté sur toute la Bretagne, pas seulement sur {tenant.name}.</li> : null}
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
        Cette page de résultats n’existe pas : il y en a {outcome.pages}. <a href={searchHref(outcome.query.text)}>Revenir à la première page</a>.
      </p>
    );
  }
  return (
    <p role="status">
      {outcome.total === 1 ? '1 résultat' : `${outcome.total} résultats`}
      {outcome.pages > 1 ? `, page ${outcome.page} sur ${outcome.pages}` : ''}.
    </p>
  );
}
