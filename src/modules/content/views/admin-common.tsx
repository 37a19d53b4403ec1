import type { Tenant } from '../../../platform/db/tables';
import type { Crumb } from '../../../platform/views/site';
import type { Status } from '../store';
import type { ContentKind } from '../tables';

export const STATUS_LABELS: Record<Status, string> = {
  brouillon: 'Brouillon',
  publie: 'Publié',
  modifie: 'Modifié depuis publication',
};

export const KIND_LABELS: Record<ContentKind, string> = { page: 'Page', news: 'Actualité' };

/** The URL word of a kind (French in addresses) and back. */
export const KIND_PARAM: Record<ContentKind, string> = { page: 'page', news: 'actualite' };
export function kindFromParam(value: unknown): ContentKind | undefined {
  return value === 'page' ? 'page' : value === 'actualite' ? 'news' : undefined;
}

export function adminBase(tenantId: string) {
  return `/admin/t/${tenantId}`;
}

export function adminCrumbs(tenant: Tenant, ...rest: Crumb[]): Crumb[] {
  return [{ label: 'Espace agent', href: '/admin' }, { label: tenant.short_name, href: `${adminBase(tenant.id)}/contenus` }, ...rest];
}

export function StatusBadge({ status }: { status: Status }) {
  return <span class={status === 'publie' ? 'badge badge--published' : 'badge badge--draft'}>{STATUS_LABELS[status]}</span>;
}

export function AdminNav({ tenantId, current }: { tenantId: string; current: 'contenus' | 'menu' }) {
  const base = adminBase(tenantId);
  return (
    <nav aria-label="Gestion des contenus">
      <ul class="admin-nav">
        <li>
          <a href="/admin">Tableau de bord</a>
        </li>
        <li>
          <a href={`${base}/contenus`} aria-current={current === 'contenus' ? 'page' : undefined}>
            Pages et actualités
          </a>
        </li>
        <li>
          <a href={`${base}/menu`} aria-current={current === 'menu' ? 'page' : undefined}>
            Menu
          </a>
        </li>
      </ul>
    </nav>
  );
}
