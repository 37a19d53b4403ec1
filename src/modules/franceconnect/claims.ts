import type { CertifiableValues } from '../profile';

/** The scopes Guichet asks FranceConnect for: the identité pivot, the email and the usage name. */
export const FRANCECONNECT_SCOPE = 'openid given_name family_name birthdate gender birthplace birthcountry email preferred_username';

export type CertifiedValues = Partial<CertifiableValues>;

const text = (value: unknown, max = 200): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined);

/** The identity FranceConnect gave, as profile values (anything malformed is left out). */
export function certifiedValues(userinfo: Record<string, unknown>): CertifiedValues {
  const values: CertifiedValues = {};
  const given = text(userinfo.given_name);
  if (given) values.given_name = given;
  const family = text(userinfo.family_name);
  if (family) values.family_name = family;
  const birthdate = text(userinfo.birthdate);
  if (birthdate && /^\d{4}-\d{2}-\d{2}$/.test(birthdate)) values.birthdate = birthdate;
  if (userinfo.gender === 'female' || userinfo.gender === 'male') values.gender = userinfo.gender;
  const birthplace = text(userinfo.birthplace);
  if (birthplace && /^[0-9AB]{5}$/.test(birthplace)) values.birthplace = birthplace;
  const birthcountry = text(userinfo.birthcountry);
  if (birthcountry && /^\d{5}$/.test(birthcountry)) values.birthcountry = birthcountry;
  const usage = text(userinfo.preferred_username);
  if (usage) values.preferred_username = usage;
  const email = text(userinfo.email, 320);
  if (email && /^[^\s@]+@[^\s@]+$/.test(email)) values.email = email.toLowerCase();
  return values;
}

/** "Jeanne Le Bihan": the first given name and the usage name (else the birth name). */
export function displayNameOf(values: CertifiedValues): string {
  const first = values.given_name?.split(/\s+/)[0] ?? '';
  return `${first} ${values.preferred_username ?? values.family_name ?? ''}`.trim() || 'Personne connectée avec FranceConnect';
}
