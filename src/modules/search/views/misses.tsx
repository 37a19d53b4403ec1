import { formatDate } from '../../../platform/views/components';
import { OTHER_SEARCHES, type WeekSummary } from '../misses';
import { searchHref } from './results';
import { formatNumber } from '../../../platform/views/format';

export const missesPath = (tenantId: string) => `/admin/t/${encodeURIComponent(tenantId)}/recherche/sans-resultat`;

function weekLabel(week: string): string {
  return `Semaine du ${formatDate(new Date(`${week}T12:00:00Z`))}`;
}

export function MissesPage({ weeks, platformWide, synonymsHref }: { weeks: WeekSummary[]; platformWide: boolean; synonymsHref: string }) {
  return (
    <>
      <p>
        Les mots des recherches qui n’ont rien trouvé, {platformWide ? 'sur toute la plateforme' : 'faites depuis votre espace'}, semaine par semaine (8 dernières semaines, les 30 plus fréquents).
        Seuls les mots sont gardés, en minuscules et sans accents : ni la personne, ni son adresse IP, ni de cookie.
      </p>
      <p>
        Un sigle ou un mot courant manque ? <a href={synonymsHref}>Ajoutez-le aux synonymes de la recherche</a>. Une aide ou une démarche manque ? Publiez-la.
      </p>
      {weeks.length === 0 ? <p>Aucune recherche sans résultat ces 8 dernières semaines.</p> : null}
      {weeks.map((week, index) => (
        <section aria-labelledby={`semaine-${index}`}>
          <h2 id={`semaine-${index}`}>
            {weekLabel(week.week)} : {week.total === 1 ? '1 recherche sans résultat' : `${formatNumber(week.total)} recherches sans résultat`}
          </h2>
          <div class="table-scroll" role="region" aria-labelledby={`legende-${index}`} tabIndex={0}>
            <table class="data-table">
              <caption id={`legende-${index}`} class="visually-hidden">
                Recherches sans résultat, {weekLabel(week.week).toLowerCase()}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Mots recherchés</th>
                  {platformWide ? <th scope="col">Espace</th> : null}
                  <th scope="col">Nombre</th>
                </tr>
              </thead>
              <tbody>
                {week.rows.map((row) => (
                  <tr>
                    <th scope="row">{row.words === OTHER_SEARCHES ? <em>autres recherches (au-delà de la limite du jour)</em> : <a href={searchHref(row.words)}>{row.words}</a>}</th>
                    {platformWide ? <td>{row.tenantName}</td> : null}
                    <td>{formatNumber(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
