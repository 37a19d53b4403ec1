/**
 * The application form of an aid (docs/applications.md): sections of fields, one section per page.
 * `checkForm` validates a definition (French messages); `readSection` validates what a person typed.
 */
import { isValidIBAN, electronicFormatIBAN } from 'ibantools';
import { isValidSiret } from '../profile';
import { formatDay, formatEuros, formatNumber } from '../../platform/views/format';

export const FIELD_TYPES = {
  text: 'Texte',
  number: 'Nombre',
  date: 'Date',
  choice: 'Choix dans une liste',
  yesno: 'Oui ou non',
  address: 'Adresse',
  iban: 'IBAN (coordonnées bancaires)',
  siret: 'Numéro SIRET',
  file: 'Document (PDF, JPEG ou PNG)',
} as const;
export type FieldType = keyof typeof FIELD_TYPES;

/** Profile fields a form field may be prefilled from (with the person's agreement). */
export const PREFILL_FROM = ['given_name', 'family_name', 'birthdate', 'email', 'phone', 'address', 'organisation.siret'] as const;
export type PrefillFrom = (typeof PREFILL_FROM)[number];

export interface FormField {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  hint?: string;
  options?: Array<{ value: string; label: string }>;
  min?: number;
  max?: number;
  /** Prefilled from this profile field once the person agrees. */
  profile?: PrefillFrom;
  /** Prefilled from the person's previous application (same field name) once they agree. */
  reuse?: boolean;
}

export interface FormSection {
  id: string;
  title: string;
  intro?: string;
  fields: FormField[];
}

export interface FormDefinition {
  sections: FormSection[];
}

export interface AddressValue {
  street: string;
  postal_code: string;
  city: string;
}

const NAME = /^[a-z][a-z0-9_]{0,39}$/;
const SECTION_ID = /^[a-z][a-z0-9-]{0,39}$/;

/** Every problem of a definition, in French (empty: the definition is valid). */
export function checkForm(value: unknown): string[] {
  const errors: string[] = [];
  if (!value || typeof value !== 'object' || !Array.isArray((value as FormDefinition).sections)) {
    return ['Le formulaire doit être un objet avec une liste « sections ».'];
  }
  const sections = (value as FormDefinition).sections;
  if (sections.length === 0) errors.push('Le formulaire doit avoir au moins une étape (section).');
  if (sections.length > 20) errors.push('Le formulaire ne peut pas avoir plus de 20 étapes.');
  const names = new Set<string>();
  const ids = new Set<string>();
  sections.forEach((section, i) => {
    const where = `Étape ${i + 1}`;
    if (!section || typeof section !== 'object') return errors.push(`${where} : ce n’est pas une étape.`);
    if (typeof section.id !== 'string' || !SECTION_ID.test(section.id)) errors.push(`${where} : l’identifiant (id) doit être en lettres minuscules, chiffres et tirets.`);
    else if (section.id === 'verification' || section.id === 'deposer') errors.push(`${where} : l’identifiant « ${section.id} » est réservé, choisissez-en un autre.`);
    else if (ids.has(section.id)) errors.push(`${where} : l’identifiant « ${section.id} » est déjà utilisé.`);
    else ids.add(section.id);
    if (typeof section.title !== 'string' || !section.title.trim()) errors.push(`${where} : donnez un titre (title).`);
    if (section.intro !== undefined && typeof section.intro !== 'string') errors.push(`${where} : l’introduction (intro) doit être un texte.`);
    if (!Array.isArray(section.fields) || section.fields.length === 0) return errors.push(`${where} : ajoutez au moins un champ (fields).`);
    let files = 0;
    section.fields.forEach((field, j) => {
      const at = `${where}, champ ${j + 1}`;
      if (!field || typeof field !== 'object') return errors.push(`${at} : ce n’est pas un champ.`);
      if (typeof field.name !== 'string' || !NAME.test(field.name)) errors.push(`${at} : le nom (name) doit commencer par une lettre minuscule, puis lettres, chiffres ou _.`);
      else if (names.has(field.name)) errors.push(`${at} : le nom « ${field.name} » est déjà utilisé dans le formulaire.`);
      else names.add(field.name);
      if (typeof field.label !== 'string' || !field.label.trim()) errors.push(`${at} : donnez un libellé (label).`);
      if (typeof field.type !== 'string' || !Object.hasOwn(FIELD_TYPES, field.type)) errors.push(`${at} : le type doit être l’un de : ${Object.keys(FIELD_TYPES).join(', ')}.`);
      if (field.type === 'file') files += 1;
      if (field.type === 'choice') {
        const ok = Array.isArray(field.options) && field.options.length >= 2 && field.options.every((o) => o && typeof o.value === 'string' && o.value && typeof o.label === 'string' && o.label);
        if (!ok) errors.push(`${at} : un choix dans une liste demande au moins 2 options avec value et label.`);
      }
      if (field.profile !== undefined && !PREFILL_FROM.includes(field.profile)) errors.push(`${at} : « profile » doit être l’un de : ${PREFILL_FROM.join(', ')}.`);
      if (field.required !== undefined && typeof field.required !== 'boolean') errors.push(`${at} : « required » vaut true ou false.`);
      for (const bound of ['min', 'max'] as const) {
        if (field[bound] !== undefined && typeof field[bound] !== 'number') errors.push(`${at} : « ${bound} » doit être un nombre.`);
      }
    });
    // The upload limit of the site is one file per request: one document per step.
    if (files > 1) errors.push(`${where} : une étape ne peut demander qu’un seul document ; mettez chaque document dans sa propre étape.`);
  });
  return errors;
}

export function isAddress(value: unknown): value is AddressValue {
  return !!value && typeof value === 'object' && typeof (value as AddressValue).street === 'string';
}

function str(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * Reads the fields of a section from a posted body (file fields excluded: see documents.ts).
 * Returns the values as typed (kept on error) and the French errors per field.
 */
export function readSection(section: FormSection, body: Record<string, unknown>, today = new Date()): { values: Record<string, unknown>; errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of section.fields) {
    if (field.type === 'file') continue;
    if (field.type === 'address') {
      const address = { street: str(body, `${field.name}__street`), postal_code: str(body, `${field.name}__postal_code`), city: str(body, `${field.name}__city`) };
      values[field.name] = address;
      const empty = !address.street && !address.postal_code && !address.city;
      if (empty) {
        if (field.required) errors[field.name] = 'Indiquez l’adresse : numéro et rue, code postal et commune.';
      } else if (!address.street) errors[field.name] = 'Indiquez le numéro et la rue.';
      else if (!/^\d{5}$/.test(address.postal_code)) errors[field.name] = 'Le code postal a 5 chiffres, par exemple 35000.';
      else if (!address.city) errors[field.name] = 'Indiquez la commune.';
      continue;
    }
    const raw = str(body, field.name);
    values[field.name] = raw;
    if (!raw) {
      if (field.required) errors[field.name] = field.type === 'choice' || field.type === 'yesno' ? 'Choisissez une réponse.' : 'Ce champ est obligatoire.';
      continue;
    }
    const error = checkValue(field, raw, today);
    if (error) errors[field.name] = error;
    else if (field.type === 'iban') values[field.name] = formatIban(raw);
    else if (field.type === 'siret') values[field.name] = raw.replace(/\s/g, '');
    else if (field.type === 'date') values[field.name] = isoDate(raw);
  }
  return { values, errors };
}

export function formatIban(raw: string): string {
  const compact = electronicFormatIBAN(raw) ?? raw.replace(/\s/g, '').toUpperCase();
  return compact.replace(/(.{4})/g, '$1 ').trim();
}

/** The example every date field and its messages give: the way people write a date in France. */
export const DATE_EXAMPLE = '14/03/2008';
export const DATE_HINT = `Le jour, le mois et l’année, par exemple ${DATE_EXAMPLE}.`;

/** A date as people write it (14/03/2008, 14.03.2008, 14-3-2008) or as stored (2008-03-14): its ISO form, if it exists. */
export function isoDate(raw: string): string | undefined {
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw.replace(/\s/g, ''));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  const [y, m, d] = fr ? [fr[3]!, fr[2]!, fr[1]!] : iso ? [iso[1]!, iso[2]!, iso[3]!] : [];
  if (!y || !m || !d) return undefined;
  const text = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : undefined;
}

/** A stored date (ISO) as the field shows it: 14/03/2008; anything else as it was typed. */
export function dateForField(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}

function checkValue(field: FormField, raw: string, today: Date): string | undefined {
  switch (field.type) {
    case 'text':
      return raw.length > 2000 ? 'Ce texte est trop long (2 000 caractères au plus).' : undefined;
    case 'number': {
      if (!/^-?\d+([.,]\d+)?$/.test(raw)) return 'Écrivez un nombre, avec des chiffres (par exemple 1200).';
      const n = Number(raw.replace(',', '.'));
      if (field.min !== undefined && n < field.min) return `Le nombre doit être au moins ${field.min}.`;
      if (field.max !== undefined && n > field.max) return `Le nombre doit être au plus ${field.max}.`;
      return undefined;
    }
    case 'date': {
      const iso = isoDate(raw);
      if (!iso) return `Écrivez la date avec le jour, le mois et l’année, par exemple ${DATE_EXAMPLE}.`;
      const year = Number(iso.slice(0, 4));
      if (year < 1900 || year > today.getUTCFullYear() + 5) return 'Cette date n’est pas possible.';
      return undefined;
    }
    case 'choice':
      return field.options?.some((o) => o.value === raw) ? undefined : 'Choisissez une des réponses proposées.';
    case 'yesno':
      return raw === 'oui' || raw === 'non' ? undefined : 'Répondez oui ou non.';
    case 'iban': {
      const compact = electronicFormatIBAN(raw);
      return compact && isValidIBAN(compact) ? undefined : 'Cet IBAN n’est pas valide : vérifiez-le sur votre RIB (il commence par FR76 pour un compte en France).';
    }
    case 'siret':
      return isValidSiret(raw.replace(/\s/g, '')) ? undefined : 'Ce numéro SIRET n’est pas valide : il a 14 chiffres, vérifiez-le sur un document de l’organisme.';
    default:
      return undefined;
  }
}

/** A value as a person reads it (recapitulation, acknowledgement). */
export function displayValue(field: FormField, value: unknown): string {
  if (value === undefined || value === null || value === '') return 'Non renseigné';
  if (field.type === 'address' && isAddress(value)) return `${value.street}, ${value.postal_code} ${value.city}`;
  if (field.type === 'yesno') return value === 'oui' ? 'Oui' : 'Non';
  if (field.type === 'choice') return field.options?.find((o) => o.value === value)?.label ?? String(value);
  // French formats (issue 14, point 4): « 12 mai 2007 », « 1 450 » or « 1 450 € » when the label counts in euros.
  if (field.type === 'date' && typeof value === 'string') return formatDay(value);
  const numeric = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+([.,]\d+)?$/.test(value.trim()) ? Number(value.trim().replace(',', '.')) : NaN;
  if (field.type === 'number' && Number.isFinite(numeric)) {
    const n = numeric;
    return /\beuros?\b|€/i.test(field.label) ? formatEuros(n) : formatNumber(n);
  }
  return String(value);
}

/** A field's value is given (required fields at submission). */
export function isFilled(field: FormField, value: unknown): boolean {
  if (field.type === 'address') return isAddress(value) && !!value.street && !!value.postal_code && !!value.city;
  return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
}
