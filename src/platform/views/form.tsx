import type { ComponentChildren } from 'preact';

/** Field name → French message. */
export type FieldErrors = Record<string, string>;

export interface FormState<V extends Record<string, unknown> = Record<string, string>> {
  values: Partial<V>;
  errors: FieldErrors;
}

export function Form({ action, csrfToken, children, multipart, method = 'post', class: className }: {
  action: string;
  csrfToken: string;
  children: ComponentChildren;
  multipart?: boolean;
  method?: 'post';
  class?: string;
}) {
  return (
    <form action={action} method={method} class={className} enctype={multipart ? 'multipart/form-data' : undefined} noValidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  );
}

/** The list of errors at the top of a form, each linked to its field (RGAA 11.10). */
export function ErrorSummary({ errors, labels }: { errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="erreurs-titre" tabIndex={-1}>
      <h2 id="erreurs-titre">
        {entries.length === 1 ? 'Le formulaire contient une erreur' : `Le formulaire contient ${entries.length} erreurs`}
      </h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#champ-${field}`}>
              {labels[field] ?? field} : {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

/** A field's hint and error, with the ids its aria-describedby names (`aide-<name>`, `erreur-<name>`). */
export function HintAndError({ name, hint, error }: { name: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p class="field__hint" id={`aide-${name}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field__error" id={`erreur-${name}`}>
          <span class="visually-hidden">Erreur : </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

function FieldShell({ name, label, hint, error, required, children }: FieldProps & { children: ComponentChildren }) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={`champ-${name}`}>
        {label}
        {required ? <span class="field__required"> (obligatoire)</span> : null}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      {children}
    </div>
  );
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `aide-${name}` : '', error ? `erreur-${name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(props: FieldProps & {
  value?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'date' | 'color';
  autocomplete?: string;
  maxLength?: number;
  inputMode?: string;
}) {
  const { name, hint, error, value, type = 'text', autocomplete, maxLength, required } = props;
  return (
    <FieldShell {...props}>
      <input
        id={`champ-${name}`}
        name={name}
        type={type as 'text'}
        value={type === 'password' ? undefined : (value ?? '')}
        autoComplete={autocomplete}
        maxLength={maxLength}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { value?: string | undefined; rows?: number }) {
  const { name, hint, error, value, rows = 8, required } = props;
  return (
    <FieldShell {...props}>
      <textarea
        id={`champ-${name}`}
        name={name}
        rows={rows}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {value ?? ''}
      </textarea>
    </FieldShell>
  );
}

/** A list to choose from; `groups` puts the options under headings (optgroup), read out by screen readers. */
export function SelectField(props: FieldProps & { value?: string | undefined; options: Array<{ value: string; label: string }>; groups?: Array<{ label: string; options: Array<{ value: string; label: string }> }> }) {
  const { name, hint, error, value, options, required, groups } = props;
  return (
    <FieldShell {...props}>
      <select
        id={`champ-${name}`}
        name={name}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
        {(groups ?? []).map((group) => (
          <optgroup label={group.label}>
            {group.options.map((option) => (
              <option value={option.value} selected={option.value === value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

export function FileField(props: FieldProps & { accept: string }) {
  const { name, hint, error, accept, required } = props;
  return (
    <FieldShell {...props}>
      <input
        id={`champ-${name}`}
        name={name}
        type="file"
        accept={accept}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldShell>
  );
}

/**
 * A group of radio buttons in a fieldset whose legend names the question; hint and error are
 * tied to the group (aria-describedby on the fieldset), the error summary links to `champ-<name>`.
 */
export function RadioGroup({ name, legend, hint, error, value, options }: {
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: string | undefined;
  options: Array<{ value: string; label: string; detail?: ComponentChildren }>;
}) {
  return (
    <fieldset class={error ? 'field field--error radio-group' : 'field radio-group'} aria-describedby={describedBy(name, hint, error)} id={`groupe-${name}`}>
      <legend>{legend}</legend>
      <HintAndError name={name} hint={hint} error={error} />
      {options.map((option, index) => (
        <div class="checkbox">
          <input
            type="radio"
            name={name}
            value={option.value}
            id={index === 0 ? `champ-${name}` : `champ-${name}-${index}`}
            checked={option.value === value}
            aria-invalid={error ? 'true' : undefined}
          />
          <label for={index === 0 ? `champ-${name}` : `champ-${name}-${index}`}>
            {option.label}
            {option.detail ? <span class="field__hint radio-group__detail"> {option.detail}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function SubmitButton({ children, name, value, secondary }: { children: ComponentChildren; name?: string; value?: string; secondary?: boolean }) {
  return (
    <button type="submit" class={secondary ? 'button button--secondary' : 'button'} name={name} value={value}>
      {children}
    </button>
  );
}
