import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../platform/views/form';

export const signInLabels = { email: 'Adresse électronique', password: 'Mot de passe' };

export function SignInForm({ csrfToken, email, errors, next }: { csrfToken: string; email: string; errors: FieldErrors; next: string }) {
  return (
    <>
      <p>Cet espace est réservé aux agents des collectivités qui publient des contenus et gèrent leurs services.</p>
      <ErrorSummary errors={errors} labels={signInLabels} />
      <Form action="/admin/connexion" csrfToken={csrfToken}>
        <input type="hidden" name="suite" value={next} />
        <TextField name="email" type="email" label={signInLabels.email} autocomplete="username" value={email} error={errors.email} required />
        <TextField name="password" type="password" label={signInLabels.password} autocomplete="current-password" error={errors.password} required />
        <div class="actions">
          <SubmitButton>Se connecter</SubmitButton>
        </div>
      </Form>
      <p>
        Mot de passe oublié ou compte bloqué ? Adressez-vous à l'administrateur de votre collectivité sur Guichet.
      </p>
    </>
  );
}
