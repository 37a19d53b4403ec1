import type { Tenant } from '../../../platform/db/tables';
import { DateText } from '../../../platform/views/components';
import { ErrorSummary, Form, HintAndError, SelectField, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../platform/views/form';
import { SCOPE_WORDS } from '../claims';
import { clientLabels, type ClientForm } from '../clients.service';
import { SCOPES } from '../clients.store';
import type { SigningKey } from '../keys';
import type { IdpClient } from '../tables';

const AUTH_METHODS = [
  { value: 'client_secret_basic', label: 'Site web avec un serveur : secret dans l’en-tête HTTP Authorization (client_secret_basic, recommandé)' },
  { value: 'client_secret_post', label: 'Site web avec un serveur : secret dans le corps de la requête (client_secret_post)' },
  { value: 'none', label: 'Application mobile ou sur ordinateur, sans secret (client public, PKCE S256)' },
];

/** A scope as an HTML id (no colon, which CSS selectors would need to escape). */
const scopeId = (scope: string) => `portee-${scope.replace(/[^a-z_]/g, '-')}`;

export function emptyForm(): ClientForm {
  return { name: '', redirect_uris: '', post_logout_redirect_uris: '', scopes: ['openid', 'profile', 'email'], auth_method: 'client_secret_basic' };
}

export function formOf(client: IdpClient): ClientForm {
  return {
    name: client.name,
    redirect_uris: client.redirect_uris.join('\n'),
    post_logout_redirect_uris: client.post_logout_redirect_uris.join('\n'),
    scopes: client.scopes,
    auth_method: client.auth_method,
  };
}

export function ClientFields({ form, errors }: { form: ClientForm; errors: FieldErrors }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={clientLabels} />
      <TextField name="name" label={clientLabels.name!} value={form.name} error={errors.name} hint="Il est montré aux personnes quand elles se connectent." maxLength={80} required />
      <TextArea
        name="redirect_uris"
        label={clientLabels.redirect_uris!}
        value={form.redirect_uris}
        error={errors.redirect_uris}
        hint="Une adresse par ligne, en https:// (http:// seulement pour localhost ou 127.0.0.1, pour les essais). Application mobile ou sur ordinateur : un schéma propre à l’application (bzh.guichet.monappli:/retour), http://127.0.0.1/retour (tout port accepté) ou une adresse https:// revendiquée par l’application."
        rows={3}
        required
      />
      <TextArea
        name="post_logout_redirect_uris"
        label={clientLabels.post_logout_redirect_uris!}
        value={form.post_logout_redirect_uris}
        error={errors.post_logout_redirect_uris}
        hint="Facultatif. Une adresse par ligne, mêmes règles."
        rows={2}
      />
      <fieldset aria-describedby={errors.scopes ? 'erreur-scopes' : undefined} id="champ-scopes">
        <legend>{clientLabels.scopes}</legend>
        <HintAndError name="scopes" error={errors.scopes} />
        {SCOPES.map((scope) => (
          <div class="checkbox">
            <input
              type="checkbox"
              id={scopeId(scope)}
              name="scopes"
              value={scope}
              checked={scope === 'openid' || form.scopes.includes(scope)}
              disabled={scope === 'openid'}
            />
            <label for={scopeId(scope)}>
              {SCOPE_WORDS[scope].title} ({scope}){scope === 'openid' ? ' — toujours' : ''}
            </label>
          </div>
        ))}
      </fieldset>
      <SelectField
        name="auth_method"
        label={clientLabels.auth_method!}
        value={form.auth_method}
        options={AUTH_METHODS}
        error={errors.auth_method}
        hint="Une application mobile ne peut pas garder de secret : elle prouve sa demande avec PKCE (S256), que Guichet exige de toutes les applications. Ce choix ne se change plus ensuite."
      />
    </>
  );
}

export function SecretShown({ client, secret, created }: { client: IdpClient; secret: string | undefined; created: boolean }) {
  if (secret === undefined) {
    return (
      <div class="notice notice--success" role="status">
        <p class="notice__title">L’application « {client.name} » est enregistrée.</p>
        <p>
          Identifiant (client_id) : <code>{client.id}</code>
        </p>
        <p>
          C’est une application sans secret (client public) : elle se connecte avec son identifiant et une preuve PKCE (S256) à chaque
          demande. Transmettez l’identifiant à l’équipe de l’application.
        </p>
      </div>
    );
  }
  return (
    <div class="notice notice--success" role="status">
      <p class="notice__title">{created ? `L’application « ${client.name} » est enregistrée.` : `Le secret de « ${client.name} » est changé.`}</p>
      <p>
        Identifiant (client_id) : <code>{client.id}</code>
        <br />
        Secret (client_secret) : <code class="secret">{secret}</code>
      </p>
      <p>
        Copiez le secret maintenant et transmettez-le à l’équipe de l’application par un moyen sûr : Guichet n’en garde qu’une empreinte et ne
        pourra plus jamais l’afficher.{created ? '' : ' L’ancien secret ne fonctionne plus.'}
      </p>
    </div>
  );
}

export function ApplicationsPage({ tenant, clients, base, csrfToken, form, errors, issuer, keys }: {
  tenant: Tenant;
  clients: IdpClient[];
  base: string;
  csrfToken: string;
  form: ClientForm;
  errors: FieldErrors;
  issuer: string;
  /** Only on the portal's page: the provider's signing keys. */
  keys?: SigningKey[] | undefined;
}) {
  return (
    <>
      <p>
        Les applications de {tenant.name} peuvent connecter les personnes avec leur compte Guichet (OpenID Connect). Adresse du fournisseur
        (issuer) : <code>{issuer}</code>
      </p>
      <h2>Applications enregistrées ({clients.length})</h2>
      {clients.length === 0 ? (
        <p class="empty-state">
          Aucune application pour l’instant. Pour qu’un site ou une application de {tenant.name} connecte les personnes avec leur compte Guichet, <a href="#ajouter">enregistrez-la</a> : vous recevrez son identifiant (et son secret, pour une application qui tourne sur un serveur).
        </p>
      ) : null}
      <ul class="cards">
        {clients.map((client) => (
          <li class="card">
            <h3>{client.name}</h3>
            <p class="card__meta">
              <code>{client.id}</code>
            </p>
            <p>
              {client.disabled_at ? 'Désactivée : plus personne ne peut s’y connecter.' : 'Active.'}
              {client.auth_method === 'none' ? ' Application mobile ou sur ordinateur, sans secret.' : ''}
            </p>
            <p>
              Enregistrée le <DateText date={client.created_at} />
            </p>
            <p>
              <a href={`${base}/${client.id}`}>
                Gérer<span class="visually-hidden"> {client.name}</span>
              </a>
            </p>
          </li>
        ))}
      </ul>
      <h2 id="ajouter">Enregistrer une application</h2>
      <Form action={base} csrfToken={csrfToken}>
        <ClientFields form={form} errors={errors} />
        <div class="actions">
          <SubmitButton>Enregistrer l’application</SubmitButton>
        </div>
      </Form>
      {keys ? <KeysSection keys={keys} base={base} csrfToken={csrfToken} /> : null}
    </>
  );
}

function KeysSection({ keys, base, csrfToken }: { keys: SigningKey[]; base: string; csrfToken: string }) {
  return (
    <>
      <h2 id="cles">Clés de signature du fournisseur</h2>
      <p>
        Guichet signe les jetons avec la plus récente. Changer de clé en crée une nouvelle ; les anciennes restent publiées 24 heures pour que les
        jetons déjà signés restent vérifiables.
      </p>
      <ul>
        {keys.map((key, index) => (
          <li>
            <code>{key.kid}</code>, créée le <DateText date={key.createdAt} />
            {index === 0 ? ' — signe les jetons' : key.retiredAt ? <> — retirée le <DateText date={key.retiredAt} /></> : null}
          </li>
        ))}
      </ul>
      <Form action={`${base}/cles`} csrfToken={csrfToken}>
        <SubmitButton secondary>Changer de clé de signature</SubmitButton>
      </Form>
    </>
  );
}

export function ClientDetail({ client, base, csrfToken, form, errors }: { client: IdpClient; base: string; csrfToken: string; form: ClientForm; errors: FieldErrors }) {
  const self = `${base}/${client.id}`;
  return (
    <>
      <p>
        Identifiant (client_id) : <code>{client.id}</code>
      </p>
      <p>{client.disabled_at ? 'Cette application est désactivée : plus personne ne peut s’y connecter et ses jetons sont refusés.' : 'Cette application est active.'}</p>
      <Form action={self} csrfToken={csrfToken}>
        <ClientFields form={form} errors={errors} />
        <div class="actions">
          <SubmitButton>Enregistrer les modifications</SubmitButton>
        </div>
      </Form>
      {client.auth_method === 'none' ? (
        <>
          <h2>Secret</h2>
          <p>Cette application mobile ou sur ordinateur n’a pas de secret : elle prouve chaque demande avec PKCE (S256).</p>
        </>
      ) : (
        <>
          <h2>Secret</h2>
          <p>Si le secret a été perdu ou divulgué, créez-en un nouveau : l’ancien cesse aussitôt de fonctionner.</p>
          <Form action={`${self}/secret`} csrfToken={csrfToken}>
            <SubmitButton secondary>Créer un nouveau secret</SubmitButton>
          </Form>
        </>
      )}
      <h2>{client.disabled_at ? 'Réactiver' : 'Désactiver'}</h2>
      <Form action={`${self}/${client.disabled_at ? 'reactiver' : 'desactiver'}`} csrfToken={csrfToken}>
        {client.disabled_at ? (
          <SubmitButton secondary>Réactiver l’application</SubmitButton>
        ) : (
          <button type="submit" class="button button--danger">
            Désactiver l’application
          </button>
        )}
      </Form>
      <p>
        <a href={base}>Revenir à la liste des applications</a>
      </p>
    </>
  );
}
