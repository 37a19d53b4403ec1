import type { Tenant } from '../../../platform/db/tables';
import { DateText, telHref } from '../../../platform/views/components';
import type { PublishedSummary } from '../public-store';
import { Pagination } from '../../../platform/views/components';

export function newsHref(base: string, slug: string) {
  return `${base}/actualites/${slug}`;
}
export function pageHref(base: string, slug: string) {
  return `${base}/pages/${slug}`;
}

/** Where a tenant's space is, seen from the main host (portal news list across tenants). */
export function spaceBase(tenantId: string, portal: Tenant, currentBase: string, currentTenantId: string) {
  if (tenantId === currentTenantId) return currentBase;
  return tenantId === portal.id ? '' : `/collectivites/${tenantId}`;
}

export function NewsCards({ items, hrefOf, authorityOf, headingLevel = 3 }: {
  items: PublishedSummary[];
  hrefOf: (item: PublishedSummary) => string;
  authorityOf?: (item: PublishedSummary) => string | undefined;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="cards">
      {items.map((item) => (
        <li class="card">
          <Heading>
            <a href={hrefOf(item)}>{item.title}</a>
          </Heading>
          <p class="card__meta">
            {authorityOf ? <>{authorityOf(item)} – </> : null}
            <DateText date={item.published_at} />
          </p>
          {item.summary ? <p>{item.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function PageLinks({ pages, base }: { pages: PublishedSummary[]; base: string }) {
  return (
    <ul class="link-list">
      {pages.map((page) => (
        <li>
          <a href={pageHref(base, page.slug)}>{page.title}</a>
          {page.summary ? <span class="muted"> – {page.summary}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function ContactDetails({ tenant, headingLevel = 2 }: { tenant: Tenant; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="contact-coordonnees">
      <Heading id="contact-coordonnees">Nous contacter</Heading>
      <dl class="contact-list">
        {tenant.contact_address ? (
          <>
            <dt>Adresse</dt>
            <dd>{tenant.contact_address}</dd>
          </>
        ) : null}
        {tenant.contact_phone ? (
          <>
            <dt>Téléphone</dt>
            <dd>
              <a href={telHref(tenant.contact_phone)}>{tenant.contact_phone}</a>
            </dd>
          </>
        ) : null}
        {tenant.contact_email ? (
          <>
            <dt>Adresse électronique</dt>
            <dd>
              <a href={`mailto:${tenant.contact_email}`}>{tenant.contact_email}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

export function NewsListView({ items, base, page, pages, tag, tags }: {
  items: PublishedSummary[];
  base: string;
  page: number;
  pages: number;
  tag: string | undefined;
  tags: string[];
}) {
  const listHref = (p: number) => `${base}/actualites?${new URLSearchParams({ ...(tag ? { etiquette: tag } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString()}`.replace(/\?$/, '');
  return (
    <>
      {tag ? (
        <p>
          Actualités avec l'étiquette « {tag} ». <a href={`${base}/actualites`}>Voir toutes les actualités</a>
        </p>
      ) : null}
      {items.length ? (
        <NewsCards items={items} hrefOf={(item) => newsHref(base, item.slug)} headingLevel={2} />
      ) : (
        <div class="empty-state">
          <p>Aucune actualité pour le moment.</p>
          <p>
            {tag ? <a href={`${base}/actualites`}>Voir toutes les actualités</a> : <a href={`${base}/`}>Revenir à l’accueil</a>} ou{' '}
            <a href="/recherche">chercher un service</a>.
          </p>
        </div>
      )}
      <Pagination page={page} pages={pages} href={listHref} />
      {tags.length ? (
        <nav aria-labelledby="etiquettes-titre">
          <h2 id="etiquettes-titre">Thèmes</h2>
          <ul class="tags">
            {tags.map((t) => (
              <li class="tag">
                <a href={`${base}/actualites?etiquette=${encodeURIComponent(t)}`} aria-current={t === tag ? 'page' : undefined}>
                  {t}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

export const SHARED_PAGES = [
  { href: '/aide-de-proximite', label: 'Trouver une aide de proximité' },
  { href: '/accessibilite', label: 'Accessibilité' },
  { href: '/mentions-legales', label: 'Mentions légales' },
  { href: '/donnees-personnelles', label: 'Données personnelles' },
  { href: '/sources', label: 'Sources des données' },
];

export function SiteMapView({ base, pages }: { base: string; pages: PublishedSummary[] }) {
  return (
    <>
      <ul>
        <li>
          <a href={`${base}/`}>Accueil</a>
        </li>
        {pages.map((page) => (
          <li>
            <a href={pageHref(base, page.slug)}>{page.title}</a>
          </li>
        ))}
        <li>
          <a href={`${base}/actualites`}>Actualités</a>
        </li>
        <li>
          <a href={`${base}/contact`}>Contact</a>
        </li>
      </ul>
      <h2>Pages communes à Guichet</h2>
      <ul>
        {SHARED_PAGES.map((link) => (
          <li>
            <a href={link.href}>{link.label}</a>
          </li>
        ))}
        <li>
          <a href="/collectivites/">Les collectivités sur Guichet</a>
        </li>
      </ul>
    </>
  );
}

export function ContactView({ tenant }: { tenant: Tenant }) {
  return (
    <>
      <p>Pour toute question sur les services de {tenant.name}, vous pouvez écrire, téléphoner ou venir sur place.</p>
      <ContactDetails tenant={tenant} />
      <section aria-labelledby="contact-aide">
        <h2 id="contact-aide">Être aidé près de chez vous</h2>
        <p>
          Des conseillers France Services et des médiateurs numériques vous accueillent gratuitement pour vous aider dans vos
          démarches en ligne, avec ou sans rendez-vous selon les lieux.
        </p>
        <p>
          <a href="/aide-de-proximite">Trouver un lieu d'aide près de chez moi</a>
        </p>
      </section>
    </>
  );
}
