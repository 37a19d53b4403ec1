import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { franceServicesHoursToFrench, mediationHoursToFrench, tidyText, type HelpPlacesTable } from '../../src/modules/help';
import type { CommuneIndex } from './communes';
import { asOrientationPlace, isRealOrientationPlace } from './orientation-places';
import {
  accessConditions,
  cleanDate,
  cleanEmail,
  cleanWebsite,
  distanceMetres,
  formatPhone,
  nameSimilarity,
  normalizeName,
  sameAddress,
  titleCase,
} from './normalize';

export const DATA_DIR = join(import.meta.dirname, '..', 'data');

/** The datasets, as named in help_places.source and on the public /sources page. */
export const HELP_SOURCES = {
  franceServices: 'france-services-2020',
  cnfs: 'conseillers-numeriques-2022-12',
  dataInclusion: 'data-inclusion-2023-02',
} as const;

/** A help place as read from a source file, before it gets its stable id. */
export type HelpPlaceRow = Omit<HelpPlacesTable, 'id' | 'created_at' | 'updated_at' | 'tenant_id' | 'external_id' | 'published' | 'demo'>;

const BRETAGNE_DEPARTEMENTS = ['22', '29', '35', '56'];

/** What every France Services site offers (the label's common list of partners in 2020). */
export const FRANCE_SERVICES_OFFER = [
  "Aide aux démarches en ligne : impôts, carte d'identité, passeport, permis de conduire, carte grise",
  'Allocations familiales et logement (Caf), santé (Assurance maladie), retraite, MSA',
  'Emploi (Pôle emploi, aujourd’hui France Travail)',
  'Accès au droit et à la justice, services de La Poste',
  'Ordinateur et internet en accès libre, avec un conseiller pour vous aider',
];

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  return parse(readFileSync(join(DATA_DIR, file)), { columns: true, skip_empty_lines: true, bom: true, trim: false }) as Row[];
}

function coordinate(value: string | undefined, min: number, max: number): number | null {
  const number = Number((value ?? '').trim());
  return value && value.trim() !== '' && Number.isFinite(number) && number >= min && number <= max ? number : null;
}

function place(commune: ReturnType<CommuneIndex['resolve']>, raw: { postalCode: string; name: string }) {
  return commune
    ? { commune_code: commune.code, commune_name: commune.name, departement_code: commune.departement_code, postal_code: commune.postal_code }
    : { commune_code: null, commune_name: titleCase(raw.name), departement_code: raw.postalCode.slice(0, 2), postal_code: raw.postalCode };
}

export function readFranceServices(communes: CommuneIndex): HelpPlaceRow[] {
  return readCsv('france-services/france_services_bretagne_2020.csv').map((r) => {
    const commune = communes.resolve({ inseeCode: r.insee_com, postalCode: r.code_postal, name: r.lib_com });
    const label = tidyText(r.lib_france_services ?? '');
    const itinerant = /itin/i.test(r.categorie ?? '') || r.ITINERANCE === 'Oui';
    const days = ['h_lundi', 'h_mardi', 'h_mercredi', 'h_jeudi', 'h_vendredi', 'h_samedi'].map((k) => r[k] ?? '');
    return {
      kind: 'france_services',
      name: /france services?/i.test(label) ? label : `France Services ${label}`,
      address: [r.ADRESSE, r['COMPLEMENT.D.ADRESSE']].map((s) => tidyText(s ?? '')).filter(Boolean).join(', '),
      ...place(commune, { postalCode: r.code_postal ?? '', name: r.lib_com ?? '' }),
      latitude: coordinate(r.LATITUDE, 41, 52),
      longitude: coordinate(r.LONGITUDE, -6, 10),
      phone: formatPhone(r.TELEPHONE),
      email: cleanEmail(r['CONTACT.MAIL']),
      website: null,
      opening_hours: franceServicesHoursToFrench(days, r['Commentaire.horaires'] ?? ''),
      services: FRANCE_SERVICES_OFFER,
      access_conditions: itinerant
        ? 'Gratuit. France Services itinérante : un conseiller vient dans plusieurs communes ; appelez pour connaître les jours et lieux de passage.'
        : 'Gratuit',
      source: HELP_SOURCES.franceServices,
      source_ref: r.MATRICULE ?? '',
      source_date: '2020-09-01',
    } satisfies HelpPlaceRow;
  });
}

function mediationRow(r: Row, source: string, communes: CommuneIndex, inseeCode: string | undefined, fallbackDate: string): HelpPlaceRow {
  const commune = communes.resolve({ inseeCode, postalCode: r.code_postal, name: r.commune });
  return {
    kind: 'mediation_numerique',
    name: tidyText(r.nom ?? ''),
    address: [r.adresse, r.complement_adresse].map((s) => tidyText(s ?? '')).filter(Boolean).join(', '),
    ...place(commune, { postalCode: r.code_postal ?? '', name: r.commune ?? '' }),
    latitude: coordinate(r.latitude, 41, 52),
    longitude: coordinate(r.longitude, -6, 10),
    phone: formatPhone(r.telephone),
    email: cleanEmail(r.courriel),
    website: cleanWebsite(r.site_web),
    opening_hours: mediationHoursToFrench(r.horaires),
    services: [...new Set((r.services ?? '').split(';').map((s) => tidyText(s)).filter(Boolean))],
    access_conditions: accessConditions(r.conditions_access ?? r.conditions_acces),
    source,
    source_ref: r.id ?? '',
    source_date: cleanDate(r.date_maj, fallbackDate),
  };
}

/**
 * Every help place of Bretagne from the three datasets, deduplicated. The France Services list
 * comes first; the conseillers numériques places next (completed with the INSEE code that
 * data·inclusion gives for the same record); then data·inclusion's other places. A place
 * closer than 60 m to one already kept, with a similar name or the same street address, is the
 * same place: its missing details (phone, hours…) and services complete the one kept.
 */
export function readHelpPlaces(communes: CommuneIndex): HelpPlaceRow[] {
  const candidates = readCandidates(communes);
  // The records that are orientation places stay apart: a Mission locale is not the France Services next door.
  return [...deduplicate(candidates.filter((c) => !isRealOrientationPlace(c))), ...candidates.filter(isRealOrientationPlace).map(asOrientationPlace)];
}

/** Every record of the three datasets in Bretagne, before deduplication. */
export function readCandidates(communes: CommuneIndex): HelpPlaceRow[] {
  const dataInclusion = readCsv('mediation-numerique/data_inclusion_lieux_bretagne_2023-02.csv');
  const inseeById = new Map(dataInclusion.map((r) => [r.id ?? '', r.code_insee ?? '']));
  const cnfs = readCsv('mediation-numerique/cnfs_lieux_bretagne_2022-12.csv');
  const cnfsIds = new Set(cnfs.map((r) => r.id));
  const candidates = [
    ...readFranceServices(communes),
    ...cnfs.map((r) => mediationRow(r, HELP_SOURCES.cnfs, communes, inseeById.get(r.id ?? '') || undefined, '2022-12-02')),
    ...dataInclusion
      .filter((r) => !cnfsIds.has(r.id))
      .map((r) => mediationRow(r, HELP_SOURCES.dataInclusion, communes, r.code_insee || undefined, '2023-02-06')),
  ].filter((p) => p.name && p.source_ref && BRETAGNE_DEPARTEMENTS.includes(p.departement_code));
  return candidates;
}

export function isSamePlace(kept: HelpPlaceRow, other: HelpPlaceRow): boolean {
  if (kept.latitude === null || kept.longitude === null || other.latitude === null || other.longitude === null) {
    return normalizeName(kept.name) === normalizeName(other.name) && sameAddress(kept.address, other.address);
  }
  if (distanceMetres(kept as { latitude: number; longitude: number }, other as { latitude: number; longitude: number }) > 60) return false;
  if (nameSimilarity(kept.name, other.name) >= 0.6 || sameAddress(kept.address, other.address)) return true;
  // A médiation numérique record of a France Services site is often just named "France Services".
  const mediation = kept.kind === 'france_services' ? other : other.kind === 'france_services' ? kept : null;
  return mediation !== null && mediation.kind === 'mediation_numerique' && /france services?/i.test(mediation.name);
}

export function deduplicate(candidates: HelpPlaceRow[]): HelpPlaceRow[] {
  const kept: HelpPlaceRow[] = [];
  const seenRefs = new Set<string>();
  for (const candidate of candidates) {
    const ref = `${candidate.source}:${candidate.source_ref}`;
    if (seenRefs.has(ref)) continue;
    seenRefs.add(ref);
    const same = kept.find((k) => isSamePlace(k, candidate));
    if (!same) {
      kept.push({ ...candidate, services: [...candidate.services] });
      continue;
    }
    same.phone ??= candidate.phone;
    same.email ??= candidate.email;
    same.website ??= candidate.website;
    same.opening_hours ??= candidate.opening_hours;
    same.commune_code ??= candidate.commune_code;
    same.access_conditions ??= candidate.access_conditions;
    for (const service of candidate.services) if (!same.services.includes(service)) same.services.push(service);
  }
  return kept;
}
