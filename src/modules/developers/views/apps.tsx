import { Notice } from '../../../platform/views/components';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../platform/views/form';
import { SCOPES, type ApiScope } from '../../../platform/http/api-access';
import type { DayUsage } from '../usage';
import type { Application, KeyRow } from '../store';
import { UsageCharts } from './charts';
import { APPLICATIONS, GETTING_STARTED } from './docs';

export const appPath = (id: string) => `${APPLICATIONS}/${id}`;

const LABELS = { nom: 'Nom de l’application', description: 'Ce qu’elle fait', proprietaire: 'Au nom de', portees: 'Portées' };

export function ScopeChoices({ chosen, error }: { chosen: readonly string[]; error?: string | undefined }) {
  return (
    <fieldset class={error ? 'field field--error' : 'field'} id="champ-portees">
      <legend>Portées : ce que l’application pourra lire ou écrire</legend>
      {error ? (
        <p class="field__error" id="erreur-portees">
          <span class="visually-hidden">Erreur : </span>
          {error}
        </p>
      ) : null}
      {Object.entries(SCOPES).map(([scope, label], index) => (
        <div class="checkbox">
          <input type="checkbox" id={`portee-${index}`} name="portees" value={scope} checked={chosen.includes(scope)} />
          <label for={`portee-${index}`}>
            <code>{scope}</code> — {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function ApplicationsList({ applications, tenantName, owners, csrfToken, values, errors }: {
  applications: Application[];
  /** An authority's name, for the applications it owns. */
  tenantName: (tenantId: string) => string;
  owners: Array<{ value: string; label: string }>;
  csrfToken: string;
  values: { nom?: string; description?: string; proprietaire?: string; portees?: string[] };
  errors: FieldErrors;
}) {
  return (
    <>
      <p>
        Une application reçoit une clé d’API, des portées et des quotas ; vous suivez ici son utilisation. Le mode d’emploi : <a href={GETTING_STARTED}>démarrer</a>.
      </p>
      {applications.length === 0 ? (
        <p>Vous n’avez pas encore d’application.</p>
      ) : (
        <ul>
          {applications.map((a) => (
            <li>
              <a href={appPath(a.id)}>{a.name}</a>
              {a.ownerTenantId ? ` (au nom de ${tenantName(a.ownerTenantId)})` : ''}
              {a.suspendedAt ? ' — suspendue' : ''}
            </li>
          ))}
        </ul>
      )}
      <h2>Inscrire une application</h2>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form action={APPLICATIONS} csrfToken={csrfToken}>
        <TextField name="nom" label={LABELS.nom} required value={values.nom} maxLength={80} error={errors.nom} />
        <TextArea name="description" label={LABELS.description} hint="Facultatif : une phrase pour vous y retrouver." value={values.description} rows={3} error={errors.description} />
        {owners.length > 1 ? (
          <div class="field">
            <label for="champ-proprietaire">{LABELS.proprietaire}</label>
            <select id="champ-proprietaire" name="proprietaire">
              {owners.map((o) => (
                <option value={o.value} selected={o.value === values.proprietaire}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <ScopeChoices chosen={values.portees ?? ['aides:lecture']} error={errors.portees} />
        <SubmitButton>Inscrire l’application</SubmitButton>
      </Form>
    </>
  );
}

/** The key, shown once: after this page Guichet can no longer show it. */
export function KeyShownOnce({ applicationId, apiKey }: { applicationId: string; apiKey: string }) {
  return (
    <>
      <Notice kind="success" title="Voici la clé de l’application">
        <p>
          Copiez-la maintenant : <strong>elle ne sera plus jamais affichée</strong>. Guichet n’en garde que l’empreinte.
        </p>
      </Notice>
      <p>
        <label for="cle">Clé d’API</label>
        <input id="cle" type="text" readOnly value={apiKey} size={60} />
      </p>
      <pre>
        <code>{`curl -H 'Authorization: Bearer ${apiKey}' …/api/v1/aides`}</code>
      </pre>
      <p>
        <a href={appPath(applicationId)}>J’ai copié la clé : revenir à l’application</a>
      </p>
    </>
  );
}

export function ApplicationDetail({ application, keys, usage, csrfToken, manage, errors, done }: {
  application: Application;
  keys: KeyRow[];
  usage: DayUsage[];
  csrfToken: string;
  manage: boolean;
  errors: FieldErrors;
  done?: string | undefined;
}) {
  const now = Date.now();
  const active = keys.filter((k) => !k.revokedAt && (!k.expiresAt || k.expiresAt.getTime() > now));
  return (
    <>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {application.suspendedAt ? (
        <Notice kind="warning" title="Application suspendue">
          <p>L’opérateur de la plateforme a suspendu cette application : ses clés sont refusées. {application.suspendedReason ? `Motif : ${application.suspendedReason}` : ''}</p>
        </Notice>
      ) : null}
      {application.description ? <p>{application.description}</p> : null}
      <p>
        Quotas : {application.perMinute} requêtes par minute, {application.perDay} par jour.
      </p>
      <h2>Clés</h2>
      {active.length === 0 ? <p>Aucune clé valide : créez-en une nouvelle.</p> : null}
      <ul>
        {keys.map((k) => (
          <li>
            <code>{k.prefix}…</code> créée le {k.createdAt.toISOString().slice(0, 10)}
            {k.revokedAt ? ' — révoquée' : k.expiresAt ? (k.expiresAt.getTime() > now ? ` — remplacée, valable jusqu’au ${k.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ' — expirée') : ' — active'}
            {manage && !k.revokedAt && (!k.expiresAt || k.expiresAt.getTime() > now) ? (
              <Form action={`${appPath(application.id)}/revocation`} csrfToken={csrfToken} class="inline-form">
                <input type="hidden" name="cle" value={k.id} />
                <SubmitButton secondary>Révoquer la clé {k.prefix}…</SubmitButton>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {manage ? (
        <>
          <Form action={`${appPath(application.id)}/rotation`} csrfToken={csrfToken}>
            <p>Une nouvelle clé : les clés actives continuent de fonctionner 24 heures, le temps de changer la clé de vos serveurs.</p>
            <SubmitButton>Créer une nouvelle clé</SubmitButton>
          </Form>
          <h2>Portées</h2>
          <ErrorSummary errors={errors} labels={LABELS} />
          <Form action={`${appPath(application.id)}/portees`} csrfToken={csrfToken}>
            <ScopeChoices chosen={application.scopes} error={errors.portees} />
            <SubmitButton>Enregistrer les portées</SubmitButton>
          </Form>
        </>
      ) : null}
      <h2>Utilisation (30 derniers jours)</h2>
      <UsageCharts usage={usage} />
    </>
  );
}

export function chosenScopes(value: unknown): ApiScope[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((s): s is ApiScope => typeof s === 'string' && Object.hasOwn(SCOPES, s));
}
