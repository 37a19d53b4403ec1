/**
 * The fields of a person's profile and their types. Identity fields follow FranceConnect's
 * "identité pivot" claim names, so a certified value and a declared one share one name.
 */
export const SITUATIONS = {
  etudiant: 'Étudiant ou étudiante',
  apprenti: 'Apprenti ou apprentie',
  lyceen: 'Lycéen ou lycéenne',
  demandeur_emploi: "Demandeur ou demandeuse d'emploi",
  salarie: 'Salarié ou salariée',
  independant: 'Travailleur ou travailleuse indépendante',
  retraite: 'Retraité ou retraitée',
  sans_activite: 'Sans activité',
} as const;
export type Situation = keyof typeof SITUATIONS;

export const ORGANISATION_TYPES = {
  entreprise: 'Entreprise',
  association: 'Association',
  commune: 'Commune ou intercommunalité',
  etablissement_public: 'Établissement public',
} as const;
export type OrganisationType = keyof typeof ORGANISATION_TYPES;

export interface Address {
  street: string;
  postal_code: string;
  /** COG code of the commune, from the territory referential. */
  commune_code: string;
  commune_name: string;
}

export interface Household {
  adults: number;
  children: number;
}

export interface Organisation {
  /** 14 digits, Luhn-checked. */
  siret: string;
  type: OrganisationType;
  name?: string;
}

/** Every profile field and the type of its value. */
export interface ProfileValues {
  given_name: string;
  family_name: string;
  /** ISO date, YYYY-MM-DD. */
  birthdate: string;
  gender: 'female' | 'male';
  /** COG code of the commune of birth (empty when born abroad). */
  birthplace: string;
  /** COG code of the country of birth (99100 for France). */
  birthcountry: string;
  /** Nom d'usage. */
  preferred_username: string;
  /** The email FranceConnect gave (the account's own email is on the account). */
  email: string;
  address: Address;
  phone: string;
  situation: Situation;
  household: Household;
  /** Only for someone acting for an organisation. */
  organisation: Organisation;
}

export type ProfileFieldName = keyof ProfileValues;

/** The identité pivot: the fields FranceConnect certifies. */
export const CERTIFIABLE_FIELDS = [
  'given_name',
  'family_name',
  'birthdate',
  'gender',
  'birthplace',
  'birthcountry',
  'preferred_username',
  'email',
] as const satisfies readonly ProfileFieldName[];

/** The values of the identité pivot, under FranceConnect's claim names. */
export type CertifiableValues = Pick<ProfileValues, (typeof CERTIFIABLE_FIELDS)[number]>;

export type FieldSource = 'franceconnect' | 'declared' | 'application';

export interface ProfileField<T> {
  value: T;
  source: FieldSource;
  /** When Guichet received the value (from FranceConnect, the person or an application). */
  receivedAt: Date;
}

export type Profile = { [K in ProfileFieldName]?: ProfileField<ProfileValues[K]> };

export function isCertified(field: ProfileField<unknown> | undefined): boolean {
  return field?.source === 'franceconnect';
}
