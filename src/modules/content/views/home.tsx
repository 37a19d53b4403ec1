import type { Tenant } from '../../../platform/db/tables';
import type { PublishedSummary } from '../public-store';
import { ContactDetails, NewsCards, newsHref, PageLinks, spaceBase } from './public';

const KIND_LABELS: Record<Tenant['kind'], string> = {
  region: 'Région',
  departement: 'Départements',
  epci: 'Intercommunalités',
  commune: 'Communes',
};

/** The regional portal's home: news of every authority, the Région's pages, the authorities. */
export function PortalHome({ portal, base, news, pages, tenants }: {
  portal: Tenant;
  base: string;
  news: PublishedSummary[];
  pages: PublishedSummary[];
  tenants: Tenant[];
}) {
  const byId = new Map(tenants.map((t) => [t.id, t]));
  const others = tenants.filter((t) => t.id !== portal.id);
  const groups = (['departement', 'epci', 'commune'] as const).map((kind) => ({ kind, items: others.filter((t) => t.kind === kind) })).filter((g) => g.items.length);
  return (
    <>
      <p class="lead">
        Bienvenue sur Guichet, le site des services publics en ligne de la {portal.name} et des collectivités bretonnes. Vous
        y trouvez les informations et les démarches de votre région, de votre département, de votre intercommunalité et de
        votre commune, au même endroit.
      </p>
      <p>
        <a href="/aides/simulateur">Trouver les aides auxquelles vous avez droit</a> : quelques questions suffisent.
      </p>
      <section aria-labelledby="accueil-actualites">
        <h2 id="accueil-actualites">Les dernières actualités</h2>
        <NewsCards
          items={news}
          hrefOf={(item) => newsHref(spaceBase(item.tenant_id, portal, base, portal.id), item.slug)}
          authorityOf={(item) => byId.get(item.tenant_id)?.short_name}
        />
        <p>
          <a href={`${base}/actualites`}>Toutes les actualités de la {portal.name}</a>
        </p>
      </section>
      {pages.length ? (
        <section aria-labelledby="accueil-pages">
          <h2 id="accueil-pages">À la une</h2>
          <PageLinks pages={pages} base={base} />
        </section>
      ) : null}
      <section aria-labelledby="accueil-collectivites">
        <h2 id="accueil-collectivites">Les collectivités sur Guichet</h2>
        <p>{others.length} collectivités proposent aussi leurs services sur Guichet.</p>
        {groups.map((group) => (
          <>
            <h3>{KIND_LABELS[group.kind]}</h3>
            <ul class="inline-list">
              {group.items.map((t) => (
                <li>
                  <a href={`/collectivites/${t.id}/`}>{t.name}</a>
                </li>
              ))}
            </ul>
          </>
        ))}
        <p>
          <a href="/collectivites/">Voir toutes les collectivités et leurs services</a>
        </p>
      </section>
    </>
  );
}

/** A participating authority's home: what it does, its news, its pages, how to reach it. */
export function TenantHome({ tenant, base, news, pages }: { tenant: Tenant; base: string; news: PublishedSummary[]; pages: PublishedSummary[] }) {
  return (
    <>
      {tenant.description ? <p class="lead">{tenant.description}</p> : null}
      <section aria-labelledby="accueil-actualites">
        <h2 id="accueil-actualites">Actualités</h2>
        {news.length ? <NewsCards items={news} hrefOf={(item) => newsHref(base, item.slug)} /> : <p>Aucune actualité pour le moment.</p>}
        <p>
          <a href={`${base}/actualites`}>Toutes les actualités</a>
        </p>
      </section>
      {pages.length ? (
        <section aria-labelledby="accueil-pages">
          <h2 id="accueil-pages">Informations et démarches</h2>
          <PageLinks pages={pages} base={base} />
        </section>
      ) : null}
      <ContactDetails tenant={tenant} />
      <p>
        <a href={`${base}/contact`}>Toutes les façons de nous contacter et de vous faire aider</a>
      </p>
    </>
  );
}
