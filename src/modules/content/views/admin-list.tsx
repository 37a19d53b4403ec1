import { formatDateTime } from '../../../platform/views/components';
import { statusOf, type ItemSummary } from '../store';
import type { ContentKind } from '../tables';
import { Pagination } from '../../../platform/views/components';
import { adminBase, KIND_LABELS, KIND_PARAM, StatusBadge } from './admin-common';
import { formatNumber } from '../../../platform/views/format';

export function ContentListView({ tenantId, items, kind, page, pages, total, canEdit }: {
  tenantId: string;
  items: ItemSummary[];
  kind: ContentKind | undefined;
  page: number;
  pages: number;
  total: number;
  canEdit: boolean;
}) {
  const base = `${adminBase(tenantId)}/contenus`;
  const filterHref = (k: ContentKind | undefined, p = 1) => {
    const params = new URLSearchParams({ ...(k ? { type: KIND_PARAM[k] } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString();
    return params ? `${base}?${params}` : base;
  };
  return (
    <>
      {canEdit ? (
        <p class="actions">
          <a class="button" href={`${base}/nouveau?type=page`}>Créer une page</a>
          <a class="button button--secondary" href={`${base}/nouveau?type=actualite`}>Créer une actualité</a>
        </p>
      ) : null}
      <nav aria-label="Filtrer par type">
        <ul class="admin-nav">
          {([undefined, 'page', 'news'] as const).map((k) => (
            <li>
              <a href={filterHref(k)} aria-current={k === kind ? 'page' : undefined}>
                {k ? (k === 'page' ? 'Pages' : 'Actualités') : 'Tout'}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {items.length ? (
        <div class="table-scroll">
          <table>
            <caption>
              {formatNumber(total)} contenu{total > 1 ? 's' : ''}
              {pages > 1 ? `, page ${page} sur ${pages}` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Titre</th>
                <th scope="col">Type</th>
                <th scope="col">Statut</th>
                <th scope="col">Dernière modification</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr>
                  <td>
                    <a href={canEdit ? `${base}/${item.id}` : `${base}/${item.id}/historique`}>{item.title}</a>
                  </td>
                  <td>{KIND_LABELS[item.kind]}</td>
                  <td>
                    <StatusBadge status={statusOf(item)} />
                  </td>
                  <td>{formatDateTime(new Date(item.updated_at))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty-state">
          Aucun contenu pour le moment.{canEdit ? ' Créez une page ou une actualité avec les boutons ci-dessus.' : ' Un éditeur de la collectivité peut en créer.'}
        </p>
      )}
      <Pagination page={page} pages={pages} href={(p) => filterHref(kind, p)} />
    </>
  );
}
