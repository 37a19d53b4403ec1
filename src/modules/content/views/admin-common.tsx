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


export function StatusBadge({ status }: { status: Status }) {
  return <span class={status === 'publie' ? 'badge badge--published' : 'badge badge--draft'}>{STATUS_LABELS[status]}</span>;
}
