import type { AccountSectionDefinition } from '../../../platform/context';
import { PASSWORD_RULES } from '../../../platform/auth/password-policy';
import { DateText, Notice, formatDateTime } from '../../../platform/views/components';
import { ErrorSummary, Form, HintAndError, SubmitButton, TextField, type FieldErrors } from '../../../platform/views/form';
import { deletionLabels, emailChangeLabels, passwordChangeLabels } from '../own-account';

export function SignOutForm({ csrfToken }: { csrfToken: string }) {
  return (
    <Form action="/deconnexion" csrfToken={csrfToken}>
      <div class="actions">
        <SubmitButton secondary>Se déconnecter</SubmitButton>
      </div>
    </Form>
  );
}

export function AccountHome({
  csrfToken,
  name,
  email,
  confirmed,
  sections,
}: {
  csrfToken: string;
  name: string;
  email: string;
  confirmed: boolean;
  sections: AccountSectionDefinition[];
}) {
  return (
    <>
      {confirmed ? null : (
        <Notice kind="warning" title="Confirmez votre adresse électronique">
          <p>
            Nous avons envoyé un lien à {email}. Tant que votre adresse n’est pas confirmée, Guichet ne vous envoie aucun autre message (par exemple
            l’alerte de nouvelle connexion).
          </p>
          <Form action="/mon-compte/confirmation" csrfToken={csrfToken}>
            <SubmitButton secondary>Renvoyer le courriel de confirmation</SubmitButton>
          </Form>
        </Notice>
      )}
      <p>
        Bonjour {name}. Votre compte Guichet vous sert pour toutes les collectivités présentes sur Guichet.
      </p>
      <ul class="cards">
        {sections.map((section) => (
          <li class="card">
            <h2>
              <a href={section.href}>{section.label}</a>
            </h2>
            <p>{section.description}</p>
          </li>
        ))}
      </ul>
      <SignOutForm csrfToken={csrfToken} />
    </>
  );
}

export function CredentialsPage({
  csrfToken,
  email,
  hasPassword,
  emailForm,
  passwordErrors,
}: {
  csrfToken: string;
  email: string;
  hasPassword: boolean;
  emailForm: { value: string; errors: FieldErrors };
  passwordErrors: FieldErrors;
}) {
  return (
    <>
      <section aria-labelledby="titre-adresse">
        <h2 id="titre-adresse">Adresse électronique</h2>
        <p>
          Adresse actuelle : <strong>{email}</strong>. Pour la changer, saisissez la nouvelle : nous y enverrons un lien. Le changement sera fait quand vous
          l’ouvrirez. Nous prévenons aussi l’adresse actuelle.
        </p>
        <ErrorSummary errors={emailForm.errors} labels={emailChangeLabels} />
        <Form action="/mon-compte/identifiants/adresse" csrfToken={csrfToken}>
          <TextField name="new_email" type="email" label={emailChangeLabels.new_email} autocomplete="email" value={emailForm.value} error={emailForm.errors.new_email} required />
          {hasPassword ? (
            <TextField name="password" type="password" label={emailChangeLabels.password} autocomplete="current-password" error={emailForm.errors.password} required />
          ) : null}
          <div class="actions">
            <SubmitButton>Changer mon adresse</SubmitButton>
          </div>
        </Form>
      </section>
      <section aria-labelledby="titre-mot-de-passe">
        <h2 id="titre-mot-de-passe">Mot de passe</h2>
        {hasPassword ? (
          <>
            <p>Après le changement, vos autres sessions ouvertes sont fermées. Celle-ci reste ouverte.</p>
            <ErrorSummary errors={passwordErrors} labels={passwordChangeLabels} />
            <Form action="/mon-compte/identifiants/mot-de-passe" csrfToken={csrfToken}>
              <input type="hidden" name="username" value={email} autoComplete="username" />
              <TextField
                name="current_password"
                type="password"
                label={passwordChangeLabels.current_password}
                autocomplete="current-password"
                error={passwordErrors.current_password}
                required
              />
              <TextField
                name="new_password"
                type="password"
                label={passwordChangeLabels.new_password}
                hint={PASSWORD_RULES}
                autocomplete="new-password"
                error={passwordErrors.new_password}
                required
              />
              <div class="actions">
                <SubmitButton>Changer mon mot de passe</SubmitButton>
              </div>
            </Form>
          </>
        ) : (
          <p>
            Votre compte n’a pas de mot de passe : vous vous connectez avec FranceConnect. Pour en créer un, utilisez{' '}
            <a href="/mot-de-passe-oublie">« mot de passe oublié »</a> avec l’adresse {email}.
          </p>
        )}
      </section>
    </>
  );
}

export interface SessionRow {
  id: string;
  device: string;
  method: string;
  createdAt: Date;
  ip: string;
  current: boolean;
  viaSso: boolean;
}

export function SessionsPage({ csrfToken, sessions }: { csrfToken: string; sessions: SessionRow[] }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <>
      <p>
        Voici les appareils connectés à votre compte. Si vous n’en reconnaissez pas un, fermez sa session puis{' '}
        <a href="/mon-compte/identifiants">changez votre mot de passe</a>.
      </p>
      <div class="table-scroll">
        <table class="data-table">
          <caption class="visually-hidden">Sessions ouvertes</caption>
          <thead>
            <tr>
              <th scope="col">Appareil et navigateur</th>
              <th scope="col">Connexion</th>
              <th scope="col">Adresse IP (partielle)</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr>
                <td>
                  {session.device}
                  {session.current ? <strong> (cet appareil)</strong> : null}
                </td>
                <td>
                  <DateText date={session.createdAt} />, {session.createdAt.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })}
                  <br />
                  {session.method}
                </td>
                <td>{session.ip}</td>
                <td>
                  {session.current ? (
                    'Session en cours'
                  ) : (
                    <Form action="/mon-compte/sessions/fermer" csrfToken={csrfToken}>
                      <input type="hidden" name="session" value={session.id} />
                      <button type="submit" class="link-button">
                        Fermer<span class="visually-hidden"> la session {session.device} du {formatDateTime(session.createdAt)}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <Form action="/mon-compte/sessions/fermer-autres" csrfToken={csrfToken}>
          <div class="actions">
            <SubmitButton secondary>Fermer toutes les autres sessions ({others})</SubmitButton>
          </div>
        </Form>
      ) : (
        <p>Aucune autre session n’est ouverte.</p>
      )}
    </>
  );
}

export function DeletePage({ csrfToken, hasPassword, errors }: { csrfToken: string; hasPassword: boolean; errors: FieldErrors }) {
  return (
    <>
      <h2>Ce qui est supprimé</h2>
      <ul>
        <li>votre compte : adresse électronique, nom, mot de passe ;</li>
        <li>votre profil (adresse, téléphone, situation…) et les informations reçues de FranceConnect ;</li>
        <li>vos sessions ouvertes, sur tous vos appareils, et les accès donnés à des applications.</li>
      </ul>
      <h2>Ce qui est gardé</h2>
      <p>
        Le journal de sécurité garde la trace des connexions et de cette suppression (date, adresse IP), comme la loi le demande pour la sécurité des
        services publics en ligne. Il ne contient ni mot de passe ni document. Les demandes déjà envoyées à une collectivité restent chez elle le temps prévu : 10 ans après une aide accordée, 5 ans dans les autres cas.
      </p>
      <Notice kind="warning">
        <p>La suppression est définitive : votre compte ne pourra pas être récupéré.</p>
      </Notice>
      <ErrorSummary errors={errors} labels={deletionLabels} />
      <Form action="/mon-compte/supprimer" csrfToken={csrfToken}>
        {hasPassword ? (
          <TextField
            name="password"
            type="password"
            label={deletionLabels.password}
            hint="Pour vérifier que c’est bien vous."
            autocomplete="current-password"
            error={errors.password}
            required
          />
        ) : (
          <fieldset class={errors.confirm ? 'field field--error' : 'field'} aria-describedby={errors.confirm ? 'erreur-confirm' : undefined}>
            <legend>{deletionLabels.confirm}</legend>
            <HintAndError name="confirm" error={errors.confirm} />
            <div class="checkbox">
              <input type="checkbox" id="champ-confirm" name="confirm" value="oui" aria-invalid={errors.confirm ? 'true' : undefined} />
              <label for="champ-confirm">Je veux supprimer définitivement mon compte Guichet</label>
            </div>
          </fieldset>
        )}
        <div class="actions">
          <button type="submit" class="button button--danger">
            Supprimer mon compte
          </button>
          <a href="/mon-compte">Annuler</a>
        </div>
      </Form>
    </>
  );
}
