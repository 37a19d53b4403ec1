/**
 * The agents' form of an event: read, checked field by field (French messages next to the field,
 * what was typed kept), turned into an `EventInput`. The commune is resolved by the help module and
 * placed at its centre (territories).
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { resolveCommune } from '../help';
import { communeCentres } from '../territories';
import type { AgendaEvent, EventInput, EventKind } from './tables';
import { AUDIENCES, KINDS, THEMES } from './vocabulary';
import { parisInstant, parisParts } from './when';

export interface EventFormValues {
  type: string;
  titre: string;
  resume: string;
  description: string;
  date_debut: string;
  heure_debut: string;
  date_fin: string;
  heure_fin: string;
  lieu: string;
  adresse: string;
  commune: string;
  publics: string[];
  theme: string;
  metiers: string;
  domaines: string;
  inscription: string;
  organisateur: string;
  publie: boolean;
  reserve_pro: boolean;
}

export const FIELD_LABELS: Record<string, string> = {
  type: 'Type d’événement', titre: 'Titre', resume: 'Résumé', description: 'Description', date_debut: 'Date de début', heure_debut: 'Heure de début',
  date_fin: 'Date de fin', heure_fin: 'Heure de fin', lieu: 'Lieu', adresse: 'Adresse', commune: 'Commune', publics: 'Publics', theme: 'Thème',
  metiers: 'Fiches métiers (codes ROME)', domaines: 'Domaines professionnels', inscription: 'Lien d’inscription', organisateur: 'Organisateur',
};

export const emptyValues: EventFormValues = {
  type: '', titre: '', resume: '', description: '', date_debut: '', heure_debut: '09:00', date_fin: '', heure_fin: '17:00', lieu: '', adresse: '', commune: '',
  publics: [], theme: '', metiers: '', domaines: '', inscription: '', organisateur: '', publie: true, reserve_pro: false,
};

const one = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max + 1) : Array.isArray(v) && typeof v[0] === 'string' ? v[0].trim().slice(0, max + 1) : '');
const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
const codes = (v: string) => [...new Set(v.toUpperCase().split(/[\s,;]+/).filter(Boolean))];

export function valuesOf(body: Record<string, unknown>): EventFormValues {
  return {
    type: one(body.type, 20), titre: one(body.titre, 200), resume: one(body.resume, 300), description: one(body.description, 5000),
    date_debut: one(body.date_debut, 10), heure_debut: one(body.heure_debut, 5), date_fin: one(body.date_fin, 10), heure_fin: one(body.heure_fin, 5),
    lieu: one(body.lieu, 200), adresse: one(body.adresse, 300), commune: one(body.commune, 100), publics: list(body.publics), theme: one(body.theme, 30),
    metiers: one(body.metiers, 200), domaines: one(body.domaines, 100), inscription: one(body.inscription, 500), organisateur: one(body.organisateur, 200),
    publie: body.publie === 'oui',
    reserve_pro: body.reserve_pro === 'oui',
  };
}

export function valuesOfEvent(e: AgendaEvent): EventFormValues {
  const start = parisParts(e.starts_at);
  const end = parisParts(e.ends_at);
  return {
    type: e.kind, titre: e.title, resume: e.summary, description: e.description, date_debut: start.day, heure_debut: start.time, date_fin: end.day === start.day ? '' : end.day,
    heure_fin: end.time, lieu: e.place_name, adresse: e.address, commune: e.commune_name, publics: e.audiences, theme: e.theme, metiers: e.rome_codes.join(', '),
    domaines: e.domains.join(', '), inscription: e.registration_url ?? '', organisateur: e.organiser, publie: e.published, reserve_pro: e.pro_only,
  };
}

const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const isTime = (t: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t);

/** Checks a filled form; `domainCodes` are the ROME domain codes (grand and professional) that exist. */
export async function checkEventForm(
  db: Kysely<PlatformTables>,
  values: EventFormValues,
  domainCodes: Set<string>,
): Promise<{ ok: true; input: EventInput } | { ok: false; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const tooLong = (field: keyof EventFormValues, max: number) => {
    const v = values[field];
    if (typeof v === 'string' && v.length > max) errors[field] = `Écrivez ${max} caractères au plus.`;
  };
  if (!Object.hasOwn(KINDS, values.type)) errors.type = 'Choisissez le type d’événement.';
  if (!values.titre) errors.titre = 'Écrivez le titre de l’événement.';
  tooLong('titre', 200);
  tooLong('resume', 300);
  tooLong('description', 5000);
  if (!isDay(values.date_debut)) errors.date_debut = 'Écrivez la date de début, par exemple 16/01/2027.';
  if (!isTime(values.heure_debut)) errors.heure_debut = 'Écrivez l’heure de début, par exemple 09:30.';
  if (values.date_fin && !isDay(values.date_fin)) errors.date_fin = 'Écrivez la date de fin, par exemple 17/01/2027, ou laissez vide si l’événement dure un jour.';
  if (!isTime(values.heure_fin)) errors.heure_fin = 'Écrivez l’heure de fin, par exemple 17:00.';
  if (!values.lieu) errors.lieu = 'Écrivez le nom du lieu, par exemple « Lycée Dupuy-de-Lôme ».';
  tooLong('lieu', 200);
  tooLong('adresse', 300);
  if (values.publics.some((p) => !Object.hasOwn(AUDIENCES, p))) errors.publics = 'Choisissez les publics dans la liste.';
  if (!Object.hasOwn(THEMES, values.theme)) errors.theme = 'Choisissez le thème.';
  const romeCodes = codes(values.metiers);
  if (romeCodes.some((c) => !/^[A-N]\d{4}$/.test(c))) errors.metiers = 'Écrivez des codes ROME séparés par des virgules, par exemple D1102, D1104.';
  const domains = codes(values.domaines);
  if (domains.some((c) => !domainCodes.has(c))) errors.domaines = 'Écrivez des codes de domaine qui existent, par exemple D ou D11.';
  let registration: string | null = null;
  if (values.inscription) {
    try {
      const url = new URL(values.inscription);
      if (!['http:', 'https:'].includes(url.protocol)) throw new Error('protocol');
      registration = url.toString();
    } catch {
      errors.inscription = 'Écrivez une adresse web complète, qui commence par https://';
    }
  }
  tooLong('organisateur', 200);
  let commune: { code: string; name: string } | undefined;
  if (!values.commune) errors.commune = 'Écrivez la commune ou son code postal.';
  else {
    const found = await resolveCommune(db, values.commune);
    if ('error' in found) errors.commune = found.error;
    else if (found.communes.length > 1) errors.commune = `Plusieurs communes ont ce code postal (${found.communes.map((c) => c.name).join(', ')}) : écrivez le nom de la commune.`;
    else commune = found.communes[0];
  }
  let starts: Date | undefined;
  let ends: Date | undefined;
  if (!errors.date_debut && !errors.heure_debut && !errors.date_fin && !errors.heure_fin) {
    starts = parisInstant(values.date_debut, values.heure_debut);
    ends = parisInstant(values.date_fin || values.date_debut, values.heure_fin);
    if (ends <= starts) errors.heure_fin = 'La fin doit être après le début.';
  }
  if (Object.keys(errors).length || !starts || !ends || !commune) return { ok: false, errors };
  const centre = communeCentres().get(commune.code);
  return {
    ok: true,
    input: {
      kind: values.type as EventKind, title: values.titre, summary: values.resume, description: values.description,
      starts_at: starts.toISOString(), ends_at: ends.toISOString(), place_name: values.lieu, address: values.adresse,
      commune_code: commune.code, commune_name: commune.name, latitude: centre?.lat ?? null, longitude: centre?.lon ?? null,
      audiences: values.publics, theme: values.theme, rome_codes: romeCodes, domains, registration_url: registration, organiser: values.organisateur, published: values.publie,
      pro_only: values.reserve_pro,
    },
  };
}
