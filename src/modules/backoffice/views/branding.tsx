import type { Tenant } from '../../../platform/db/tables';
import { ErrorSummary, FileField, Form, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../platform/views/form';
import { brandingLabels, type BrandingInput } from '../branding.service';

/** A colour sample drawn with SVG attributes (the CSP forbids inline styles). */
export function Swatch({ color }: { color: string }) {
  return (
    <svg class="swatch" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <rect width="24" height="24" fill={color} />
    </svg>
  );
}

export interface BrandingState {
  values: BrandingInput;
  errors: FieldErrors;
  suggestion?: string | undefined;
  logoError?: string | undefined;
}

export function BrandingPage({ tenant, csrfToken, state, action }: { tenant: Tenant; csrfToken: string; state: BrandingState; action: string }) {
  const { values, errors, suggestion } = state;
  const pickerValue = /^#[0-9a-f]{6}$/i.test(values.accent_color) ? values.accent_color : tenant.accent_color;
  return (
    <>
      <ErrorSummary errors={{ ...errors, ...(state.logoError ? { logo: state.logoError } : {}) }} labels={brandingLabels} />
      <h2>Nom, couleur et coordonnées</h2>
      <Form action={action} csrfToken={csrfToken}>
        <TextField name="name" label={brandingLabels.name} value={values.name} error={errors.name} required maxLength={120} />
        <TextField
          name="short_name"
          label={brandingLabels.short_name}
          hint="Utilisé quand la place manque, par exemple dans « Contacter Brest »."
          value={values.short_name}
          error={errors.short_name}
          required
          maxLength={40}
        />
        <fieldset>
          <legend>{brandingLabels.accent_color}</legend>
          <p class="field__hint">
            Elle colore les liens, les boutons et les filets du site. Pour rester lisible par tous, elle doit avoir un contraste d'au moins
            4,5:1 avec le fond blanc et le fond gris clair. Couleur actuelle : <Swatch color={tenant.accent_color} /> {tenant.accent_color}.
          </p>
          <div class="field">
            <label for="champ-accent_picker">Choisir dans la palette</label>
            <input id="champ-accent_picker" name="accent_picker" type="color" value={pickerValue} />
            <input type="hidden" name="picker_initial" value={pickerValue} />
          </div>
          <TextField
            name="accent_color"
            label="Ou écrire le code de la couleur"
            hint="Un # suivi de 6 chiffres ou lettres de a à f. Exemple : #0b5394."
            value={values.accent_color}
            error={errors.accent_color}
            maxLength={20}
          />
          <input type="hidden" name="accent_initial" value={values.accent_color} />
          {suggestion ? (
            <p>
              Teinte proposée : <Swatch color={suggestion} /> {suggestion}
            </p>
          ) : null}
        </fieldset>
        <TextArea
          name="description"
          label={brandingLabels.description}
          hint="Une ou deux phrases, reprises par les moteurs de recherche. 500 caractères au maximum."
          value={values.description}
          error={errors.description}
          rows={3}
        />
        <TextArea name="contact_address" label={brandingLabels.contact_address} value={values.contact_address} error={errors.contact_address} rows={3} />
        <TextField name="contact_phone" type="tel" label={brandingLabels.contact_phone} hint="Exemple : 02 98 00 80 80." value={values.contact_phone} error={errors.contact_phone} autocomplete="off" />
        <TextField name="contact_email" type="email" label={brandingLabels.contact_email} hint="Exemple : contact@mairie.fr" value={values.contact_email} error={errors.contact_email} autocomplete="off" />
        <div class="actions">
          <SubmitButton>Enregistrer</SubmitButton>
          {suggestion ? (
            <SubmitButton name="use_suggestion" value={suggestion} secondary>
              Utiliser la teinte proposée {suggestion}
            </SubmitButton>
          ) : null}
        </div>
      </Form>

      <h2>Logo</h2>
      {tenant.logo_media_id ? (
        <p>
          Logo actuel : <img class="logo-preview" src={`/media/${tenant.logo_media_id}`} alt={`Logo de ${tenant.name}`} width={96} height={96} />
        </p>
      ) : (
        <p>La collectivité n'a pas encore de logo : son nom seul apparaît en haut des pages.</p>
      )}
      <Form action={`${action}/logo`} csrfToken={csrfToken} multipart>
        <FileField
          name="logo"
          label="Nouveau logo"
          hint="Format SVG ou PNG, 500 Ko au maximum. Les scripts et les liens vers d'autres sites contenus dans un SVG sont retirés."
          accept=".svg,.png,image/svg+xml,image/png"
          error={state.logoError}
          required
        />
        <div class="actions">
          <SubmitButton>Envoyer le logo</SubmitButton>
        </div>
      </Form>
      {tenant.logo_media_id ? (
        <Form action={`${action}/logo/retirer`} csrfToken={csrfToken}>
          <div class="actions">
            <SubmitButton secondary>Retirer le logo</SubmitButton>
          </div>
        </Form>
      ) : null}
    </>
  );
}
