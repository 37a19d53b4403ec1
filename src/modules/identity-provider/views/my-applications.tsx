import { DateText } from '../../../platform/views/components';
import type { ConsentView } from '../consents';
import { ScopeList } from './consent';

/** The applications a person allowed to use their Guichet account, each with a way to withdraw. */
export function MyApplications({ consents, csrfToken }: { consents: ConsentView[]; csrfToken: string }) {
  return (
    <>
      <p>
        Ces applications de collectivités vous connectent avec votre compte Guichet. Vous leur avez donné l’accès à certaines de vos données.
        Si vous retirez une autorisation, l’application ne peut plus rien lire ; la prochaine fois que vous vous y connecterez, Guichet vous
        redemandera votre accord.
      </p>
      {consents.length === 0 ? <p>Vous n’avez autorisé aucune application.</p> : null}
      <ul class="cards">
        {consents.map((consent) => (
          <li class="card">
            <h2>{consent.clientName}</h2>
            <p class="card__meta">Proposée par {consent.tenantName}</p>
            <p>
              Autorisée le <DateText date={consent.grantedAt} />
              {consent.disabled ? ' (application désactivée par la collectivité)' : ''}
            </p>
            <p>Elle peut recevoir :</p>
            <ScopeList scopes={consent.scopes} />
            <form action={`/mon-compte/applications/${encodeURIComponent(consent.clientId)}/retirer`} method="post">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <button type="submit" class="button button--secondary">
                Retirer l’autorisation<span class="visually-hidden"> de {consent.clientName}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
