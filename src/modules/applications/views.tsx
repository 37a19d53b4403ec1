import type { ComponentChildren } from 'preact';
import type { BadgeTone } from '../../platform/views/components';
import { formatDate, formatDateTime, formatEuros } from '../../platform/views/format';
import { ErrorSummary, FileField, Form, HintAndError, RadioGroup, SubmitButton, TextField, type FieldErrors } from '../../platform/views/form';
import { DATE_HINT, dateForField, displayValue, isAddress, type FormDefinition, type FormField, type FormSection } from './form';
import type { DocumentSummary } from './store';
import { APPLICATION_STATUSES, type Answers, type ApplicationStatus, type PrefillSource, type Sources } from './tables';

export const SOURCE_LABELS: Record<PrefillSource, string> = {
  franceconnect: 'certifié par FranceConnect',
  declared: 'déclaré',
  application: 'demande précédente',
};

export const frenchDateTime = (d: Date | string) => formatDateTime(new Date(d));
export const frenchDay = (d: Date | string) => formatDate(new Date(d));
/** An amount granted (a numeric column, « 450.50 ») in French: « 450,50 € ». */
export const grantedText = (amount: string) => (Number.isFinite(Number(amount)) ? formatEuros(Number(amount)) : `${amount}\u00a0€`);

const STATUS_TONES: Record<ApplicationStatus, BadgeTone> = {
  brouillon: 'neutral',
  depose: 'info',
  en_instruction: 'info',
  pieces_demandees: 'warning',
  accepte: 'success',
  refuse: 'error',
  classe_sans_suite: 'neutral',
  retire: 'neutral',
};

export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} Ko` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
}

/** What the person should expect next, per status. */
export const NEXT_STEP: Record<ApplicationStatus, string> = {
  brouillon: 'Terminez votre demande puis déposez-la.',
  depose: 'L’organisme va examiner votre demande. Vous recevrez un courriel à chaque étape.',
  en_instruction: 'Votre demande est en cours d’examen. Vous recevrez un courriel quand une décision sera prise.',
  pieces_demandees: 'L’organisme vous demande des documents : lisez son message, puis ajoutez-les sur la page de votre demande.',
  accepte: 'Votre demande est acceptée. Le versement suit.',
  refuse: 'Votre demande est refusée. Le motif est indiqué dans le suivi.',
  classe_sans_suite: 'Votre demande est close sans décision.',
  retire: 'Vous avez retiré cette demande.',
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  return (
    <span class={`badge badge--${STATUS_TONES[status]} application-status application-status--${status}`}>{APPLICATION_STATUSES[status]}</span>
  );
}

/** A date field's own hint, unless it gives another way of writing the date than the field takes (forms written before). */
const OTHER_DATE_FORMAT = /année-mois-jour|AAAA-MM-JJ|\d{4}-\d{2}-\d{2}/i;

function sourceHint(field: FormField, answers: Answers, sources: Sources): string | undefined {
  const s = sources[field.name];
  const same = s && JSON.stringify(s.value) === JSON.stringify(answers[field.name]);
  const own = field.type === 'date' ? [DATE_HINT, field.hint && !OTHER_DATE_FORMAT.test(field.hint) ? field.hint : undefined] : [field.hint];
  const parts = [...own, same ? `Rempli pour vous : ${SOURCE_LABELS[s.source]}.` : undefined].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function FieldInput({ field, answers, sources, errors, documents }: { field: FormField; answers: Answers; sources: Sources; errors: FieldErrors; documents: DocumentSummary[] }) {
  const value = answers[field.name];
  const hint = sourceHint(field, answers, sources);
  const error = errors[field.name];
  const required = field.required ?? false;
  switch (field.type) {
    case 'choice':
      return <RadioGroup name={field.name} legend={`${field.label}${required ? ' (obligatoire)' : ''}`} hint={hint} error={error} value={typeof value === 'string' ? value : undefined} options={field.options ?? []} />;
    case 'yesno':
      return (
        <RadioGroup
          name={field.name}
          legend={`${field.label}${required ? ' (obligatoire)' : ''}`}
          hint={hint}
          error={error}
          value={typeof value === 'string' ? value : undefined}
          options={[
            { value: 'oui', label: 'Oui' },
            { value: 'non', label: 'Non' },
          ]}
        />
      );
    case 'address': {
      const a = isAddress(value) ? value : { street: '', postal_code: '', city: '' };
      return (
        <fieldset class={error ? 'field field--error' : 'field'} id={`champ-${field.name}`} aria-describedby={[hint ? `aide-${field.name}` : '', error ? `erreur-${field.name}` : ''].filter(Boolean).join(' ') || undefined}>
          <legend>
            {field.label}
            {required ? <span class="field__required"> (obligatoire)</span> : null}
          </legend>
          <HintAndError name={field.name} hint={hint} error={error} />
          <TextField name={`${field.name}__street`} label="Numéro et rue" value={a.street} autocomplete="street-address" />
          <TextField name={`${field.name}__postal_code`} label="Code postal" value={a.postal_code} autocomplete="postal-code" inputMode="numeric" maxLength={5} />
          <TextField name={`${field.name}__city`} label="Commune" value={a.city} autocomplete="address-level2" />
        </fieldset>
      );
    }
    case 'file': {
      const doc = documents.find((d) => d.field === field.name);
      return (
        <>
          {doc ? (
            <p>
              Document déjà envoyé : <a href={`/mes-demarches/documents/${doc.id}`}>{doc.filename}</a> ({sizeText(doc.size)}). Vous pouvez le remplacer.
            </p>
          ) : null}
          <FileField name={field.name} label={field.label} hint={hint ?? 'PDF, JPEG ou PNG, 5 Mo au plus.'} error={error} accept="application/pdf,image/jpeg,image/png" required={required && !doc} />
        </>
      );
    }
    default:
      return (
        <TextField
          name={field.name}
          label={field.label}
          hint={hint}
          error={error}
          required={required}
          inputMode={field.type === 'number' || field.type === 'siret' ? 'numeric' : undefined}
          maxLength={field.type === 'date' ? 10 : undefined}
          value={typeof value === 'string' ? (field.type === 'date' ? dateForField(value) : value) : value === undefined ? '' : String(value)}
          autocomplete={field.profile === 'given_name' ? 'given-name' : field.profile === 'family_name' ? 'family-name' : field.profile === 'birthdate' ? 'bday' : field.profile === 'phone' ? 'tel' : undefined}
        />
      );
  }
}

export interface PrefillOffer {
  field: FormField;
  value: unknown;
  source: PrefillSource;
}

export function SectionPage(props: {
  base: string;
  form: FormDefinition;
  index: number;
  answers: Answers;
  sources: Sources;
  errors: FieldErrors;
  documents: DocumentSummary[];
  offers: PrefillOffer[];
  consentError?: string | undefined;
  csrf: string;
}) {
  const section = props.form.sections[props.index]!;
  const labels = Object.fromEntries(section.fields.map((f) => [f.name, f.label]));
  const multipart = section.fields.some((f) => f.type === 'file');
  const previous = props.index > 0 ? `${props.base}/${props.form.sections[props.index - 1]!.id}` : undefined;
  return (
    <>
      <p class="application-progress">
        Étape {props.index + 1} sur {props.form.sections.length + 1}. Vos réponses sont enregistrées à chaque étape : vous pouvez revenir plus tard.
      </p>
      <ErrorSummary errors={props.consentError ? { accord: props.consentError, ...props.errors } : props.errors} labels={{ ...labels, accord: 'Accord' }} />
      {section.intro ? <p>{section.intro}</p> : null}
      {props.offers.length > 0 ? (
        <Form action={`${props.base}/${section.id}/preremplir`} csrfToken={props.csrf} class="application-prefill">
          <fieldset class={props.consentError ? 'field field--error' : 'field'} aria-describedby={props.consentError ? 'erreur-accord' : undefined}>
            <legend>Gagner du temps avec ce que Guichet sait déjà</legend>
            <p>Guichet peut remplir cette étape avec :</p>
            <ul>
              {props.offers.map((o) => (
                <li>
                  {o.field.label} : {displayValue(o.field, o.value)} ({SOURCE_LABELS[o.source]})
                </li>
              ))}
            </ul>
            <HintAndError name="accord" error={props.consentError} />
            <div class="checkbox">
              <input type="checkbox" name="accord" value="oui" id="champ-accord" />
              <label for="champ-accord">J’accepte que Guichet remplisse cette étape avec ces informations</label>
            </div>
            <SubmitButton secondary>Remplir avec ces informations</SubmitButton>
          </fieldset>
        </Form>
      ) : null}
      <Form action={`${props.base}/${section.id}`} csrfToken={props.csrf} multipart={multipart}>
        {section.fields.map((field) => (
          <FieldInput field={field} answers={props.answers} sources={props.sources} errors={props.errors} documents={props.documents} />
        ))}
        <SubmitButton>Enregistrer et continuer</SubmitButton>
      </Form>
      {previous ? (
        <p>
          <a href={previous}>Revenir à l’étape précédente</a>
        </p>
      ) : null}
    </>
  );
}

/** Every answer of a form, section by section (review page, recapitulation, detail). */
export function Answers({ form, answers, documents, editBase, headingLevel = 2 }: { form: FormDefinition; answers: Answers; documents: DocumentSummary[]; editBase?: string; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {form.sections.map((section) => (
        <section class="application-answers">
          <H>{section.title}</H>
          <dl>
            {section.fields.map((field) => {
              const doc = field.type === 'file' ? documents.find((d) => d.field === field.name) : undefined;
              return (
                <div>
                  <dt>{field.label}</dt>
                  <dd>{field.type === 'file' ? (doc ? `${doc.filename} (${sizeText(doc.size)})` : 'Aucun document') : displayValue(field, answers[field.name])}</dd>
                </div>
              );
            })}
          </dl>
          {editBase ? (
            <p>
              <a href={`${editBase}/${section.id}`}>
                Modifier<span class="visually-hidden"> : {section.title}</span>
              </a>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}

export function ReviewPage(props: { base: string; form: FormDefinition; answers: Answers; documents: DocumentSummary[]; missing: Array<{ section: FormSection; field: FormField }>; csrf: string; idempotencyKey: string; certifyError?: string | undefined; aidName: string; tenantName: string }) {
  return (
    <>
      <p class="application-progress">
        Dernière étape : vérifiez vos réponses puis déposez votre demande auprès de : {props.tenantName}.
      </p>
      {props.certifyError ? <ErrorSummary errors={{ certifie: props.certifyError }} labels={{ certifie: 'Attestation' }} /> : null}
      {props.missing.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="manque-titre">
          <h2 id="manque-titre">Il manque des réponses</h2>
          <ul>
            {props.missing.map((m) => (
              <li>
                <a href={`${props.base}/${m.section.id}`}>{m.field.label}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Answers form={props.form} answers={props.answers} documents={props.documents} editBase={props.base} />
      {props.missing.length === 0 ? (
        <Form action={`${props.base}/deposer`} csrfToken={props.csrf}>
          <input type="hidden" name="cle" value={props.idempotencyKey} />
          <div class={props.certifyError ? 'field field--error checkbox' : 'checkbox'}>
            <HintAndError name="certifie" error={props.certifyError} />
            <input type="checkbox" name="certifie" value="oui" id="champ-certifie" aria-describedby={props.certifyError ? 'erreur-certifie' : undefined} />
            <label for="champ-certifie">Je certifie que ces informations sont exactes.</label>
          </div>
          <SubmitButton>Déposer ma demande</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}

export function Panel({ children }: { children: ComponentChildren }) {
  return <div class="notice notice--success">{children}</div>;
}

/** The messages of an application, oldest first; `author` names who wrote each one. */
export function MessageList({ messages, author, start }: {
  messages: Array<{ author_kind: 'usager' | 'agent'; created_at: Date | string; body: string | null; requested_documents: string[] | null }>;
  author: (kind: 'usager' | 'agent') => string;
  /** The number of the first message shown (when the older ones are shown elsewhere). */
  start?: number;
}) {
  if (!messages.length) return <p>Aucun message.</p>;
  return (
    <ol class="application-messages" start={start && start > 1 ? start : undefined}>
      {messages.map((m) => (
        <li>
          <p>
            <strong>{author(m.author_kind)}</strong>, {frenchDateTime(m.created_at)}
          </p>
          {m.body ? <p>{m.body}</p> : null}
          {m.requested_documents?.length ? <p>Documents demandés : {m.requested_documents.join(' ; ')}</p> : null}
        </li>
      ))}
    </ol>
  );
}
