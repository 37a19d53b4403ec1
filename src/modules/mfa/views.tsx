import { DateText } from '../../platform/views/components';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../platform/views/form';
import type { Enrolment } from './service';

export const codeLabels: Record<string, string> = {
  code: 'Code de vérification',
  current_code: 'Code de vérification',
  password: 'Mot de passe',
};

const CODE_HINT = 'Les 6 chiffres affichés maintenant par votre application d’authentification. Sans votre téléphone, saisissez un de vos codes de secours.';

function Hidden({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** The QR code as inline SVG markup (our own shapes, drawn by `qrcode`), with a text alternative. */
export function QrCode({ qr }: { qr: Enrolment['qr'] }) {
  return (
    <svg class="mfa-qr" xmlns="http://www.w3.org/2000/svg" viewBox={qr.viewBox} shape-rendering="crispEdges" role="img" aria-labelledby="mfa-qr-titre">
      <title id="mfa-qr-titre">Code QR à scanner avec votre application d’authentification. La même clé est écrite en toutes lettres à côté.</title>
      <path fill="#ffffff" d={qr.background} />
      <path stroke="#000000" d={qr.modules} />
    </svg>
  );
}

/** Enrolment: install an application, scan (or type the key), confirm with the first code. */
export function EnrolmentForm({ action, csrfToken, enrolment, hidden, errors, submitLabel }: {
  action: string;
  csrfToken: string;
  enrolment: Enrolment;
  hidden: Record<string, string>;
  errors: FieldErrors;
  submitLabel: string;
}) {
  return (
    <>
      <ErrorSummary errors={errors} labels={codeLabels} />
      <h2>1. Installez une application d’authentification</h2>
      <p>
        Sur votre téléphone, installez une application gratuite qui affiche des codes à 6 chiffres : par exemple Aegis ou FreeOTP (Android),
        Authenticator (iPhone), Google Authenticator ou Microsoft Authenticator. Un gestionnaire de mots de passe qui accepte les codes « TOTP »
        convient aussi.
      </p>
      <h2>2. Ajoutez Guichet dans l’application</h2>
      <div class="mfa-enrol">
        <figure class="mfa-enrol__qr">
          <QrCode qr={enrolment.qr} />
          <figcaption>Scannez ce code QR avec l’application.</figcaption>
        </figure>
        <div>
          <p>Pas d’appareil photo, ou le code QR ne passe pas ? Dans l’application, choisissez « saisir une clé » et recopiez cette clé :</p>
          <p>
            <code class="secret mfa-secret" id="mfa-cle">
              {enrolment.secretGroups}
            </code>
          </p>
          <p>Type : basé sur l’heure (TOTP), 6 chiffres, toutes les 30 secondes. Les espaces ne comptent pas.</p>
          <details>
            <summary>Adresse complète de la clé (pour les spécialistes)</summary>
            <p>
              Le code QR contient cette adresse « otpauth », qui décrit la clé, le nom du service (Guichet) et votre identifiant. Ne la
              communiquez à personne.
            </p>
            <p>
              <code class="mfa-uri">{enrolment.uri}</code>
            </p>
          </details>
        </div>
      </div>
      <h2>3. Saisissez le code affiché</h2>
      <Form action={action} csrfToken={csrfToken}>
        <Hidden fields={{ ...hidden, enrolment: enrolment.sealed }} />
        <TextField
          name="code"
          label={codeLabels.code!}
          hint="Les 6 chiffres que l’application affiche maintenant pour Guichet."
          autocomplete="one-time-code"
          maxLength={20}
          error={errors.code}
          required
        />
        <div class="actions">
          <SubmitButton>{submitLabel}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

/** The 10 recovery codes, shown once. */
export function RecoveryCodes({ codes, continueHref, continueLabel }: { codes: string[]; continueHref: string; continueLabel: string }) {
  return (
    <>
      <h2>Vos codes de secours</h2>
      <p>
        Si vous perdez votre téléphone, chacun de ces codes remplace une fois le code de l’application. Notez-les sur papier ou imprimez
        cette page, et gardez-les en lieu sûr. <strong>Ils ne seront plus jamais affichés.</strong>
      </p>
      <ol class="mfa-codes">
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <a class="button" href={continueHref}>
          {continueLabel}
        </a>
      </p>
    </>
  );
}

/** Asks a current code (or a recovery code). */
export function CodeForm({ action, csrfToken, hidden = {}, errors, submitLabel }: {
  action: string;
  csrfToken: string;
  hidden?: Record<string, string>;
  errors: FieldErrors;
  submitLabel: string;
}) {
  return (
    <>
      <ErrorSummary errors={errors} labels={codeLabels} />
      <Form action={action} csrfToken={csrfToken}>
        <Hidden fields={hidden} />
        <TextField name="code" label={codeLabels.code!} hint={CODE_HINT} autocomplete="one-time-code" maxLength={20} error={errors.code} required />
        <div class="actions">
          <SubmitButton>{submitLabel}</SubmitButton>
        </div>
      </Form>
    </>
  );
}

export function FactorStatus({ enrolledAt, remaining }: { enrolledAt: Date; remaining: number }) {
  return (
    <p>
      La double authentification est <strong>activée</strong> depuis le <DateText date={enrolledAt} />. Il vous reste {remaining} code
      {remaining > 1 ? 's' : ''} de secours.
    </p>
  );
}

/** A person turns the optional factor off: a code, or the password. */
export function DisableForm({ action, csrfToken, errors }: { action: string; csrfToken: string; errors: FieldErrors }) {
  return (
    <>
    <ErrorSummary errors={errors} labels={codeLabels} />
    <Form action={action} csrfToken={csrfToken}>
      <fieldset>
        <legend>Prouvez que c’est bien vous : un code de l’application (ou de secours), ou votre mot de passe</legend>
        <TextField name="current_code" label={codeLabels.current_code!} hint={CODE_HINT} autocomplete="one-time-code" maxLength={20} error={errors.current_code} />
        <TextField name="password" type="password" label={codeLabels.password!} autocomplete="current-password" error={errors.password} />
      </fieldset>
      <div class="actions">
        <button type="submit" class="button button--danger">
          Désactiver la double authentification
        </button>
      </div>
    </Form>
    </>
  );
}
