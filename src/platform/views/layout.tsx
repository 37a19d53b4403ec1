import type { ComponentChildren } from 'preact';
import { Breadcrumb, telHref } from './components';
import { documentTitle, tenantHref, type Crumb, type MenuLink, type SiteContext } from './site';

export interface PageView {
  title: string;
  /** Defaults to the title; the home page shows the tenant's name instead. */
  heading?: string | undefined;
  breadcrumb?: Crumb[] | undefined;
  /** Set on pages that must not be indexed (back office, previews, errors). */
  noindex?: boolean | undefined;
  /** The public search box of the header; the back office leaves it out (its pages have their own lists and filters). */
  siteSearch?: boolean | undefined;
  main: ComponentChildren;
  /**
   * A back-office page: its navigation goes in a sidebar, the header is compact (no public menu nor
   * search), and there is no help block nor public footer.
   */
  backOffice?: {
    sidebar: ComponentChildren;
    /** In the compact header: the other authorities of the agent, and the sign-out button. */
    switcher?: ComponentChildren;
    signOut?: ComponentChildren;
  } | undefined;
  /** Link the first use of each glossary term in the main content (aid and content pages). */
  glossary?: boolean | undefined;
  /** Shown under the heading, e.g. a "draft preview" banner. */
  notice?: ComponentChildren;
}

export function Layout({ site, view }: { site: SiteContext; view: PageView }) {
  const { tenant, portal } = site;
  // On a tenant's own host its home is '/', not /collectivites/<id>/.
  const home = site.base === '' ? '/' : `${site.base}/`;
  return (
    <html lang="fr" dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{documentTitle(view.title, tenant)}</title>
        {view.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta name="description" content={tenant.description || `Services publics en ligne – ${tenant.name}`} />
        <link rel="stylesheet" href={site.stylesheet} />
        <link rel="stylesheet" href={site.themeStylesheet} />
        <link rel="icon" href={site.faviconHref} type="image/svg+xml" />
      </head>
      <body>
        <nav class="skip-links" aria-label="Accès rapide">
          <ul>
            <li><a href="#contenu">Aller au contenu</a></li>
            <li><a href="#menu">Aller au menu</a></li>
          </ul>
        </nav>
        {view.backOffice ? (
          <BackOfficeBody site={site} view={view} parts={view.backOffice} home={home} />
        ) : (
          <>
            <header class="site-header">
              <div class="container site-header__bar">
                <a class="brand" href={home}>
                  {tenant.logo_media_id ? (
                    <img class="brand__logo" src={`/media/${tenant.logo_media_id}`} alt="" width={48} height={48} />
                  ) : null}
                  <span class="brand__text">
                    <span class="brand__name">{tenant.name}</span>
                    <span class="brand__tagline">
                      {tenant.id === portal.id ? 'Vos services publics en Bretagne' : `Sur Guichet, avec la ${portal.name}`}
                    </span>
                  </span>
                </a>
                {view.siteSearch === false ? null : (
                  <form class="site-search" method="get" action="/recherche" role="search" aria-label="Recherche sur le site">
                    <label class="visually-hidden" for="site-search-q">Rechercher sur Guichet</label>
                    <input id="site-search-q" name="q" type="search" maxLength={200} placeholder="Une aide, une démarche…" />
                    {site.base.startsWith('/collectivites/') ? <input type="hidden" name="collectivite" value={tenant.id} /> : null}
                    <button type="submit">Rechercher</button>
                  </form>
                )}
                {/* The account's links: beside the search on wide screens, shown with the menu once unfolded on small ones (layout.css). */}
                <ul class="site-account site-header__account">
                  {site.account ? (
                    <>
                      <li><a href="/mon-compte">Mon compte<span class="visually-hidden"> ({site.account.name})</span></a></li>
                      <li><a href="/mes-demarches">Mes démarches</a></li>
                      {site.account.isAgent ? <li><a href="/admin">Espace agent</a></li> : null}
                    </>
                  ) : (
                    <li><a href="/connexion">Se connecter</a></li>
                  )}
                </ul>
                {/* Folded behind « Menu » on small screens (no JS: <details>); always open on wide ones (layout.css). */}
                <details class="site-menu">
                  <summary>Menu</summary>
                  <nav id="menu" class="main-nav" aria-label="Menu principal">
                    <ul class="main-nav__list">
                      <li><a href={home}>Accueil</a></li>
                      {serviceLinks(site).map((link) => (
                        <li><a href={link.href}>{link.label}</a></li>
                      ))}
                      {site.menu.map((link) => (
                        <li><a href={link.href}>{link.label}</a></li>
                      ))}
                    </ul>
              </nav>
            </details>
          </div>
        </header>
        <main id="contenu" class="container" tabIndex={-1}>
          {view.breadcrumb ? <Breadcrumb items={view.breadcrumb} /> : null}
          <h1>{view.heading ?? view.title}</h1>
          {view.notice}
          {view.main}
        </main>
        <HelpBlock site={site} />
        <Footer site={site} />
          </>
        )}
      </body>
    </html>
  );
}

/** The back office's frame: a compact header (tenant switcher, account), the sidebar beside the page, a one-line footer. */
function BackOfficeBody({ site, view, parts, home }: { site: SiteContext; view: PageView; parts: NonNullable<PageView['backOffice']>; home: string }) {
  return (
    <>
      <header class="site-header site-header--compact">
        <div class="container backoffice-header">
          <a class="brand" href="/admin">
            <span class="brand__text">
              <span class="brand__name">Espace agent</span>
              <span class="brand__tagline">{site.tenant.name}</span>
            </span>
          </a>
          <div class="backoffice-header__tools">
            {parts.switcher}
            <ul class="inline-list backoffice-header__links">
              <li><a href={home}>Voir le site<span class="visually-hidden"> de {site.tenant.short_name}</span></a></li>
              {site.account ? <li><a href="/mon-compte">Mon compte<span class="visually-hidden"> ({site.account.name})</span></a></li> : null}
              {parts.signOut ? <li>{parts.signOut}</li> : null}
            </ul>
          </div>
        </div>
      </header>
      <div class="container backoffice">
        <div id="menu" class="backoffice__side">{parts.sidebar}</div>
        <main id="contenu" class="backoffice__main" tabIndex={-1}>
          {view.breadcrumb ? <Breadcrumb items={view.breadcrumb} /> : null}
          <h1>{view.heading ?? view.title}</h1>
          {view.notice}
          {view.main}
        </main>
      </div>
      <footer id="pied-de-page" class="site-footer site-footer--compact">
        <div class="container">
          <ul class="site-footer__links">
            <li><a href="/accessibilite">Accessibilité : partiellement conforme</a></li>
            <li><a href="/mentions-legales">Mentions légales</a></li>
            <li><a href="/donnees-personnelles">Données personnelles</a></li>
            <li><a href="/charte">Charte graphique</a></li>
          </ul>
        </div>
      </footer>
    </>
  );
}

/** The platform's services, named in every menu; a tenant's own site links its own aids. */
export function serviceLinks(site: SiteContext): MenuLink[] {
  const { tenant, portal } = site;
  return [
    // On a tenant's own host links carry no /collectivites/<id> prefix: the shared list of aids then.
    { label: 'Aides', href: tenant.id === portal.id || site.base === '' ? '/aides' : `${site.base}/aides` },
    { label: 'Orientation', href: '/orientation' },
    { label: 'Aide de proximité', href: '/aide-de-proximite' },
    { label: 'Collectivités', href: '/collectivites/' },
  ];
}

export function HelpBlock({ site }: { site: SiteContext }) {
  return (
    <aside class="help-block" aria-labelledby="aide-titre">
      <div class="container">
        <h2 id="aide-titre">Besoin d'aide ?</h2>
        <p>
          Vous pouvez être aidé gratuitement par une personne, près de chez vous, pour faire vos démarches :
          dans un espace France Services ou un lieu de médiation numérique.
        </p>
        <p>
          <a href="/aide-de-proximite">Trouver un lieu d'aide près de chez moi</a>
          {site.tenant.contact_phone ? (
            <>
              {' '}ou appeler {site.tenant.short_name} au <a href={telHref(site.tenant.contact_phone)}>{site.tenant.contact_phone}</a>
            </>
          ) : null}
        </p>
      </div>
    </aside>
  );
}

function Footer({ site }: { site: SiteContext }) {
  const { tenant } = site;
  return (
    <footer id="pied-de-page" class="site-footer">
      <div class="container">
        <div class="site-footer__grid">
          <section aria-labelledby="pied-contact">
            <h2 id="pied-contact" class="site-footer__title">{tenant.name}</h2>
            {tenant.contact_address ? <p>{tenant.contact_address}</p> : null}
            <p>
              <a href={tenantHref(site, '/contact')}>Contacter {tenant.short_name}</a>
            </p>
          </section>
          <section aria-labelledby="pied-collectivites">
            <h2 id="pied-collectivites" class="site-footer__title">Collectivités sur Guichet</h2>
            <p>
              {site.tenants.length} collectivités proposent leurs services sur Guichet.{' '}
              <a href="/collectivites/">Voir la liste</a>
            </p>
          </section>
        </div>
        <ul class="site-footer__links">
          <li><a href="/accessibilite">Accessibilité : partiellement conforme</a></li>
          <li><a href="/mentions-legales">Mentions légales</a></li>
          <li><a href="/donnees-personnelles">Données personnelles</a></li>
          <li><a href={tenantHref(site, '/plan-du-site')}>Plan du site</a></li>
          <li><a href={tenantHref(site, '/glossaire')}>Glossaire</a></li>
          <li><a href={tenantHref(site, '/contact')}>Contact</a></li>
          <li><a href="/sources">Sources des données</a></li>
          <li><a href="/donnees">Données ouvertes</a></li>
          <li><a href="/admin">Espace agent</a></li>
        </ul>
        <p class="site-footer__legal">
          Guichet est un logiciel libre (licence AGPL). Sauf mention contraire, les contenus sont publiés sous licence
          Etalab 2.0.
        </p>
      </div>
    </footer>
  );
}
