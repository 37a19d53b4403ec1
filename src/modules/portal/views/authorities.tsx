import type { Tenant } from '../../../platform/db/tables';

const GROUPS: Array<{ kind: Tenant['kind']; title: string; code: string }> = [
  { kind: 'region', title: 'Région', code: 'Code officiel géographique (COG)' },
  { kind: 'departement', title: 'Départements', code: 'Code officiel géographique (COG)' },
  { kind: 'epci', title: 'Intercommunalités', code: 'SIREN' },
  { kind: 'commune', title: 'Communes', code: 'Code INSEE (COG)' },
];

export interface AuthorityView {
  tenant: Tenant;
  parent?: Tenant | undefined;
  /** A data: URI or a /media URL. */
  logo?: string | undefined;
  /** The authority's own address, when a host name is mapped to it. */
  ownSite?: string | undefined;
}

/** The participating authorities, by kind, each with its logo, its space and its official code. */
export function AuthoritiesPage({ authorities }: { authorities: AuthorityView[] }) {
  return (
    <>
      <p class="lead">
        {authorities.length} collectivités proposent leurs services sur Guichet. Chacune a son espace, avec ses pages,
        ses actualités et ses contacts.
      </p>
      {GROUPS.map((group) => {
        const members = authorities
          .filter((a) => a.tenant.kind === group.kind)
          .sort((a, b) => a.tenant.short_name.localeCompare(b.tenant.short_name, 'fr'));
        if (members.length === 0) return null;
        return (
          <section aria-labelledby={`groupe-${group.kind}`}>
            <h2 id={`groupe-${group.kind}`}>
              {group.title} ({members.length})
            </h2>
            <ul class="authorities">
              {members.map(({ tenant, parent, ownSite, logo }) => (
                <li class="authority">
                  {logo ? <img src={logo} alt="" width={48} height={48} loading={logo.startsWith('data:') ? undefined : 'lazy'} /> : null}
                  <div>
                    <h3>
                      <a href={`/collectivites/${tenant.id}/`}>{tenant.name}</a>
                    </h3>
                    <p class="muted">
                      {group.code} : {tenant.cog_code}
                      {parent && parent.kind !== 'region' ? ` · ${parent.name}` : ''}
                    </p>
                    {ownSite ? (
                      <p>
                        Son site : <a href={ownSite}>{ownSite.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>
                      </p>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
