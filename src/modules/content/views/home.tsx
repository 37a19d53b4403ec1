import type { Tenant } from '../../../platform/db/tables';
import type { Procedure } from '../../applications';
import type { PublishedSummary } from '../public-store';
import { ContactDetails, NewsCards, newsHref, PageLinks, spaceBase } from './public';

const KIND_LABELS: Record<Tenant['kind'], string> = {
  region: 'Région',
  departement: 'Départements',
  epci: 'Intercommunalités',
  commune: 'Communes',
};

/** The search first: the same one search as the header's, given the room of an entrance. */
export function HomeSearch({ tenant, base }: { tenant: Tenant; base: string }) {
  return (
    <form class="hero-search" method="get" action="/recherche" role="search" aria-label="Rechercher un service">
      <label for="accueil-q">Que cherchez-vous ?</label>
      <div>
        <input id="accueil-q" name="q" type="search" maxLength={200} placeholder="Permis de conduire, logement, transport…" />
        {base.startsWith('/collectivites/') ? <input type="hidden" name="collectivite" value={tenant.id} /> : null}
        <button type="submit">Rechercher</button>
      </div>
    </form>
  );
}

/** The services as entry points: find my aids, follow my applications, orientation, help nearby, my authority. */
export function ServiceEntries({ aidsHref }: { aidsHref: string }) {
  const entries = [
    { href: '/aides/simulateur', title: 'Trouver mes aides', text: 'Quelques questions : Guichet vous dit à quelles aides vous avez droit, et pourquoi.' },
    { href: '/mes-demarches', title: 'Suivre mes demandes', text: 'Où en sont vos demandes d’aide, ce que vous avez envoyé, les messages reçus.' },
    { href: '/orientation', title: 'Choisir un métier, une formation', text: 'Les métiers, les formations près de chez vous, et des lieux pour en parler avec un conseiller.' },
    { href: '/aide-de-proximite', title: 'Être aidé près de chez moi', text: 'Un lieu France Services ou de médiation numérique, gratuit, pour faire vos démarches.' },
    { href: '/collectivites/', title: 'Ma collectivité', text: 'Les services de votre commune, de votre département, de votre intercommunalité.' },
    { href: aidsHref, title: 'Toutes les aides', text: 'Parcourir les aides publiques par thème, par public et par organisme.' },
  ];
  return (
    <section aria-labelledby="accueil-services">
      <h2 id="accueil-services">Les services</h2>
      <ul class="services">
        {entries.map((entry) => (
          <li>
            <a href={entry.href}>
              <strong>{entry.title}</strong>
              <span>{entry.text}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The most used procedures, each to its aid's page (where the request is made). */
export function Procedures({ procedures }: { procedures: Procedure[] }) {
  if (procedures.length === 0) return null;
  return (
    <section aria-labelledby="accueil-demarches">
      <h2 id="accueil-demarches">Les démarches les plus demandées</h2>
      <ul class="link-list link-list--columns">
        {procedures.map((p) => (
          <li>
            <a href={`/aides/${p.aidId}`}>{p.name}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The regional portal's home, an entrance: the search, the services, the procedures, then the news. */
export function PortalHome({ portal, base, news, pages, tenants, procedures }: {
  portal: Tenant;
  base: string;
  news: PublishedSummary[];
  pages: PublishedSummary[];
  tenants: Tenant[];
  procedures: Procedure[];
}) {
  const byId = new Map(tenants.map((t) => [t.id, t]));
  const others = tenants.filter((t) => t.id !== portal.id);
  const groups = (['departement', 'epci', 'commune'] as const).map((kind) => ({ kind, items: others.filter((t) => t.kind === kind) })).filter((g) => g.items.length);
  return (
    <>
      <p class="lead">
        Les services publics en ligne de la {portal.name} et des collectivités bretonnes, au même endroit : votre région, votre
        département, votre intercommunalité et votre commune.
      </p>
      <HomeSearch tenant={portal} base={base} />
      <ServiceEntries aidsHref="/aides" />
      <Procedures procedures={procedures} />
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
        <p>
          {tenants.length} collectivités proposent leurs services sur Guichet : la {portal.name} et les {others.length} ci-dessous.
        </p>
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
export function TenantHome({ tenant, base, news, pages, procedures }: { tenant: Tenant; base: string; news: PublishedSummary[]; pages: PublishedSummary[]; procedures: Procedure[] }) {
  return (
    <>
      {tenant.description ? <p class="lead">{tenant.description}</p> : null}
      <HomeSearch tenant={tenant} base={base} />
      <ServiceEntries aidsHref={base === '' ? '/aides' : `${base}/aides`} />
      <Procedures procedures={procedures} />
      <section aria-labelledby="accueil-actualites">
        <h2 id="accueil-actualites">Actualités</h2>
        {news.length ? (
          <NewsCards items={news} hrefOf={(item) => newsHref(base, item.slug)} />
        ) : (
          <p class="empty-state">Aucune actualité pour le moment. Les démarches et les informations de {tenant.short_name} sont ci-dessous.</p>
        )}
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
