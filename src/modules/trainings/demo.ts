/**
 * The demo catalogue: no open dataset of trainings is available offline, so trainings are
 * generated from the ROME referential — deterministic (fixed seed: the same ids, so the same
 * addresses, at every reseed), at real Breton communes, with plausible levels, durations, prices
 * and 2027 dates. Every one is marked `demo` (« Donnée de démonstration » on its page and exports),
 * as is every organisme (« … (démonstration) »).
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { communeCentres } from '../help';
import type { TerritoryTables } from '../territories';
import type { Modality, Training, TrainingAction } from './model';

export interface DemoJob {
  code: string;
  label: string;
}
export interface DemoCommune {
  code: string;
  name: string;
  postalCode: string;
  latitude: number;
  longitude: number;
}

/** mulberry32: a small seeded generator, the same numbers on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_SEED = 20261203;

/** Communes where most trainings are: the larger towns of the four départements. */
const TOWNS = ['35238', '29019', '56121', '56260', '29232', '22278', '35288', '22113', '29103', '56178', '35115', '22093', '29151', '56007', '35047', '22360', '56098', '29039'];

const KINDS: Array<{ prefix: string; exit: number; entry: number; hours: [number, number]; weeks: [number, number]; certifying: boolean; price: [number, number] }> = [
  { prefix: 'CAP', exit: 4, entry: 1, hours: [400, 1200], weeks: [26, 52], certifying: true, price: [3000, 7000] },
  { prefix: 'Titre professionnel', exit: 4, entry: 3, hours: [500, 1100], weeks: [20, 40], certifying: true, price: [4000, 9000] },
  { prefix: 'Bac professionnel', exit: 5, entry: 4, hours: [900, 1800], weeks: [40, 80], certifying: true, price: [5000, 10000] },
  { prefix: 'BTS', exit: 6, entry: 5, hours: [1100, 1800], weeks: [52, 90], certifying: true, price: [6000, 12000] },
  { prefix: 'Licence professionnelle', exit: 7, entry: 6, hours: [450, 700], weeks: [30, 45], certifying: true, price: [4000, 8000] },
  { prefix: 'Certificat de compétences', exit: 0, entry: 1, hours: [35, 210], weeks: [1, 8], certifying: true, price: [600, 3000] },
  { prefix: 'Découverte du métier', exit: 1, entry: 1, hours: [70, 280], weeks: [2, 10], certifying: false, price: [0, 0] },
];

const ORGANISMES = ['Armor', 'Iroise', 'Brocéliande', 'Rance', 'Blavet', 'Odet', 'Trégor', 'Penthièvre', 'Cornouaille', 'Vilaine', 'Léon', 'Golfe', 'Argoat', 'Aulne', 'Oust', 'Élorn'];
const KINDS_OF_ORGANISME = ['Centre de formation', 'Institut des métiers', 'École des compétences', 'Atelier-école'];

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const between = (r: () => number, [min, max]: [number, number]) => Math.round(min + r() * (max - min));

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * `count` trainings over the jobs (in order, so the first jobs get one each before any gets two)
 * and the communes. Ids: `demo-<n>` (`demo-1` … `demo-2400`), stable for a given seed and count.
 */
export function generateDemoTrainings(jobs: DemoJob[], communes: DemoCommune[], count: number, seed = DEMO_SEED): Training[] {
  const r = random(seed);
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const towns = TOWNS.flatMap((code) => byCode.get(code) ?? []);
  const trainings: Training[] = [];
  for (let n = 1; n <= count; n++) {
    // A spread of jobs: stride through the referential so every domain has some.
    const job = jobs[((n - 1) * 7919) % jobs.length]!;
    const kind = pick(r, KINDS);
    const commune = towns.length && r() < 0.7 ? pick(r, towns) : pick(r, communes);
    const orgIndex = Math.floor(r() * ORGANISMES.length * KINDS_OF_ORGANISME.length);
    const orgName = `${KINDS_OF_ORGANISME[orgIndex % KINDS_OF_ORGANISME.length]} ${ORGANISMES[Math.floor(orgIndex / KINDS_OF_ORGANISME.length)]} (démonstration)`;
    const modality: Modality = r() < 0.75 ? 'presentiel' : r() < 0.6 ? 'mixte' : 'distance';
    const alternance = kind.certifying && kind.exit >= 4 && r() < 0.35;
    const hours = Math.round(between(r, kind.hours) / 7) * 7;
    const weeks = between(r, kind.weeks);
    const financers = ['region', 'france_travail', 'cpf', 'opco', 'transitions_pro', 'personne'].filter((f) => {
      if (f === 'cpf' || f === 'transitions_pro') return kind.certifying && r() < (f === 'cpf' ? 0.8 : 0.4);
      if (f === 'region') return r() < 0.55;
      if (f === 'france_travail') return r() < 0.45;
      if (f === 'opco') return alternance || r() < 0.2;
      return r() < 0.3;
    });
    if (!financers.length) financers.push('personne');
    const price = kind.price[1] === 0 ? 0 : Math.round(between(r, kind.price) / 50) * 50;
    const publics = kind.exit === 1 ? ['demandeur_emploi', 'jeune'] : r() < 0.5 ? ['tout_public'] : ['demandeur_emploi', 'salarie'];
    const sessions: TrainingAction['sessions'] = [];
    const sessionCount = 1 + Math.floor(r() * 3);
    let start = addDays('2027-01-04', Math.floor(r() * 40) * 7);
    for (let s = 1; s <= sessionCount; s++) {
      sessions.push({ id: `demo-${n}-s${s}`, start, end: addDays(start, weeks * 7 - 3), placesLeft: Math.floor(r() * 16), state: 'ouvert', enrolUntil: addDays(start, -14) });
      start = addDays(start, (8 + Math.floor(r() * 20)) * 7);
    }
    const title = `${kind.prefix} — ${job.label}`;
    const certification = kind.certifying ? (kind.prefix === 'Certificat de compétences' ? { rncp: null, rs: String(5000 + Math.floor(r() * 1500)) } : { rncp: String(30000 + Math.floor(r() * 9000)), rs: null }) : { rncp: null, rs: null };
    trainings.push({
      id: `demo-${n}`,
      title,
      objective: `Apprendre le métier « ${job.label} » : ses gestes, ses outils et ses règles de sécurité.`,
      content: 'Cours en centre, mises en situation, stage en entreprise, accompagnement vers l’emploi.',
      results: kind.certifying ? `${kind.prefix} ${certification.rncp ? `(RNCP ${certification.rncp})` : `(RS ${certification.rs})`}` : 'Attestation de fin de formation',
      entryLevel: kind.entry,
      exitLevel: kind.exit || null,
      certifying: kind.certifying,
      ...certification,
      url: null,
      contact: { name: 'Accueil formation', phone: '02 99 00 00 00', email: `formation-${n}@exemple.invalid` },
      romeCodes: [job.code],
      demo: true,
      organisme: { id: `demo-org-${orgIndex + 1}`, name: orgName, siret: null, activityNumber: null, phone: '02 99 00 00 00', email: `contact-${orgIndex + 1}@exemple.invalid`, web: null },
      actions: [
        {
          id: `demo-${n}-a1`, modality, alternance, hours, price, publics, publicText: '', financers,
          place: { address: `${1 + Math.floor(r() * 40)} rue de la Formation`, postalCode: commune.postalCode, communeCode: commune.code, commune: commune.name, latitude: commune.latitude, longitude: commune.longitude },
          housing: r() < 0.3 ? 'Hébergement possible en foyer de jeunes travailleurs à proximité.' : '',
          transport: r() < 0.5 ? 'Gare ou arrêt de bus à moins de 10 minutes à pied.' : '',
          meals: r() < 0.4 ? 'Restaurant d’entreprise ou self sur place.' : '',
          sessions,
        },
      ],
    });
  }
  return trainings;
}

/** Every Breton commune with a known centre and its first postal code, in code order. */
export async function demoCommunes(db: Kysely<PlatformTables>): Promise<DemoCommune[]> {
  const centres = communeCentres();
  const rows = await db
    .withTables<TerritoryTables>()
    .selectFrom('territory_communes')
    .select(['code', 'name', 'postal_codes'])
    .where('code', 'in', [...centres.keys()])
    .orderBy('code')
    .execute();
  return rows.map((c) => ({ code: c.code, name: c.name, postalCode: c.postal_codes[0] ?? '', latitude: centres.get(c.code)!.lat, longitude: centres.get(c.code)!.lon }));
}
