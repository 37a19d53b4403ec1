import { formatDate, formatNumber } from '../../../platform/views/components';
import type { CatalogueEntry } from '../catalogue';
import { LICENCES } from '../licences';

export const DATA_PATH = '/donnees';

/** The datasets grouped by declaration: one section each, one link per producer. */
function groups(entries: readonly CatalogueEntry[]): CatalogueEntry[][] {
  const byId = new Map<string, CatalogueEntry[]>();
  for (const e of entries) byId.set(e.declaration.id, [...(byId.get(e.declaration.id) ?? []), e]);
  return [...byId.values()];
}

function partLabel(e: CatalogueEntry): string {
  const who = e.declaration.perTenant ? (e.producer ? e.publisher.name : 'Données nationales reprises par Guichet') : 'Toute la plateforme';
  return who;
}

export function CataloguePage({ entries }: { entries: CatalogueEntry[] }) {
  return (
    <>
      <p class="lead">
        Les données publiques de Guichet, à télécharger en CSV ou en JSON : {entries.length} jeux de données. Chaque collectivité choisit la licence de ses données.
      </p>
      <p>
        Le catalogue complet, au format DCAT-AP, est lisible par data.gouv.fr et les autres portails :{' '}
        <a href={`${DATA_PATH}/catalogue.jsonld`}>catalogue.jsonld (JSON-LD)</a> ou <a href={`${DATA_PATH}/catalogue.rdf`}>catalogue.rdf (RDF/XML)</a>. D’où viennent les données reprises : <a href="/sources">sources des données</a>.
      </p>
      {groups(entries).map((parts) => {
        const d = parts[0]!.declaration;
        return (
          <section aria-labelledby={`jeu-${d.id}`}>
            <h2 id={`jeu-${d.id}`}>{d.title}</h2>
            <p>{d.description}</p>
            <ul>
              {parts.map((e) => (
                <li>
                  <a href={`${DATA_PATH}/${e.slug}`}>{partLabel(e)}</a> : {formatNumber(e.stats.count)} lignes, {e.licence.label}
                  {e.stats.lastModified ? `, modifié le ${formatDate(e.stats.lastModified)}` : ''}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <h2 id="licences">Les licences</h2>
      <dl>
        {Object.values(LICENCES).map((l) => (
          <>
            <dt id={l.id === 'restrictive' ? 'licence-restrictive' : undefined}>{l.label}</dt>
            <dd>{l.summary}</dd>
          </>
        ))}
      </dl>
      <p>
        Sans choix de la collectivité, ses données sont sous Licence Ouverte 2.0. Pour réutiliser des données sous licence restrictive, écrivez à la collectivité qui les
        produit : son adresse est sur la page du jeu de données.
      </p>
      <p>
        Une erreur dans une donnée ? Sur la page de chaque aide, lieu, événement, formation, page ou collectivité, le lien « Signaler une erreur » prévient la collectivité
        qui la produit.
      </p>
    </>
  );
}
