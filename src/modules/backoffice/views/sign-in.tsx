import type { FieldErrors } from '../../../platform/views/form';
import { PasswordSignInForm } from '../../../platform/views/sign-in-form';

export function SignInForm({ csrfToken, email, errors, next }: { csrfToken: string; email: string; errors: FieldErrors; next: string }) {
  return (
    <>
      <p>Cet espace est réservé aux agents des collectivités qui publient des contenus et gèrent leurs services.</p>
      <PasswordSignInForm action="/admin/connexion" csrfToken={csrfToken} email={email} errors={errors} next={next} />
      <p>
        Mot de passe oublié ou compte bloqué ? Adressez-vous à l'administrateur de votre collectivité sur Guichet.
      </p>
    </>
  );
}
