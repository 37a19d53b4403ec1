/**
 * The form builder's rules (pure): a field or a section read from the builder's inputs, the
 * technical names made from labels, the moves, and `checkForm`'s messages brought back to the
 * builder input they concern. Every change ends in checkForm and saveForm, as the JSON editor's.
 */
import type { FieldErrors } from '../../platform/views/form';
import { checkForm, FIELD_TYPES, type FieldType, type FormDefinition, type FormField, type FormSection, type PrefillFrom } from './form';

/** Profile fields in the words an éditeur reads. */
export const PREFILL_LABELS: Record<PrefillFrom, string> = {
  given_name: 'Prénom',
  family_name: 'Nom de famille',
  birthdate: 'Date de naissance',
  email: 'Adresse électronique',
  phone: 'Numéro de téléphone',
  address: 'Adresse',
  'organisation.siret': 'Numéro SIRET de l’organisation',
};

/** The profile fields that can fill a field of each type (none for the others). */
export const PREFILL_FOR: Partial<Record<FieldType, PrefillFrom[]>> = {
  text: ['given_name', 'family_name', 'email', 'phone'],
  date: ['birthdate'],
  address: ['address'],
  siret: ['organisation.siret'],
};

/** The builder's input names, with the label the error summary gives them. */
export const FIELD_INPUTS = {
  libelle: 'Libellé',
  type: 'Type de champ',
  aide: 'Aide sous le libellé',
  obligatoire: 'Réponse obligatoire',
  options: 'Réponses proposées',
  profil: 'Préremplir depuis le profil',
  reprise: 'Reprendre de la demande précédente',
  nom: 'Nom technique',
} as const;
export const SECTION_INPUTS = { titre: 'Titre de l’étape', intro: 'Introduction' } as const;
/** Problems that concern no single input (the form as a whole). */
export const GENERAL = 'formulaire';

export type BuilderValues = Record<string, string>;

export function isFieldType(value: string): value is FieldType {
  return Object.hasOwn(FIELD_TYPES, value);
}

/** Lower case, no accents, words joined by `separator`. */
function slug(text: string, separator: '_' | '-'): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}

function unique(base: string, taken: Set<string>, separator: '_' | '-', max = 40): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, max - String(n).length - 1)}${separator}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A field's technical name from its label: `date_de_naissance`, unique in the form. */
export function fieldNameFrom(label: string, taken: Set<string>): string {
  let base = slug(label, '_').slice(0, 40).replace(/_+$/, '');
  if (!/^[a-z]/.test(base)) base = `champ_${base}`.slice(0, 40).replace(/_+$/, '');
  return unique(base, taken, '_');
}

/** A section's id from its title (part of the person's step address), unique, never reserved. */
export function sectionIdFrom(title: string, taken: Set<string>): string {
  let base = slug(title, '-').slice(0, 40).replace(/-+$/, '');
  if (!/^[a-z]/.test(base)) base = `etape-${base}`.slice(0, 40).replace(/-+$/, '');
  return unique(base, new Set([...taken, 'verification', 'deposer']), '-');
}

export function fieldNames(form: FormDefinition, except?: string): Set<string> {
  return new Set(form.sections.flatMap((s) => s.fields.map((f) => f.name)).filter((n) => n !== except));
}

/** What the builder's inputs show for a field being edited. */
export function valuesOfField(field: FormField): BuilderValues {
  return {
    libelle: field.label,
    type: field.type,
    aide: field.hint ?? '',
    obligatoire: field.required ? 'oui' : 'non',
    options: (field.options ?? []).map((o) => o.label).join('\n'),
    profil: field.profile ?? '',
    reprise: field.reuse ? 'oui' : '',
    nom: field.name,
  };
}

/**
 * Reads a field from the builder's inputs. `previous` is the field being edited (its name and
 * its options' values are kept, so answers already given still match). The problems found here
 * are those only the builder can see (one line per option, a prefill that does not fit the
 * type); the rest is checkForm's.
 */
export function readField(body: Record<string, unknown>, form: FormDefinition, previous?: FormField): { values: BuilderValues; field: FormField; errors: FieldErrors } {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
  const values: BuilderValues = Object.fromEntries(Object.keys(FIELD_INPUTS).map((k) => [k, text(k).trim()]));
  values.options = text('options');
  const errors: FieldErrors = {};
  const type = values.type!;
  const field: FormField = { name: '', label: values.libelle!, type: type as FieldType };
  if (!isFieldType(type)) errors.type = 'Choisissez le type du champ.';
  const taken = fieldNames(form, previous?.name);
  field.name = values.nom || (previous?.name ?? fieldNameFrom(values.libelle!, taken));
  if (values.aide) field.hint = values.aide;
  if (values.libelle!.length > 200) errors.libelle = 'Le libellé est trop long (200 caractères au plus).';
  if (values.aide!.length > 500) errors.aide = 'L’aide est trop longue (500 caractères au plus).';
  if (values.obligatoire !== 'oui' && values.obligatoire !== 'non') errors.obligatoire = 'Dites si la réponse est obligatoire.';
  field.required = values.obligatoire === 'oui';
  if (type === 'choice') {
    const labels = values.options!.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const seen = new Set<string>();
    const repeated = labels.find((l) => (seen.has(l.toLowerCase()) ? true : (seen.add(l.toLowerCase()), false)));
    if (repeated) errors.options = `La réponse « ${repeated} » est écrite deux fois.`;
    else if (labels.some((l) => l.length > 200)) errors.options = 'Une réponse est trop longue (200 caractères au plus).';
    const usedValues = new Set<string>();
    field.options = labels.map((label) => {
      const kept = previous?.options?.find((o) => o.label === label)?.value;
      const value = kept && !usedValues.has(kept) ? kept : unique(slug(label, '-') || 'reponse', usedValues, '-', 60);
      usedValues.add(value);
      return { value, label };
    });
  }
  if (values.profil) {
    const allowed = PREFILL_FOR[type as FieldType] ?? [];
    if (!allowed.includes(values.profil as PrefillFrom)) errors.profil = `Ce préremplissage ne convient pas à un champ « ${isFieldType(type) ? FIELD_TYPES[type] : type} ».`;
    else field.profile = values.profil as PrefillFrom;
  }
  if (values.reprise === 'oui' && type !== 'file') field.reuse = true;
  // Bounds set in the JSON editor (min, max of a number) survive an edit in the builder.
  if (previous && type === 'number') {
    if (previous.min !== undefined) field.min = previous.min;
    if (previous.max !== undefined) field.max = previous.max;
  }
  return { values, field, errors };
}

export function readSectionInputs(body: Record<string, unknown>): { values: { titre: string; intro: string }; errors: FieldErrors } {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');
  const values = { titre: text('titre'), intro: text('intro') };
  const errors: FieldErrors = {};
  if (values.titre.length > 200) errors.titre = 'Le titre est trop long (200 caractères au plus).';
  if (values.intro.length > 2000) errors.intro = 'L’introduction est trop longue (2 000 caractères au plus).';
  return { values, errors };
}

export function withSectionInputs(section: FormSection, values: BuilderValues): FormSection {
  const { intro: _old, ...rest } = section;
  return values.intro ? { ...rest, title: values.titre!, intro: values.intro } : { ...rest, title: values.titre! };
}

/** A message of checkForm, without its position (the builder shows it beside the input). */
function bare(message: string): string {
  const text = message.replace(/^Étape \d+(, champ \d+)? : /, '').replace(/ \((name|label|title|id|intro|fields)\)/g, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function inputOfFieldMessage(text: string): keyof typeof FIELD_INPUTS | undefined {
  if (/le nom/.test(text)) return 'nom';
  if (/libellé/.test(text)) return 'libelle';
  if (/le type/.test(text)) return 'type';
  if (/options/.test(text)) return 'options';
  if (/« profile »/.test(text)) return 'profil';
  if (/« required »/.test(text)) return 'obligatoire';
  return undefined;
}

function inputOfSectionMessage(text: string, field: FormField | undefined): string | undefined {
  if (/titre \(title\)|l’identifiant/.test(text)) return 'titre';
  if (/introduction/.test(text)) return 'intro';
  if (/un seul document/.test(text) && field?.type === 'file') return 'type';
  return undefined;
}

/**
 * Runs checkForm on the form after the change and files each message under the builder input it
 * concerns: the edited field's (`Étape i, champ j`), the edited section's (`Étape i`), or the
 * form as a whole. Messages about other sections keep their position (« Section 2 : … »).
 */
export function checkWithBuilder(form: FormDefinition, at?: { section: number; field?: number }): FieldErrors {
  const errors: FieldErrors = {};
  const put = (key: string, message: string) => {
    errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
  };
  const field = at?.field === undefined ? undefined : form.sections[at.section]?.fields[at.field];
  for (const message of checkForm(form)) {
    const position = /^Étape (\d+)(?:, champ (\d+))? : /.exec(message);
    const sectionIndex = position ? Number(position[1]) - 1 : undefined;
    const fieldIndex = position?.[2] ? Number(position[2]) - 1 : undefined;
    let key: string | undefined;
    if (at && sectionIndex === at.section && fieldIndex !== undefined && fieldIndex === at.field) key = inputOfFieldMessage(message);
    else if (at && sectionIndex === at.section && fieldIndex === undefined) key = inputOfSectionMessage(message, field);
    if (key) put(key, bare(message));
    else put(GENERAL, position ? message.replace(/^Étape (\d+)/, 'Section $1').replace(/ \((name|label|title|id|intro|fields)\)/g, '') : bare(message));
  }
  return errors;
}

export type Place = { section: number; field: number };

export function findField(form: FormDefinition, name: string): Place | undefined {
  for (const [s, section] of form.sections.entries()) {
    const f = section.fields.findIndex((field) => field.name === name);
    if (f >= 0) return { section: s, field: f };
  }
  return undefined;
}

export function clone(form: FormDefinition): FormDefinition {
  return structuredClone(form);
}

/** Moves a section one place up (-1) or down (+1); false when it cannot move. */
export function moveSection(form: FormDefinition, index: number, by: -1 | 1): boolean {
  const to = index + by;
  if (to < 0 || to >= form.sections.length) return false;
  const [moved] = form.sections.splice(index, 1);
  form.sections.splice(to, 0, moved!);
  return true;
}

/**
 * Moves a field one place up or down; from the top of a step it goes to the end of the previous
 * step, from the bottom to the start of the next one (no drag and drop without JavaScript).
 */
export function moveField(form: FormDefinition, place: Place, by: -1 | 1): boolean {
  const fields = form.sections[place.section]!.fields;
  const to = place.field + by;
  if (to >= 0 && to < fields.length) {
    const [moved] = fields.splice(place.field, 1);
    fields.splice(to, 0, moved!);
    return true;
  }
  const next = form.sections[place.section + by];
  if (!next) return false;
  const [moved] = fields.splice(place.field, 1);
  if (by < 0) next.fields.push(moved!);
  else next.fields.unshift(moved!);
  return true;
}
