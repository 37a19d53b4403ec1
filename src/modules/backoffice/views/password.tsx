import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../platform/views/form';
import { MIN_PASSWORD_LENGTH, passwordLabels } from '../password.service';

export function PasswordForm({ csrfToken, errors, email }: { csrfToken: string; errors: FieldErrors; email: string }) {
  return (
    <>
      <p>
        Choisissez un mot de passe d'au moins {MIN_PASSWORD_LENGTH} caractères que vous n'utilisez nulle part ailleurs. Après le
        changement, vos autres sessions ouvertes sont fermées.
      </p>
      <ErrorSummary errors={errors} labels={passwordLabels} />
      <Form action="/admin/mot-de-passe" csrfToken={csrfToken}>
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <TextField name="current_password" type="password" label={passwordLabels.current_password} autocomplete="current-password" error={errors.current_password} required />
        <TextField
          name="new_password"
          type="password"
          label={passwordLabels.new_password}
          hint={`Au moins ${MIN_PASSWORD_LENGTH} caractères. Exemple de phrase : « trois chats gris sur le quai ».`}
          autocomplete="new-password"
          error={errors.new_password}
          required
        />
        <TextField name="confirm_password" type="password" label={passwordLabels.confirm_password} autocomplete="new-password" error={errors.confirm_password} required />
        <div class="actions">
          <SubmitButton>Changer mon mot de passe</SubmitButton>
        </div>
      </Form>
    </>
  );
}
