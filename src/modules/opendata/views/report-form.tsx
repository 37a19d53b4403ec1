import { Notice } from '../../../platform/views/components';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../platform/views/form';
import type { ReportInput } from '../reports-service';

const LABELS = { message: 'Qu’est-ce qui est faux ?', courriel: 'Votre adresse électronique (facultatif)' };

export function ReportForm({ action, title, url, producer, values, errors, csrfToken }: {
  action: string;
  title: string;
  url: string;
  producer: string;
  values: ReportInput;
  errors: FieldErrors;
  csrfToken: string;
}) {
  return (
    <>
      <p class="lead">
        Vous avez vu une erreur sur <a href={url}>{title}</a> ? Dites-le à {producer}, qui produit cette information : un agent la vérifiera.
      </p>
      <Form action={action} csrfToken={csrfToken}>
        <ErrorSummary errors={errors} labels={LABELS} />
        <TextArea name="message" label={LABELS.message} hint="Par exemple : « Le lieu est fermé le lundi », « Le montant a changé ». N’écrivez pas d’information personnelle." value={values.message} error={errors.message} required rows={6} />
        <TextField name="courriel" type="email" autocomplete="email" label={LABELS.courriel} hint="Seulement si vous voulez une réponse. Elle sera effacée 30 jours après la réponse." value={values.email} error={errors.courriel} maxLength={254} />
        {/* A field people never see: robots that fill every field are recognised without JavaScript. */}
        <div hidden>
          <label for="champ-site">Ne remplissez pas ce champ</label>
          <input id="champ-site" name="site" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <SubmitButton>Envoyer le signalement</SubmitButton>
      </Form>
    </>
  );
}

export function ReportThanks({ title, url, email }: { title: string; url: string; email: boolean }) {
  return (
    <>
      <Notice kind="success" title="Merci, votre signalement est envoyé.">
        {email ? 'Vous recevrez la réponse par courriel.' : 'Un agent de la collectivité va le vérifier.'}
      </Notice>
      <p>
        <a href={url}>Revenir à « {title} »</a>
      </p>
    </>
  );
}
