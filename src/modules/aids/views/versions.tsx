import { formatDateTime, Notice, Pagination } from '../../../platform/views/components';
import { Form } from '../../../platform/views/form';
import type { AidError } from '../validate';
import type { AidVersionRow } from '../versions';
import { aidsAdminBase } from './admin';

const STATUS = { draft: 'Brouillon', published: 'Publiée' } as const;

export function RestoreButton({ tenantId, aidId, version, csrfToken }: { tenantId: string; aidId: string; version: number; csrfToken: string }) {
  return (
    <Form action={`${aidsAdminBase(tenantId)}/${aidId}/versions/${version}/retablir`} csrfToken={csrfToken} class="inline-form">
      <button type="submit" class="link-button">
        Rétablir cette version<span class="visually-hidden"> ({version})</span>
      </button>
    </Form>
  );
}

/** What restoring does, in the aid's current state: said before the editor clicks. */
export function RestoreExplanation({ published }: { published: boolean }) {
  return (
    <p>
      Rétablir une version la copie dans une nouvelle version, sans rien effacer.{' '}
      {published
        ? 'Cette aide est publiée : comme toute modification, la version rétablie sera visible du public tout de suite. Pour la relire d’abord, dépubliez l’aide.'
        : 'Cette aide est un brouillon : la version rétablie ne sera visible du public qu’après publication.'}
    </p>
  );
}

export function VersionHistory(props: {
  tenantId: string;
  aidId: string;
  latest: number;
  published: boolean;
  versions: AidVersionRow[];
  page: number;
  pages: number;
  csrfToken: string;
  canEdit: boolean;
}) {
  const base = `${aidsAdminBase(props.tenantId)}/${props.aidId}`;
  return (
    <>
      <p>Chaque enregistrement, publication ou import crée une version.</p>
      {props.canEdit ? <RestoreExplanation published={props.published} /> : null}
      <div class="table-scroll">
        <table>
          <caption>
            {props.latest} version{props.latest > 1 ? 's' : ''}
            {props.pages > 1 ? `, page ${props.page} sur ${props.pages}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Date</th>
              <th scope="col">Auteur</th>
              <th scope="col">État</th>
              <th scope="col">Note</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {props.versions.map((v) => (
              <tr>
                <td>
                  {v.version}
                  {v.version === props.latest ? ' (actuelle)' : ''}
                </td>
                <td>{formatDateTime(new Date(v.created_at))}</td>
                <td>{v.author ?? 'l’import des données de démonstration'}</td>
                <td>{STATUS[v.status]}</td>
                <td>{v.restored ? `Rétablit la version ${v.restored}` : ''}</td>
                <td>
                  <a href={`${base}/versions/${v.version}`}>
                    Voir<span class="visually-hidden"> la version {v.version}</span>
                  </a>
                  {props.canEdit && v.version !== props.latest ? (
                    <>
                      {' '}
                      <RestoreButton tenantId={props.tenantId} aidId={props.aidId} version={v.version} csrfToken={props.csrfToken} />
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={props.page} pages={props.pages} href={(p) => (p > 1 ? `${base}/versions?page=${p}` : `${base}/versions`)} label="Pages de l’historique" />
    </>
  );
}

/** Why an old version cannot be restored: the current format refuses it. */
export function RestoreRefused({ version, errors, fieldLabel }: { version: number; errors: AidError[]; fieldLabel: (path: string) => string }) {
  return (
    <Notice kind="warning" title={`La version ${version} ne peut pas être rétablie : elle ne respecte plus le format actuel des aides.`}>
      <ul>
        {errors.slice(0, 10).map((e) => (
          <li>
            {fieldLabel(e.path)} : {e.message}
          </li>
        ))}
      </ul>
      <p>Modifiez plutôt la version actuelle à partir de la fiche et des conditions.</p>
    </Notice>
  );
}
