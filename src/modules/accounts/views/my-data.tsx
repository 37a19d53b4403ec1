import type { NotCopied, Processing } from '../../../platform/personal-data';

/** « Mes données »: what is kept, the download, and what the file leaves out and why. */
export function MyDataPage({ processings, notCopied }: { processings: Processing[]; notCopied: NotCopied[] }) {
  const left = new Map(notCopied.map((n) => [n.table, n.why]));
  return (
    <>
      <p>
        Vous pouvez avoir une copie de tout ce que Guichet garde sur vous, dans un seul fichier : une page à lire dans votre
        navigateur, ou le même contenu au format JSON, un format de texte que d’autres services savent lire.
      </p>
      <ul class="inline-list">
        <li>
          <a class="button" href="/mon-compte/mes-donnees/telecharger?format=html" download>
            Télécharger mes données (page à lire)
          </a>
        </li>
        <li>
          <a href="/mon-compte/mes-donnees/telecharger" download>
            Télécharger mes données (fichier JSON)
          </a>
        </li>
      </ul>
      <h2>Ce que contient le fichier</h2>
      <ul>
        {processings.map((p) => (
          <li>
            <strong>{p.title}</strong> : {p.data}
          </li>
        ))}
      </ul>
      {left.size > 0 ? (
        <>
          <h2>Ce que le fichier ne contient pas, et pourquoi</h2>
          <ul>
            {[...left.values()].map((why) => (
              <li>{why[0]!.toUpperCase() + why.slice(1)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        Pour savoir pourquoi et combien de temps chaque donnée est gardée, lisez la page <a href="/donnees-personnelles">Données personnelles</a>.
        Pour corriger une donnée, allez dans <a href="/mon-compte/profil">Mon profil</a> ; pour tout effacer,{' '}
        <a href="/mon-compte/supprimer">supprimez votre compte</a>.
      </p>
    </>
  );
}
