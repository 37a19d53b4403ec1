import type { Dataset } from '../sources';

function DatasetEntry({ dataset }: { dataset: Dataset }) {
  return (
    <section aria-labelledby={dataset.id} class="dataset">
      <h3 id={dataset.id}>{dataset.title}</h3>
      <p>{dataset.what}</p>
      <ul>
        <li>Producteur : {dataset.producer}</li>
        <li>
          Source : <a href={dataset.source.href}>{dataset.source.label}</a>
        </li>
        <li>Licence : {dataset.licence}</li>
        <li>Date des données : {dataset.date}</li>
        <li>Utilisation sur Guichet : {dataset.use}</li>
      </ul>
      {dataset.caveat ? <p class="muted">{dataset.caveat}</p> : null}
    </section>
  );
}

/** The public "Sources" page: every dataset, its producer, licence and date. */
export function SourcesPage({ datasets }: { datasets: Dataset[] }) {
  const used = datasets.filter((d) => !d.later);
  const later = datasets.filter((d) => d.later);
  return (
    <div class="prose">
      <p class="lead">
        Guichet s’appuie sur des données publiques ouvertes. Voici chacune d’elles, avec qui la produit, sa licence
        et sa date. Si vous repérez une erreur dans ces données, signalez-la au producteur, ou écrivez-nous par le
        formulaire de contact.
      </p>
      <p>
        Les données que Guichet et les collectivités produisent sont à télécharger sur la page{' '}
        <a href="/donnees">Données ouvertes</a>.
      </p>
      <h2>Données utilisées sur le site</h2>
      {used.map((dataset) => (
        <DatasetEntry dataset={dataset} />
      ))}
      <h2>Données préparées pour les prochains services</h2>
      <p>Ces données sont livrées avec Guichet mais ne sont pas encore affichées sur le site.</p>
      {later.map((dataset) => (
        <DatasetEntry dataset={dataset} />
      ))}
      <h2 id="demonstration">Données de démonstration</h2>
      <p>
        Les collectivités de cette démonstration ont leur vrai nom et leur code officiel. Leurs logos sont des
        pastilles avec leurs initiales, pas leurs logos officiels. Les pages et actualités de démonstration ont été
        écrites pour Guichet et sont publiées sous Licence Ouverte / Etalab 2.0.
      </p>
      <p>
        Chaque jeu de données est conservé avec sa fiche d’origine (dépôt, version, licence, précautions d’usage)
        dans le code source de Guichet, dossier <code>seed/data</code>.
      </p>
    </div>
  );
}
