import type { Tenant } from '../../../platform/db/tables';
import { formatDateTime, Pagination } from '../../../platform/views/components';
import type { JournalEntry } from '../journal.store';
import { actionLabel, actorKindLabel, entrySubject } from './audit-labels';
import { formatNumber } from '../../../platform/views/format';

export function JournalPage({ tenant, entries, actions, action, page, pages, total, base }: {
  tenant: Tenant;
  entries: JournalEntry[];
  actions: string[];
  action: string | undefined;
  page: number;
  pages: number;
  total: number;
  base: string;
}) {
  const href = (p: number) => `${base}?${new URLSearchParams({ ...(action ? { action } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString()}`.replace(/\?$/, '');
  return (
    <>
      <p>Chaque action faite dans l'espace de gestion de {tenant.short_name} est enregistrée ici, avec son auteur et sa date.</p>
      <form action={base} method="get" class="filter-form">
        <div class="field">
          <label for="champ-action">Type d'action</label>
          <select id="champ-action" name="action">
            <option value="">Toutes les actions</option>
            {actions.map((a) => (
              <option value={a} selected={a === action}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">Filtrer</button>
      </form>
      <p role="status">
        {total === 0 ? 'Aucune action enregistrée' : `${formatNumber(total)} action${total > 1 ? 's' : ''} enregistrée${total > 1 ? 's' : ''}`}
        {action ? ` de type « ${actionLabel(action)} »` : ''}
        {pages > 1 ? `, page ${page} sur ${pages}` : ''}.
      </p>
      {entries.length ? (
        <div class="table-scroll" role="region" aria-labelledby="journal-legende" tabIndex={0}>
          <table class="data-table">
            <caption id="journal-legende" class="visually-hidden">
              Journal de {tenant.name}, page {page}
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Qui</th>
                <th scope="col">Quoi</th>
                <th scope="col">Sur</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr>
                  <td>
                    <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td>
                    {entry.actor.kind === 'system' ? (
                      entry.actorLabel || 'Système'
                    ) : (
                      <>
                        {entry.actorLabel}
                        {entry.actorLabel ? <br /> : null}
                        <small>{actorKindLabel(entry.actor)}</small>
                      </>
                    )}
                  </td>
                  <td>{actionLabel(entry.action)}</td>
                  <td>{entrySubject(entry.details, entry.targetType, { people: true, targetIsAgent: entry.targetIsAgent, targetId: entry.targetId })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination page={page} pages={pages} href={href} label="Pages du journal" />
    </>
  );
}
