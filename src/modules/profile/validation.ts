import { ORGANISATION_TYPES, SITUATIONS, type Household, type Organisation, type OrganisationType, type Situation } from './model';

export type Result<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const str = (body: Record<string, unknown>, name: string, max = 200) => (typeof body[name] === 'string' ? (body[name] as string) : '').trim().slice(0, max);

/**
 * A French phone number, fixed or mobile, as people write it (02 99 27 10 10, 0299271010,
 * 02.99.27.10.10, +33 2 99 27 10 10, 0033…), kept as "02 99 27 10 10".
 */
export function normalisePhone(input: string): string | undefined {
  let digits = input.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+33')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0033')) digits = `0${digits.slice(4)}`;
  if (digits.startsWith('0(0)')) digits = digits.replace('0(0)', '0');
  if (!/^0[1-9]\d{8}$/.test(digits)) return undefined;
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** The Luhn check every SIRET passes (La Poste's establishments follow their own rule). */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith('356000000')) {
    // La Poste: one SIREN for thousands of offices; their SIRET digits add up to a multiple of 5.
    return [...siret].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
  }
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let digit = Number(siret[13 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function validatePhone(body: Record<string, unknown>): Result<string> {
  const raw = str(body, 'phone', 40);
  if (!raw) return { ok: false, errors: { phone: 'Indiquez votre numéro de téléphone.' } };
  const phone = normalisePhone(raw);
  if (!phone) return { ok: false, errors: { phone: 'Ce numéro n’est pas un numéro français. Écrivez 10 chiffres, par exemple 02 99 27 10 10 ou 06 12 34 56 78.' } };
  return { ok: true, value: phone };
}

export function validateSituation(body: Record<string, unknown>): Result<Situation> {
  const value = str(body, 'situation', 40);
  if (!Object.hasOwn(SITUATIONS, value)) return { ok: false, errors: { situation: 'Choisissez la situation qui vous correspond le mieux.' } };
  return { ok: true, value: value as Situation };
}

function count(raw: string, min: number, max: number): number | undefined {
  if (!/^\d{1,2}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

export function validateHousehold(body: Record<string, unknown>): Result<Household> {
  const errors: Record<string, string> = {};
  const adults = count(str(body, 'adults', 5), 1, 20);
  const children = count(str(body, 'children', 5) || '0', 0, 20);
  if (adults === undefined) errors.adults = 'Indiquez le nombre d’adultes avec un chiffre, entre 1 et 20 (vous compris).';
  if (children === undefined) errors.children = 'Indiquez le nombre d’enfants avec un chiffre, entre 0 et 20.';
  if (adults === undefined || children === undefined) return { ok: false, errors };
  return { ok: true, value: { adults, children } };
}

export function validateOrganisation(body: Record<string, unknown>): Result<Organisation> {
  const errors: Record<string, string> = {};
  const siret = str(body, 'siret', 40).replace(/[\s.]/g, '');
  const type = str(body, 'type', 40);
  const name = str(body, 'name', 200);
  if (!siret) errors.siret = 'Indiquez le numéro SIRET : 14 chiffres.';
  else if (!/^\d{14}$/.test(siret)) errors.siret = `Le numéro SIRET a 14 chiffres, sans lettre. Vous en avez écrit ${siret.replace(/\D/g, '').length}.`;
  else if (!isValidSiret(siret)) errors.siret = 'Ce numéro SIRET n’existe pas : un chiffre est sans doute mal recopié. Vérifiez-le sur un document de l’organisation.';
  if (!Object.hasOwn(ORGANISATION_TYPES, type)) errors.type = 'Choisissez le type d’organisation.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { siret, type: type as OrganisationType, ...(name ? { name } : {}) } };
}

export interface IdentityInput {
  given_name?: string;
  family_name?: string;
  preferred_username?: string;
  birthdate?: string;
  gender?: 'female' | 'male';
}

/** A real calendar date, in the past, less than 130 years ago. */
export function validBirthdate(value: string, today = new Date()): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== value) return false;
  return date.getTime() < today.getTime() && today.getUTCFullYear() - date.getUTCFullYear() < 130;
}

/** The identity fields a person may type (only those not certified: `editable`). */
export function validateIdentity(body: Record<string, unknown>, editable: ReadonlySet<string>): Result<IdentityInput> & { cleared?: string[] } {
  const errors: Record<string, string> = {};
  const value: IdentityInput = {};
  const cleared: string[] = [];
  const names = [
    ['given_name', 'Indiquez vos prénoms.'],
    ['family_name', 'Indiquez votre nom de naissance.'],
  ] as const;
  for (const [field, missing] of names) {
    if (!editable.has(field)) continue;
    const text = str(body, field, 100);
    if (!text) errors[field] = missing;
    else if (!/^[\p{L}][\p{L}' -]*$/u.test(text)) errors[field] = 'Utilisez seulement des lettres, des espaces, des tirets et des apostrophes.';
    else value[field] = text;
  }
  if (editable.has('preferred_username')) {
    const text = str(body, 'preferred_username', 100);
    if (text && !/^[\p{L}][\p{L}' -]*$/u.test(text)) errors.preferred_username = 'Utilisez seulement des lettres, des espaces, des tirets et des apostrophes.';
    else if (text) value.preferred_username = text;
    else cleared.push('preferred_username');
  }
  if (editable.has('birthdate')) {
    const day = str(body, 'birthdate', 20);
    if (!day) cleared.push('birthdate');
    else if (!validBirthdate(day)) errors.birthdate = 'Cette date n’est pas valable. Écrivez-la comme ceci : 2001-09-14 (année, mois, jour).';
    else value.birthdate = day;
  }
  if (editable.has('gender')) {
    const gender = str(body, 'gender', 10);
    if (gender === 'female' || gender === 'male') value.gender = gender;
    else if (gender) errors.gender = 'Choisissez une des réponses.';
    else cleared.push('gender');
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value, cleared };
}

export const POSTAL_CODE = /^\d{5}$/;
export { str as field };
