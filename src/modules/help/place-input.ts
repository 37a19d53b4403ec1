/**
 * The fields of a place an agent publishes, as the back-office form and the CSV import both read
 * them (the form's field names are the CSV's columns, docs/orientation.md « Import CSV des lieux »),
 * and their check: every error in plain French, named by its field.
 */
import type { FieldErrors } from '../../platform/views/form';
import { KIND_LABELS, KINDS, isKind } from './kinds';
import { compactCommuneName } from './service';
import type { CommuneRow } from './store';
import type { HelpPlace, PlaceInput } from './tables';

export const PLACE_COLUMNS = [
  'identifiant', 'type', 'nom', 'adresse', 'code_postal', 'commune', 'latitude', 'longitude', 'telephone', 'courriel', 'site_internet',
  'horaires', 'services', 'conditions_acces', 'publie', 'demonstration',
] as const;
export type PlaceColumn = (typeof PLACE_COLUMNS)[number];
export type PlaceFields = Record<PlaceColumn, string>;

export const PLACE_LABELS: Record<PlaceColumn, string> = {
  identifiant: 'Identifiant',
  type: 'Type de lieu',
  nom: 'Nom du lieu',
  adresse: 'Adresse',
  code_postal: 'Code postal',
  commune: 'Commune',
  latitude: 'Latitude',
  longitude: 'Longitude',
  telephone: 'Téléphone',
  courriel: 'Adresse électronique',
  site_internet: 'Site internet',
  horaires: 'Horaires',
  services: 'Services proposés',
  conditions_acces: 'Conditions d’accès',
  publie: 'Publié',
  demonstration: 'Donnée de démonstration',
};

const MAX: Partial<Record<PlaceColumn, number>> = { identifiant: 100, nom: 200, adresse: 300, commune: 100, courriel: 200, site_internet: 500, horaires: 1000, services: 2000, conditions_acces: 300 };

/** Every field as a trimmed string (absent: empty). */
export function placeFields(source: Record<string, unknown>): PlaceFields {
  const out = {} as PlaceFields;
  for (const column of PLACE_COLUMNS) {
    const value = source[column];
    out[column] = typeof value === 'string' ? value.trim() : Array.isArray(value) && typeof value[0] === 'string' ? value[0].trim() : '';
  }
  return out;
}

/** A place's row as the form's fields (lists one item a line). */
export function fieldsOfPlace(place: HelpPlace): PlaceFields {
  return {
    identifiant: place.external_id ?? '', type: place.kind, nom: place.name, adresse: place.address, code_postal: place.postal_code, commune: place.commune_name,
    latitude: place.latitude === null ? '' : String(place.latitude), longitude: place.longitude === null ? '' : String(place.longitude),
    telephone: place.phone ?? '', courriel: place.email ?? '', site_internet: place.website ?? '', horaires: place.opening_hours ?? '',
    services: place.services.join('\n'), conditions_acces: place.access_conditions ?? '', publie: place.published ? 'oui' : 'non', demonstration: place.demo ? 'oui' : 'non',
  };
}

export const emptyFields = (): PlaceFields => ({ ...placeFields({}), publie: 'oui', demonstration: 'non' });

/** Lines of a list: one a line in the form, separated by « | » in the CSV. */
const lines = (value: string) => value.split(/\r?\n|\|/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);

function yesNo(value: string, fallback: boolean): boolean | null {
  const v = value.toLowerCase();
  if (!v) return fallback;
  if (['oui', 'o', 'true', '1', 'on'].includes(v)) return true;
  if (['non', 'n', 'false', '0'].includes(v)) return false;
  return null;
}

function decimal(value: string, min: number, max: number): number | null | undefined {
  if (!value) return null;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

/** French phone numbers written « 02 97 00 00 00 » (10 digits, or +33 then 9). */
function phone(value: string): string | null | undefined {
  if (!value) return null;
  const digits = value.replace(/[\s.\-()]/g, '');
  const national = /^\+33\d{9}$/.test(digits) ? `0${digits.slice(3)}` : /^0\d{9}$/.test(digits) ? digits : undefined;
  return national?.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** The communes of Bretagne by postal code (and by their own code), to resolve what was typed. */
export type CommuneLookup = (postalCode: string) => CommuneRow[];

export function communeLookup(communes: CommuneRow[]): CommuneLookup {
  const byCode = new Map<string, CommuneRow[]>();
  for (const c of communes) for (const code of c.postal_codes) byCode.set(code, [...(byCode.get(code) ?? []), c]);
  return (postalCode) => byCode.get(postalCode) ?? [];
}

/** Checks the fields; the place when they are right, else the errors by field. */
export function checkPlace(fields: PlaceFields, communes: CommuneLookup, options: { requireId: boolean }): { ok: true; place: PlaceInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  for (const [column, max] of Object.entries(MAX) as Array<[PlaceColumn, number]>) {
    if (fields[column].length > max) errors[column] = `${max} caractères au plus (il y en a ${fields[column].length}).`;
  }
  if (options.requireId && !fields.identifiant) errors.identifiant = 'L’identifiant est obligatoire : il nomme le lieu dans vos fichiers, pour le mettre à jour au prochain import.';
  else if (fields.identifiant && !/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(fields.identifiant)) errors.identifiant ??= 'L’identifiant s’écrit avec des lettres sans accent, des chiffres, des points, des tirets ou « : », sans espace.';
  if (!isKind(fields.type)) errors.type = fields.type ? `Type inconnu « ${fields.type} » : écrivez ${KINDS.map((k) => `${k} (${KIND_LABELS[k]})`).join(', ')}.` : 'Choisissez le type de lieu.';
  if (!fields.nom) errors.nom = 'Écrivez le nom du lieu.';
  let commune: CommuneRow | undefined;
  if (!/^\d{5}$/.test(fields.code_postal)) errors.code_postal = 'Un code postal a 5 chiffres, par exemple 56100.';
  else {
    const candidates = communes(fields.code_postal);
    if (candidates.length === 0) errors.code_postal = `Aucune commune de Bretagne n’a le code postal ${fields.code_postal}.`;
    else {
      const named = fields.commune ? candidates.filter((c) => compactCommuneName(c.name) === compactCommuneName(fields.commune)) : candidates.length === 1 ? candidates : [];
      if (named.length === 1) commune = named[0];
      else errors.commune = fields.commune ? `La commune « ${fields.commune} » n’a pas le code postal ${fields.code_postal} : ${candidates.map((c) => c.name).join(', ')}.` : `Écrivez la commune : ${candidates.map((c) => c.name).join(', ')}.`;
    }
  }
  const latitude = decimal(fields.latitude, 47, 49.2);
  const longitude = decimal(fields.longitude, -5.3, -0.9);
  if (latitude === undefined) errors.latitude = 'Une latitude en Bretagne est un nombre entre 47 et 49,2, par exemple 47.748.';
  if (longitude === undefined) errors.longitude = 'Une longitude en Bretagne est un nombre entre -5,3 et -0,9, par exemple -3.370.';
  if ((latitude === null) !== (longitude === null) && latitude !== undefined && longitude !== undefined) errors[latitude === null ? 'latitude' : 'longitude'] = 'Donnez la latitude et la longitude, ou aucune des deux.';
  const phoneNumber = phone(fields.telephone);
  if (phoneNumber === undefined) errors.telephone = 'Un numéro de téléphone a 10 chiffres, par exemple 02 97 00 00 00.';
  if (fields.courriel && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.courriel)) errors.courriel ??= 'Une adresse électronique s’écrit comme nom@exemple.fr.';
  if (fields.site_internet && !/^https?:\/\/[^\s]+\.[^\s]+$/.test(fields.site_internet)) errors.site_internet ??= 'Une adresse de site commence par https://, par exemple https://www.exemple.fr.';
  const published = yesNo(fields.publie, true);
  const demo = yesNo(fields.demonstration, false);
  if (published === null) errors.publie = 'Écrivez « oui » ou « non ».';
  if (demo === null) errors.demonstration = 'Écrivez « oui » ou « non ».';
  if (Object.keys(errors).length > 0 || !commune || !isKind(fields.type)) return { ok: false, errors };
  return {
    ok: true,
    place: {
      external_id: fields.identifiant,
      kind: fields.type,
      name: fields.nom.replace(/\s+/g, ' '),
      address: fields.adresse.replace(/\s+/g, ' '),
      postal_code: fields.code_postal,
      commune_code: commune.code,
      commune_name: commune.name,
      departement_code: commune.departement_code,
      latitude: latitude ?? null,
      longitude: longitude ?? null,
      phone: phoneNumber ?? null,
      email: fields.courriel || null,
      website: fields.site_internet || null,
      opening_hours: lines(fields.horaires).join('\n') || null,
      services: lines(fields.services),
      access_conditions: fields.conditions_acces || null,
      published: published!,
      demo: demo!,
    },
  };
}
