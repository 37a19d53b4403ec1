import type { ComponentChildren } from 'preact';

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
  const described = [hint ? `aide-${name}` : '', error ? `erreur-${name}` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class={error ? 'field field--error radio-group' : 'field radio-group'} aria-describedby={described} id={`groupe-${name}`}>
      <legend>{legend}</legend>
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
