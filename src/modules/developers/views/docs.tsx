import { isOAuthScope, SCOPES, type ApiScopeConfig } from '../../../platform/http/api-access';
import { curlOf, type Operation } from '../openapi-doc';

export const PORTAL = '/developpeurs';
export const GETTING_STARTED = '/developpeurs/demarrer';
export const APPLICATIONS = '/developpeurs/applications';
export const OPERATOR = '/developpeurs/operateur';
export const operationPath = (id: string) => `${PORTAL}/api/${encodeURIComponent(id)}`;

export function scopeLabel(scope: ApiScopeConfig | undefined): string {
  if (scope === false || scope === undefined) return 'aucune : ouvert à tous';
  if (isOAuthScope(scope)) return `${scope} (OAuth2, au nom d’une personne)`;
  return scope;
}

export function PortalHome({ operations }: { operations: Operation[] }) {
  return (
    <>
      <p>
        Guichet ouvre ses données publiques par une API JSON : les aides et leur calcul d’éligibilité, la recherche, le catalogue des données ouvertes et les
        signalements d’erreur. Sans clé, l’API répond à un petit nombre de requêtes par adresse ; avec une clé d’application (gratuite), chaque application a ses
        quotas et le suivi de son utilisation.
      </p>
      <ul>
        <li>
          <a href={GETTING_STARTED}>Démarrer en cinq minutes</a> : créer une application, obtenir une clé, premier appel avec curl.
        </li>
        <li>
          <a href={APPLICATIONS}>Mes applications</a> : les vôtres et celles de votre collectivité, leurs clés et leur utilisation.
        </li>
        <li>
          <a href="/api/v1/openapi.json">Le document OpenAPI 3.1</a> (pour générer un client).
        </li>
      </ul>
      <h2>Les opérations</h2>
      <div class="table-scroll">
        <table>
          <caption>Opérations de l’API, avec la portée qu’elles demandent</caption>
          <thead>
            <tr>
              <th scope="col">Opération</th>
              <th scope="col">Ce qu’elle fait</th>
              <th scope="col">Portée</th>
            </tr>
          </thead>
          <tbody>
            {operations.map((op) => (
              <tr>
                <td>
                  <a href={operationPath(op.id)}>
                    <code>
                      {op.method} {op.path}
                    </code>
                  </a>
                </td>
                <td>
                  {op.summary}
                  {op.deprecated ? ' (dépréciée)' : ''}
                </td>
                <td>{scopeLabel(op.scope)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function GettingStarted({ base, anonymous }: { base: string; anonymous: { perMinute: number; perDay: number } }) {
  return (
    <>
      <h2>1. Essayer sans clé</h2>
      <p>
        Les données ouvertes se lisent sans clé, dans la limite de {anonymous.perMinute} requêtes par minute et {anonymous.perDay} par jour pour une même adresse :
      </p>
      <pre>
        <code>{`curl '${base}/api/v1/aides?collectivite=brest'`}</code>
      </pre>
      <h2>2. Créer une application</h2>
      <p>
        Connectez-vous (un compte Guichet suffit ; un agent peut aussi inscrire une application au nom de sa collectivité), puis ouvrez{' '}
        <a href={APPLICATIONS}>Mes applications</a>. Donnez un nom, choisissez les portées dont l’application a besoin : la clé s’affiche <strong>une seule fois</strong>.
        Gardez-la dans un gestionnaire de secrets ; Guichet n’en garde que l’empreinte.
      </p>
      <h2>3. Appeler l’API avec la clé</h2>
      <p>
        Envoyez la clé dans l’en-tête <code>Authorization</code> (ou <code>X-Api-Key</code>), jamais dans l’adresse :
      </p>
      <pre>
        <code>{`curl '${base}/api/v1/aides' \\\n  -H 'Authorization: Bearer gk_VOTRE_CLE'`}</code>
      </pre>
      <pre>
        <code>{`curl -X POST '${base}/api/v1/eligibilite' \\\n  -H 'X-Api-Key: gk_VOTRE_CLE' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"age": 19, "commune": "35238", "situation": "etudiant"}'`}</code>
      </pre>
      <h2>4. Lire les réponses</h2>
      <ul>
        <li>
          Chaque réponse porte les en-têtes <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> et <code>RateLimit-Reset</code> (secondes avant la
          remise à zéro), aussi sous les noms <code>X-RateLimit-*</code>.
        </li>
        <li>
          Les erreurs suivent la RFC 9457 (<code>application/problem+json</code>), en français : 401 clé inconnue, révoquée ou application suspendue ; 403 portée
          manquante ; 429 quota atteint, avec <code>Retry-After</code> en secondes.
        </li>
        <li>
          Depuis une page web d’un autre site, l’API répond à toutes les origines (CORS), sans cookie : ces en-têtes y sont lisibles. Une clé d’API reste sur
          vos serveurs, jamais dans le code d’une page ; les données d’une personne se lisent avec le jeton OAuth2 qu’elle a accordé.
        </li>
      </ul>
      <h2>Portées</h2>
      <dl>
        {Object.entries(SCOPES).map(([scope, label]) => (
          <>
            <dt>
              <code>{scope}</code>
            </dt>
            <dd>{label}</dd>
          </>
        ))}
      </dl>
    </>
  );
}

export function OperationPage({ operation, base }: { operation: Operation; base: string }) {
  return (
    <>
      <p>
        <code>
          {operation.method} {operation.path}
        </code>{' '}
        — portée : {scopeLabel(operation.scope)}
      </p>
      {operation.deprecated ? <p>Cette opération est dépréciée : ses réponses portent les en-têtes Deprecation et Sunset.</p> : null}
      {operation.description ? <p>{operation.description}</p> : null}
      <h2>Paramètres</h2>
      {operation.parameters.length === 0 ? (
        <p>Aucun paramètre d’adresse.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>Paramètres de l’opération</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Où</th>
                <th scope="col">Obligatoire</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((p) => (
                <tr>
                  <td>
                    <code>{p.name}</code>
                  </td>
                  <td>{p.in === 'query' ? 'adresse (query)' : p.in === 'path' ? 'chemin' : p.in}</td>
                  <td>{p.required ? 'oui' : 'non'}</td>
                  <td>{p.description ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Exemple</h2>
      <pre>
        <code>{curlOf(operation, base)}</code>
      </pre>
      <h2>Réponses</h2>
      <ul>
        {operation.responses.map((r) => (
          <li>
            <strong>{r.status}</strong> {r.description} {r.types.length ? <code>{r.types.join(', ')}</code> : null}
          </li>
        ))}
      </ul>
      <p>
        <a href={PORTAL}>Toutes les opérations</a>
      </p>
    </>
  );
}
