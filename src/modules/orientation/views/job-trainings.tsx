import { Badge } from '../../../platform/views/components';
import { HintAndError } from '../../../platform/views/form';
import { formatDay, formatNumber } from '../../../platform/views/format';
import type { JobTrainingsList } from '../trainings-port';

/** The trainings that lead to a job, nearest first when a commune is given, and the aids that pay for them. */
export function JobTrainings({ code, list }: { code: string; list: JobTrainingsList }) {
  const error = list.near && 'error' in list.near ? list.near.error : undefined;
  return (
    <>
      <form method="get" action={`/orientation/metiers/${code}`}>
        <div class={error ? 'field field--error' : 'field'}>
          {/* Ids of their own: the sheet's « Trouver un conseiller » form has a commune field too. */}
          <label for="champ-commune-formations">Votre commune, pour les formations</label>
          <HintAndError name="commune-formations" hint="Pour voir d’abord les formations les plus proches." error={error} />
          <input
            type="text"
            id="champ-commune-formations"
            name="commune"
            maxLength={100}
            value={list.near && 'typed' in list.near ? list.near.typed : undefined}
            aria-describedby={error ? 'aide-commune-formations erreur-commune-formations' : 'aide-commune-formations'}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="button">Trier par distance</button>
      </form>
      {list.total === 0 ? (
        <p>Aucune formation vers ce métier pour le moment.</p>
      ) : (
        <>
          <p>
            {formatNumber(list.total)} formation{list.total > 1 ? 's' : ''} vers ce métier{list.near && 'label' in list.near ? `, les plus proches de ${list.near.label} d’abord` : ''}
            {list.items.some((i) => i.demo) ? (
              <>
                {' '}
                <Badge tone="warning">Donnée de démonstration</Badge>
              </>
            ) : null}
          </p>
          <ul>
            {list.items.map((i) => (
              <li>
                <a href={i.href}>{i.title}</a>
                <span class="muted">
                  {' '}
                  · {i.place}
                  {i.distance ? ` (${i.distance})` : ''} · {i.organisme}
                  {i.start ? ` · dès le ${formatDay(i.start)}` : ''}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <a href={list.listHref}>Voir les {formatNumber(list.total)} formations</a>
          </p>
        </>
      )}
      {list.aids.length ? (
        <>
          <h3>Les aides qui peuvent payer ces formations</h3>
          <ul>
            {list.aids.map((a) => (
              <li>
                <a href={a.href}>{a.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
