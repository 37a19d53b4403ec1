import { SCOPE_WORDS } from '../claims';
import type { Scope } from '../clients.store';

export function ScopeList({ scopes }: { scopes: readonly string[] }) {
  return (
    <ul class="idp-scopes">
      {scopes.map((scope) => {
        const words = SCOPE_WORDS[scope as Scope];
        return words ? (
          <li>
            <strong>{words.title}</strong> : {words.detail}
          </li>
        ) : null;
      })}
    </ul>
  );
}

/** The consent screen: which application, registered by which authority, asks for what. */
export function ConsentPage({ action, csrfToken, clientName, tenantName, scopes, personName }: {
  action: string;
  csrfToken: string;
  clientName: string;
  tenantName: string;
  scopes: readonly string[];
  personName: string;
}) {
  return (
    <>
      <p>
        L’application <strong>« {clientName} »</strong>, proposée par <strong>{tenantName}</strong>, vous demande de vous connecter avec votre
        compte Guichet ({personName}).
      </p>
      <h2>Ce que l’application recevra si vous acceptez</h2>
      <ScopeList scopes={scopes} />
      <p>
        Les informations marquées « certifiées par FranceConnect » dans votre profil sont signalées comme telles à l’application. Vous pourrez
        retirer cette autorisation à tout moment dans « Mon compte », rubrique « Applications autorisées ».
      </p>
      <form action={action} method="post">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <div class="actions">
          <button type="submit" class="button" name="decision" value="accepter">
            Accepter et continuer
          </button>
          <button type="submit" class="button button--secondary" name="decision" value="refuser">
            Refuser
          </button>
        </div>
      </form>
    </>
  );
}
