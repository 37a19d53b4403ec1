import { formatDateTime } from '../../../platform/views/components';
import { Form } from '../../../platform/views/form';
import type { ContentItem } from '../tables';
import { adminBase } from './admin-common';
import { Pagination } from '../../../platform/views/components';

export interface VersionRow {
  version: number;
  title: string;
  author_label: string;
  note: string;
  created_at: Date;
}

export function RestoreButton({ tenantId, itemId, version, csrfToken }: { tenantId: string; itemId: string; version: number; csrfToken: string }) {
  return (
    <Form action={`${adminBase(tenantId)}/contenus/${itemId}/versions/${version}/restaurer`} csrfToken={csrfToken} class="inline-form">
      <button type="submit" class="link-button">
        Restaurer<span class="visually-hidden"> la version {version}</span>
      </button>
    </Form>
  );
}

export function HistoryView({ tenantId, item, versions, page, pages, csrfToken, canEdit }: {
  tenantId: string;
  item: ContentItem;
  versions: VersionRow[];
  page: number;
  pages: number;
  csrfToken: string;
  canEdit: boolean;
}) {
  const base = `${adminBase(tenantId)}/contenus/${item.id}`;
  return (
    <>
      <p>
        Chaque enregistrement crée une version. Restaurer une version la copie dans une nouvelle version, sans rien effacer ;
        elle n’est visible du public qu’après publication.
      </p>
      {canEdit ? (
        <p>
          <a href={base}>Modifier le contenu</a>
        </p>
      ) : null}
      <div class="table-scroll">
        <table>
          <caption>
            {item.latest_version} version{item.latest_version > 1 ? 's' : ''}
            {pages > 1 ? `, page ${page} sur ${pages}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Date</th>
              <th scope="col">Auteur</th>
              <th scope="col">Note</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <td>
                  {v.version}
                  {v.version === item.published_version ? ' (publiée)' : ''}
                </td>
                <td>{formatDateTime(new Date(v.created_at))}</td>
                <td>{v.author_label}</td>
                <td>{v.note}</td>
                <td>
                  <a href={`${base}/versions/${v.version}`}>
                    Voir<span class="visually-hidden"> la version {v.version}</span>
                  </a>
                  {canEdit && v.version !== item.latest_version ? (
                    <>
                      {' '}
                      <RestoreButton tenantId={tenantId} itemId={item.id} version={v.version} csrfToken={csrfToken} />
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} href={(p) => (p > 1 ? `${base}/historique?page=${p}` : `${base}/historique`)} />
    </>
  );
}
