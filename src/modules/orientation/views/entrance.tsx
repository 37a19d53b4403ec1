import { formatNumber } from '../../../platform/views/format';
import { JOBS_PATH, jobsHref } from '../service';
import type { Interest } from '../store';
import { orientationPlacesHref } from '../../help';
import { RomeCredit } from './credit';

/** /orientation: what exists today (the jobs, the places where someone can help), nothing promised. */
export interface OrientationNews {
  title: string;
  href: string;
  authority: string;
}

export function Entrance({ interests, news = [] }: { interests: Interest[]; news?: OrientationNews[] }) {
  return (
    <>
      <p class="lead">Découvrir des métiers, ce qu’on y fait, comment y accéder et vers quoi évoluer.</p>
      <section aria-labelledby="metiers">
        <h2 id="metiers">
          <a href={JOBS_PATH}>Les métiers</a>
        </h2>
        <p>
          {formatNumber(1_584)} fiches métiers du répertoire de France Travail, à chercher par leur nom (au féminin comme
          au masculin), par ce qui vous plaît ou par domaine.
        </p>
        <p>Par exemple :</p>
        <ul class="link-list">
          {interests.slice(0, 4).map((i) => (
            <li>
              <a href={jobsHref({ interet: String(i.code) })}>{i.label}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="agenda">
        <h2 id="agenda">
          <a href="/agenda">L’agenda de l’orientation</a>
        </h2>
        <p>Salons, forums, portes ouvertes, job datings et ateliers près de chez vous, à ajouter à votre agenda.</p>
      </section>
      {news.length ? (
        <section aria-labelledby="actualites">
          <h2 id="actualites">Actualités de l’orientation</h2>
          <ul class="link-list">
            {news.map((n) => (
              <li>
                <a href={n.href}>{n.title}</a>
                <span class="muted"> · {n.authority}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="accompagnement">
        <h2 id="accompagnement">Être accompagné</h2>
        <p>
          Une personne peut vous aider gratuitement près de chez vous, dans un espace France Services ou un lieu de
          médiation numérique. <a href="/aide-de-proximite">Trouver un lieu d’aide</a>
        </p>
        <p>
          Pour choisir un métier ou une formation, un conseiller vous reçoit dans un CIO, une Mission locale, un lieu
          Information Jeunesse ou une Maison de l’emploi. <a href={orientationPlacesHref()}>Trouver un lieu d’orientation</a>
        </p>
      </section>
      <RomeCredit />
    </>
  );
}
