import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from './form';

export const signInLabels = { email: 'Adresse électronique', password: 'Mot de passe' };

/** The address and password form of both sign-in pages: people's (/connexion) and agents' (/admin/connexion). */
export function PasswordSignInForm({ action, csrfToken, email, errors, next }: { action: string; csrfToken: string; email: string; errors: FieldErrors; next: string }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={signInLabels} />
      <Form action={action} csrfToken={csrfToken}>
        <input type="hidden" name="suite" value={next} />
        <TextField name="email" type="email" label={signInLabels.email} autocomplete="username" value={email} error={errors.email} required />
        <TextField name="password" type="password" label={signInLabels.password} autocomplete="current-password" error={errors.password} required />
        <div class="actions">
          <SubmitButton>Se connecter</SubmitButton>
        </div>
      </Form>
    </>
  );
}
