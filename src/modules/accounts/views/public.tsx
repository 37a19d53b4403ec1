import { FranceConnectButton } from '../../franceconnect';
import { PASSWORD_RULES } from '../../../platform/auth/password-policy';
import { Notice } from '../../../platform/views/components';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../platform/views/form';
import { PasswordSignInForm } from '../../../platform/views/sign-in-form';
import { resetLabels, signInLabels, signUpLabels } from '../service';
import type { TokenCheck } from '../store';

export function SignUpForm({ csrfToken, values, errors }: { csrfToken: string; values: { email?: string; display_name?: string }; errors: FieldErrors }) {
  return (
    <>
      <p>Un compte Guichet vous sert pour toutes les collectivités de Bretagne présentes sur Guichet : une seule adresse et un seul mot de passe.</p>
      <p>
        Vous avez déjà un compte ? <a href="/connexion">Se connecter</a>
      </p>
      <ErrorSummary errors={errors} labels={signUpLabels} />
      <Form action="/inscription" csrfToken={csrfToken}>
        <TextField
          name="email"
          type="email"
          label={signUpLabels.email}
          hint="Nous y enverrons un lien pour la confirmer. Exemple : prenom.nom@exemple.fr"
          autocomplete="email"
          value={values.email}
          error={errors.email}
          required
        />
        <TextField
          name="display_name"
          label={signUpLabels.display_name}
          hint="Le nom que Guichet utilise pour s’adresser à vous, par exemple votre prénom."
          autocomplete="given-name"
          maxLength={80}
          value={values.display_name}
          error={errors.display_name}
          required
        />
        <TextField name="password" type="password" label={signUpLabels.password} hint={PASSWORD_RULES} autocomplete="new-password" error={errors.password} required />
        <div class="actions">
          <SubmitButton>Créer mon compte</SubmitButton>
        </div>
      </Form>
    </>
  );
}

export function CheckMailPage({ email, what }: { email: string; what: 'sign-up' | 'reset' }) {
  return (
    <>
      <Notice kind="success" title="Consultez votre messagerie">
        <p>
          {what === 'sign-up'
            ? `Si l’adresse ${email} est valable, un message vient d’y être envoyé. Il contient un lien pour confirmer votre adresse (valable 48 heures).`
            : `Si un compte Guichet existe à l’adresse ${email}, un message vient d’y être envoyé. Il contient un lien pour choisir un nouveau mot de passe (valable 1 heure).`}
        </p>
      </Notice>
      <p>Le message peut mettre quelques minutes à arriver. Pensez à regarder dans les courriers indésirables.</p>
      {what === 'sign-up' ? (
        <p>
          Vous pouvez déjà vous connecter, avant même de confirmer votre adresse : <a href="/connexion">Se connecter</a>
        </p>
      ) : (
        <p>
          Rien reçu après quelques minutes ? Vérifiez l’adresse et <a href="/mot-de-passe-oublie">recommencez</a>.
        </p>
      )}
    </>
  );
}

export function SignInForm({
  csrfToken,
  email,
  errors,
  next,
  franceConnect,
  notice,
}: {
  csrfToken: string;
  email: string;
  errors: FieldErrors;
  next: string;
  franceConnect: boolean;
  notice?: string | undefined;
}) {
  return (
    <>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {franceConnect ? (
        <section aria-labelledby="avec-franceconnect">
          <h2 id="avec-franceconnect">Avec FranceConnect</h2>
          <p>Utilisez un compte que vous avez déjà (impots.gouv.fr, ameli.fr, l’Identité Numérique La Poste…).</p>
          <FranceConnectButton next={next} />
        </section>
      ) : null}
      <section aria-labelledby="avec-mot-de-passe">
        <h2 id="avec-mot-de-passe">Avec votre compte Guichet</h2>
        <PasswordSignInForm action="/connexion" csrfToken={csrfToken} email={email} errors={errors} next={next} />
        <ul class="link-list">
          <li>
            <a href="/mot-de-passe-oublie">Mot de passe oublié ?</a>
          </li>
          <li>
            <a href="/connexion/lien">Recevoir un lien de connexion par courriel</a>
          </li>
          <li>
            Pas encore de compte ? <a href="/inscription">Créer un compte</a>
          </li>
        </ul>
      </section>
    </>
  );
}

export function ResetRequestForm({ csrfToken, email, errors }: { csrfToken: string; email: string; errors: FieldErrors }) {
  return (
    <>
      <p>Saisissez l’adresse électronique de votre compte. Nous y enverrons un lien pour choisir un nouveau mot de passe.</p>
      <ErrorSummary errors={errors} labels={signInLabels} />
      <Form action="/mot-de-passe-oublie" csrfToken={csrfToken}>
        <TextField name="email" type="email" label={signInLabels.email} autocomplete="email" value={email} error={errors.email} required />
        <div class="actions">
          <SubmitButton>Recevoir le lien</SubmitButton>
        </div>
      </Form>
    </>
  );
}

export function NewPasswordForm({ csrfToken, token, email, errors }: { csrfToken: string; token: string; email: string; errors: FieldErrors }) {
  return (
    <>
      <p>Choisissez le nouveau mot de passe de votre compte. Toutes vos sessions ouvertes seront fermées : vous vous reconnecterez avec ce nouveau mot de passe.</p>
      <ErrorSummary errors={errors} labels={resetLabels} />
      <Form action="/mot-de-passe/nouveau" csrfToken={csrfToken}>
        <input type="hidden" name="jeton" value={token} />
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <TextField name="password" type="password" label={resetLabels.password} hint={PASSWORD_RULES} autocomplete="new-password" error={errors.password} required />
        <div class="actions">
          <SubmitButton>Enregistrer mon nouveau mot de passe</SubmitButton>
        </div>
      </Form>
    </>
  );
}

/** A link (confirmation, reset, address change) that cannot be used: why, and what to do. */
export function LinkProblem({ reason, retry }: { reason: Exclude<TokenCheck, { ok: true }>['reason'] | 'taken'; retry: { href: string; label: string } }) {
  const why = {
    unknown: 'Ce lien n’est pas valable. Vérifiez que vous avez copié l’adresse en entier depuis le message.',
    used: 'Ce lien a déjà servi, ou un lien plus récent l’a remplacé. Chaque lien ne sert qu’une fois.',
    expired: 'Ce lien a expiré.',
    taken: 'Cette adresse électronique est désormais utilisée par un autre compte : elle ne peut pas être la vôtre.',
  }[reason];
  return (
    <>
      <Notice kind="warning" title="Ce lien ne peut pas être utilisé">
        <p>{why}</p>
      </Notice>
      <p>
        <a href={retry.href}>{retry.label}</a>
      </p>
    </>
  );
}

/** The page a mailed link opens: a button, so that a mail scanner opening links uses nothing. */
export function ConfirmLinkPage({ csrfToken, action, token, text, button }: { csrfToken: string; action: string; token: string; text: string; button: string }) {
  return (
    <>
      <p>{text}</p>
      <Form action={action} csrfToken={csrfToken}>
        <input type="hidden" name="jeton" value={token} />
        <div class="actions">
          <SubmitButton>{button}</SubmitButton>
        </div>
      </Form>
    </>
  );
}
