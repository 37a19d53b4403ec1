/** The form builder's pages: the sections and their fields, and the forms that change them. */
import type { ComponentChildren } from 'preact';
import { ErrorSummary, Form, RadioGroup, SelectField, SubmitButton, TextArea, TextField, type FieldErrors } from '../../platform/views/form';
import { FIELD_TYPES, type FieldType, type FormDefinition, type FormField, type FormSection } from './form';
import { FIELD_INPUTS, GENERAL, PREFILL_FOR, PREFILL_LABELS, SECTION_INPUTS, type BuilderValues } from './form-builder';

const TYPE_OPTIONS = Object.entries(FIELD_TYPES).map(([value, label]) => ({ value, label }));
const LABELS: Record<string, string> = { ...FIELD_INPUTS, ...SECTION_INPUTS, [GENERAL]: 'Formulaire' };

function Hidden({ children }: { children: ComponentChildren }) {
  return <span class="visually-hidden">{children}</span>;
}

function Op({ value, label, what }: { value: string; label: string; what: string }) {
  return (
    <button type="submit" class="button button--secondary" name="action" value={value}>
      {label}
      <Hidden> {what}</Hidden>
    </button>
  );
}

/** The problems that concern no single input, where the summary's link leads. */
function GeneralError({ errors }: { errors: FieldErrors }) {
  return errors[GENERAL] ? (
    <p class="field__error" id={`champ-${GENERAL}`} tabIndex={-1}>
      <Hidden>Erreur : </Hidden>
      {errors[GENERAL]}
    </p>
  ) : null;
}

export function fieldSummary(field: FormField): string {
  const parts = [FIELD_TYPES[field.type], field.required ? 'obligatoire' : 'facultatif'];
  if (field.type === 'choice') parts.push(`${field.options?.length ?? 0} réponses`);
  if (field.profile) parts.push(`prérempli depuis le profil : ${PREFILL_LABELS[field.profile]}`);
  if (field.reuse) parts.push('repris de la demande précédente');
  return parts.join(' · ');
}

/** The sections and their fields as a lecteur reads them. */
function ReadOnlyList({ form }: { form: FormDefinition }) {
  return (
    <ol class="menu-editor">
      {form.sections.map((section, s) => (
        <li class="menu-editor__entry">
          <h2>
            Section {s + 1} : {section.title}
          </h2>
          {section.intro ? <p>{section.intro}</p> : null}
          <ol>
            {section.fields.map((field) => (
              <li>
                <strong>{field.label}</strong>
                <p class="field__hint">{fieldSummary(field)}</p>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}

export function BuilderOverview({ base, form, errors, csrf, canWrite, published, paperHref }: {
  base: string;
  form: FormDefinition;
  errors: FieldErrors;
  csrf: string;
  canWrite: boolean;
  published: boolean;
  paperHref: string;
}) {
  const last = form.sections.length - 1;
  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} />
      <GeneralError errors={errors} />
      <p>
        Chaque section est une étape de la demande en ligne. Chaque modification est enregistrée tout de suite ; les demandes déjà commencées gardent le formulaire de leur début.
        {published ? ' Cette aide est publiée : une personne qui commence une demande voit le formulaire tel qu’il est maintenant.' : ''}
      </p>
      <ul class="inline-list">
        <li>
          <a href={`${base}/apercu`}>Aperçu du formulaire</a>
        </li>
        {published && form.sections.length ? (
          <li>
            <a href={paperHref}>Formulaire papier à imprimer</a>
          </li>
        ) : null}
        <li>
          <a href={`${base}/json`}>{canWrite ? 'Mode avancé : modifier le JSON' : 'Mode avancé : le JSON'}</a>
        </li>
      </ul>
      {form.sections.length === 0 ? <p>Ce formulaire n’a pas encore de section : tant qu’il n’en a pas, l’aide ne peut pas être demandée sur Guichet.</p> : null}
      {canWrite ? <EditableList base={base} form={form} csrf={csrf} last={last} /> : <ReadOnlyList form={form} />}
      {canWrite ? (
        <p>
          <a class="button" href={`${base}/sections/nouvelle`}>
            Ajouter une section
          </a>
        </p>
      ) : null}
    </>
  );
}

function EditableList({ base, form, csrf, last }: { base: string; form: FormDefinition; csrf: string; last: number }) {
  return (
    <>
      <Form action={base} csrfToken={csrf}>
        <ol class="menu-editor">
          {form.sections.map((section, s) => (
            <li class="menu-editor__entry" id={`section-${section.id}`}>
              <h2>
                Section {s + 1} : {section.title}
              </h2>
              {section.intro ? <p>{section.intro}</p> : null}
              <div class="actions">
                <a href={`${base}/sections/${section.id}`}>
                  Modifier<Hidden> la section « {section.title} »</Hidden>
                </a>
                {s > 0 ? <Op value={`section-monter:${section.id}`} label="Monter" what={`la section « ${section.title} »`} /> : null}
                {s < last ? <Op value={`section-descendre:${section.id}`} label="Descendre" what={`la section « ${section.title} »`} /> : null}
                <a href={`${base}/sections/${section.id}/supprimer`}>
                  Supprimer<Hidden> la section « {section.title} »</Hidden>
                </a>
              </div>
              <ol>
                {section.fields.map((field, f) => (
                  <li>
                    <strong>{field.label}</strong>
                    <p class="field__hint">{fieldSummary(field)}</p>
                    <div class="actions">
                      <a href={`${base}/champs/${field.name}`}>
                        Modifier<Hidden> le champ « {field.label} »</Hidden>
                      </a>
                      {s > 0 || f > 0 ? <Op value={`champ-monter:${field.name}`} label="Monter" what={`le champ « ${field.label} »`} /> : null}
                      {s < last || f < section.fields.length - 1 ? <Op value={`champ-descendre:${field.name}`} label="Descendre" what={`le champ « ${field.label} »`} /> : null}
                      <Op value={`champ-supprimer:${field.name}`} label="Supprimer" what={`le champ « ${field.label} »`} />
                    </div>
                  </li>
                ))}
              </ol>
              <p>
                <a href={`${base}/sections/${section.id}/champs/nouveau`}>
                  Ajouter un champ<Hidden> à la section « {section.title} »</Hidden>
                </a>
              </p>
            </li>
          ))}
        </ol>
      </Form>
    </>
  );
}

/** First step of adding a field (or a section and its first field): its type, without JavaScript. */
export function TypeChooser({ action, legend, error, cancel }: { action: string; legend: string; error?: string | undefined; cancel: string }) {
  return (
    <>
      <ErrorSummary errors={error ? { type: error } : {}} labels={LABELS} />
      <form action={action} method="get">
        <RadioGroup name="type" legend={legend} hint="La page suivante propose les réglages de ce type." error={error} options={TYPE_OPTIONS} />
        <div class="actions">
          <SubmitButton>Continuer</SubmitButton>
          <a href={cancel}>Annuler</a>
        </div>
      </form>
    </>
  );
}

/** The inputs of a field, adapted to its type: options for a choice, the prefills that fit. */
export function FieldInputs({ type, values, errors, isNew }: { type: FieldType; values: BuilderValues; errors: FieldErrors; isNew: boolean }) {
  const prefills = PREFILL_FOR[type] ?? [];
  return (
    <>
      <TextField name="libelle" label={FIELD_INPUTS.libelle} hint="La question, comme la personne la lit." value={values.libelle} error={errors.libelle} maxLength={200} required />
      <SelectField name="type" label={FIELD_INPUTS.type} hint="Si vous changez le type, enregistrez : la page proposera les réglages de ce type." value={values.type ?? type} error={errors.type} options={TYPE_OPTIONS} required />
      <TextField name="aide" label={FIELD_INPUTS.aide} hint="Facultatif : un exemple, où trouver l’information." value={values.aide} error={errors.aide} maxLength={500} />
      <RadioGroup
        name="obligatoire"
        legend={FIELD_INPUTS.obligatoire}
        error={errors.obligatoire}
        value={values.obligatoire || 'oui'}
        options={[
          { value: 'oui', label: 'Oui, la personne doit répondre' },
          { value: 'non', label: 'Non, elle peut laisser vide' },
        ]}
      />
      {type === 'choice' ? <TextArea name="options" label={FIELD_INPUTS.options} hint="Une réponse par ligne, au moins 2." value={values.options} error={errors.options} rows={5} required /> : null}
      {prefills.length ? (
        <SelectField
          name="profil"
          label={FIELD_INPUTS.profil}
          hint="Avec l’accord de la personne, Guichet remplit ce champ avec ce qu’il sait d’elle."
          value={values.profil}
          error={errors.profil}
          options={[{ value: '', label: 'Ne pas préremplir' }, ...prefills.map((p) => ({ value: p, label: PREFILL_LABELS[p] }))]}
        />
      ) : null}
      {type !== 'file' ? (
        <div class="checkbox">
          <input type="checkbox" name="reprise" value="oui" id="champ-reprise" checked={values.reprise === 'oui'} />
          <label for="champ-reprise">Proposer la réponse de la demande précédente de la personne (avec son accord)</label>
        </div>
      ) : null}
      <details open={Boolean(errors.nom)}>
        <summary>Avancé : nom technique</summary>
        <TextField
          name="nom"
          label={FIELD_INPUTS.nom}
          hint={`${isNew ? 'Laissez vide : il est fait à partir du libellé. ' : ''}Lettres minuscules, chiffres et _, unique dans le formulaire. Il sert aux exports et à reprendre la réponse d’une demande précédente.`}
          value={values.nom}
          error={errors.nom}
          maxLength={40}
        />
      </details>
    </>
  );
}

export function FieldPage({ action, cancel, type, values, errors, csrf, isNew }: { action: string; cancel: string; type: FieldType; values: BuilderValues; errors: FieldErrors; csrf: string; isNew: boolean }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} />
      <GeneralError errors={errors} />
      <Form action={action} csrfToken={csrf}>
        <FieldInputs type={type} values={values} errors={errors} isNew={isNew} />
        <div class="actions">
          <SubmitButton>{isNew ? 'Ajouter le champ' : 'Enregistrer le champ'}</SubmitButton>
          <a href={cancel}>Annuler</a>
        </div>
      </Form>
    </>
  );
}

function SectionInputs({ values, errors }: { values: BuilderValues; errors: FieldErrors }) {
  return (
    <>
      <TextField name="titre" label={SECTION_INPUTS.titre} hint="Il s’affiche en haut de l’étape, par exemple « Votre situation »." value={values.titre} error={errors.titre} maxLength={200} required />
      <TextArea name="intro" label={SECTION_INPUTS.intro} hint="Facultatif : quelques mots avant les questions." value={values.intro} error={errors.intro} rows={3} />
    </>
  );
}

export function SectionPage({ action, cancel, values, errors, csrf }: { action: string; cancel: string; values: BuilderValues; errors: FieldErrors; csrf: string }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} />
      <GeneralError errors={errors} />
      <Form action={action} csrfToken={csrf}>
        <SectionInputs values={values} errors={errors} />
        <div class="actions">
          <SubmitButton>Enregistrer la section</SubmitButton>
          <a href={cancel}>Annuler</a>
        </div>
      </Form>
    </>
  );
}

/** A new section comes with its first field: checkForm asks every section for one. */
export function NewSectionPage({ action, cancel, type, values, errors, csrf }: { action: string; cancel: string; type: FieldType; values: BuilderValues; errors: FieldErrors; csrf: string }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} />
      <GeneralError errors={errors} />
      <Form action={action} csrfToken={csrf}>
        <fieldset>
          <legend>La section</legend>
          <SectionInputs values={values} errors={errors} />
        </fieldset>
        <fieldset>
          <legend>Son premier champ</legend>
          <FieldInputs type={type} values={values} errors={errors} isNew />
        </fieldset>
        <div class="actions">
          <SubmitButton>Ajouter la section</SubmitButton>
          <a href={cancel}>Annuler</a>
        </div>
      </Form>
    </>
  );
}

export function DeleteSectionPage({ action, cancel, section, errors, csrf }: { action: string; cancel: string; section: FormSection; errors: FieldErrors; csrf: string }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} />
      <GeneralError errors={errors} />
      <p>
        La section « {section.title} » a {section.fields.length === 1 ? 'un champ' : `${section.fields.length} champs`}, qui seront supprimés avec elle :
      </p>
      <ul>
        {section.fields.map((f) => (
          <li>{f.label}</li>
        ))}
      </ul>
      <p>Les demandes déjà commencées gardent leur formulaire.</p>
      <Form action={action} csrfToken={csrf}>
        <div class="actions">
          <button type="submit" class="button button--danger">
            Oui, supprimer la section
          </button>
          <a href={cancel}>Non, garder la section</a>
        </div>
      </Form>
    </>
  );
}
