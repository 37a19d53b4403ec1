import { formatDate, formatDateTime, formatNumber } from '../../../platform/views/components';
import type { CatalogueEntry } from '../catalogue';
import { FREQUENCIES } from '../catalogue';
import { FORMATS, formatsOf } from '../export';
import type { ReportStatus } from '../tables';
import { DATA_PATH } from './catalogue-page';

export const STATUS_LABELS: Record<ReportStatus, string> = { nouveau: 'Nouveau', en_cours: 'En cours', corrige: 'Corrigé', rejete: 'Rejeté' };

export const downloadHref = (slug: string, format: string) => `${DATA_PATH}/${slug}.${format}`;
export const apiHref = (slug: string) => `/api/v1/donnees/${slug}`;

/** schema.org Dataset (JSON-LD), read by search engines (Google Dataset Search) ; `<` escaped. */
export function datasetJsonLd(e: CatalogueEntry, publicUrl: string): string {
  const licenceUrl = e.licence.url.startsWith('/') ? publicUrl + e.licence.url : e.licence.url;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: e.title,
    description: e.declaration.description,
    url: `${publicUrl}${DATA_PATH}/${e.slug}`,
    identifier: e.slug,
    keywords: e.declaration.keywords,
    license: licenceUrl,
    isAccessibleForFree: true,
    inLanguage: 'fr',
    creator: { '@type': 'GovernmentOrganization', name: e.publisher.name, url: `${publicUrl}/collectivites/${e.publisher.id}/` },
    dateModified: e.stats.lastModified?.toISOString(),
    temporalCoverage: e.stats.temporal ? `${e.stats.temporal.start.toISOString().slice(0, 10)}/${e.stats.temporal.end.toISOString().slice(0, 10)}` : undefined,
    spatialCoverage: { '@type': 'Place', name: e.publisher.kind === 'region' ? 'Bretagne' : e.publisher.name },
    variableMeasured: e.declaration.fields.map((f) => ({ '@type': 'PropertyValue', name: f.name, description: f.meaning })),
    distribution: formatsOf(e.declaration).map((f) => ({ '@type': 'DataDownload', encodingFormat: FORMATS[f].mediaType, contentUrl: `${publicUrl}${downloadHref(e.slug, f)}` })),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function DatasetPage({ entry: e, jsonLd, reports }: { entry: CatalogueEntry; jsonLd: string; reports: Record<ReportStatus, number> }) {
  const total = Object.values(reports).reduce((a, b) => a + b, 0);
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <p class="lead">{e.declaration.description}</p>
      <dl>
        <dt>Producteur</dt>
        <dd>
          <a href={`/collectivites/${e.publisher.id}/`}>{e.publisher.name}</a>
          {e.producer === null && e.declaration.perTenant ? ' (données publiques nationales reprises par Guichet, voir les sources)' : ''}
        </dd>
        <dt>Licence</dt>
        <dd>
          <a href={e.licence.url}>{e.licence.label}</a> : {e.licence.summary}
        </dd>
        <dt>Mise à jour</dt>
        <dd>{FREQUENCIES[e.declaration.frequency].label}</dd>
        <dt>Dernière modification</dt>
        <dd>{e.stats.lastModified ? formatDateTime(e.stats.lastModified) : 'Non datée'}</dd>
        <dt>Nombre de lignes</dt>
        <dd>{formatNumber(e.stats.count)}</dd>
        {e.stats.temporal ? (
          <>
            <dt>Période couverte</dt>
            <dd>
              du {formatDate(e.stats.temporal.start)} au {formatDate(e.stats.temporal.end)}
            </dd>
          </>
        ) : null}
        {e.publisher.contact_email ? (
          <>
            <dt>Contact</dt>
            <dd>
              <a href={`mailto:${e.publisher.contact_email}`}>{e.publisher.contact_email}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Télécharger</h2>
      <ul>
        {formatsOf(e.declaration).map((f) => (
          <li>
            <a href={downloadHref(e.slug, f)} download>
              Fichier {FORMATS[f].label} ({formatNumber(e.stats.count)} lignes)
            </a>
          </li>
        ))}
        <li>
          <a href={apiHref(e.slug)}>Description par l’API (JSON)</a>
          {e.declaration.apiPath ? (
            <>
              {' '}et interrogation par l’API : <a href={e.declaration.apiPath}>{e.declaration.apiPath}</a>
            </>
          ) : null}
        </li>
      </ul>
      <h2>Les champs</h2>
      <div class="table-scroll">
        <table>
          <caption>Les colonnes des fichiers, dans l’ordre</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Type</th>
              <th scope="col">Signification</th>
            </tr>
          </thead>
          <tbody>
            {e.declaration.fields.map((f) => (
              <tr>
                <th scope="row">
                  <code>{f.name}</code>
                </th>
                <td>{f.type}</td>
                <td>{f.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Erreurs signalées</h2>
      {total === 0 ? (
        <p>Aucune erreur signalée sur ce jeu de données.</p>
      ) : (
        <ul>
          {(Object.keys(STATUS_LABELS) as ReportStatus[]).map((s) => (
            <li>
              {STATUS_LABELS[s]} : {formatNumber(reports[s])}
            </li>
          ))}
        </ul>
      )}
      <p>Pour signaler une erreur, utilisez le lien « Signaler une erreur » sur la page de l’objet concerné.</p>
    </>
  );
}
