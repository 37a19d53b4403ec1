/**
 * The information and orientation places of the demo (issue 15 c.6). Real ones where the open
 * data in seed/data/ describes them: three conseillers numériques places are a Mission locale and
 * two Maisons de l'emploi (their address, phone and hours are the dataset's, December 2022).
 * For the other kinds no open dataset was available offline: a few places of the Région's space
 * are made up, marked `demo` (« Donnée de démonstration » on the page), with no address or phone.
 */
import { mediationHoursToFrench, type HelpPlaceKind } from '../../src/modules/help';
import { HELP_SOURCES, type HelpPlaceRow } from './sources';

/** What one finds in each kind of place, in plain words. */
export const ORIENTATION_SERVICES: Partial<Record<HelpPlaceKind, string[]>> = {
  mission_locale: [
    'Accompagnement des jeunes de 16 à 25 ans qui ne sont plus à l’école',
    'Trouver un emploi, une formation, un apprentissage',
    'Contrat d’engagement jeune',
    'Aide pour le logement, la santé, la mobilité',
  ],
  maison_emploi: ['Offres d’emploi et aide pour chercher un travail', 'Information sur les métiers et les formations', 'Aide pour le CV et la lettre de motivation'],
  cio: [
    'Choisir ses études et un métier, avec un psychologue de l’Éducation nationale',
    'Information sur les formations et les diplômes',
    'Pour les élèves, les étudiants, leurs parents et les adultes',
  ],
  information_jeunesse: ['Information sur les études, les métiers et les jobs', 'Logement, santé, loisirs, partir à l’étranger', 'Ordinateurs en accès libre'],
  carif_oref: ['Information sur les formations de la région', 'Comment payer une formation', 'Documentation pour les conseillers en orientation'],
};

/** Conseillers numériques places (dataset id) that are orientation places, with their plain name. */
const REAL: Record<string, { kind: HelpPlaceKind; name: string }> = {
  '62b3295bdd51e705b180857c': { kind: 'mission_locale', name: 'Mission locale Centre Bretagne' },
  '62aaf81a8255a806e299c607': { kind: 'maison_emploi', name: 'Maison de l’emploi de Rosporden' },
  '62ab25db8255a806e299c9df': { kind: 'maison_emploi', name: 'Maison de l’emploi de Lesneven' },
};

export const isRealOrientationPlace = (p: HelpPlaceRow) => p.source === HELP_SOURCES.cnfs && p.source_ref in REAL;

/** A conseillers numériques record that is an orientation place, as that place: its kind and services first, the digital help after. */
export function asOrientationPlace(p: HelpPlaceRow): HelpPlaceRow {
  const real = REAL[p.source_ref]!;
  return { ...p, kind: real.kind, name: real.name, services: [...(ORIENTATION_SERVICES[real.kind] ?? []), ...p.services] };
}

/** The tenant whose agents manage the demo places (the Région, which runs the orientation service). */
export const DEMO_TENANT = 'bretagne';
export const DEMO_SOURCE = 'demonstration-orientation';

const DEMO: Array<{ ref: string; kind: HelpPlaceKind; name: string; commune: [code: string, name: string, postal: string, lat: number, lon: number]; hours: string }> = [
  { ref: 'ml-lorient', kind: 'mission_locale', name: 'Mission locale du Pays de Lorient', commune: ['56121', 'Lorient', '56100', 47.7482, -3.3702], hours: 'Mo-Fr 09:00-12:30,13:30-17:30' },
  { ref: 'cio-rennes', kind: 'cio', name: 'CIO de Rennes', commune: ['35238', 'Rennes', '35000', 48.1119, -1.6743], hours: 'Mo-Fr 09:00-12:30,13:30-17:30' },
  { ref: 'cio-saint-brieuc', kind: 'cio', name: 'CIO de Saint-Brieuc', commune: ['22278', 'Saint-Brieuc', '22000', 48.5136, -2.7603], hours: 'Mo-Fr 09:00-12:00,13:30-17:00' },
  { ref: 'pij-quimper', kind: 'information_jeunesse', name: 'Point Information Jeunesse de Quimper', commune: ['29232', 'Quimper', '29000', 47.9960, -4.1024], hours: 'Tu-Sa 13:30-18:00' },
  { ref: 'bij-brest', kind: 'information_jeunesse', name: 'Bureau Information Jeunesse de Brest', commune: ['29019', 'Brest', '29200', 48.3904, -4.4861], hours: 'Mo-Fr 13:00-18:00; Sa 10:00-12:30' },
  { ref: 'carif-oref', kind: 'carif_oref', name: 'Carif-Oref de Bretagne', commune: ['35238', 'Rennes', '35000', 48.1147, -1.6794], hours: 'Mo-Fr 09:00-12:00,14:00-17:00' },
];

export function demoOrientationPlaces(): Array<HelpPlaceRow & { tenant_id: string; external_id: string; demo: true }> {
  return DEMO.map((d) => ({
    kind: d.kind,
    name: d.name,
    address: '',
    postal_code: d.commune[2],
    commune_code: d.commune[0],
    commune_name: d.commune[1],
    departement_code: d.commune[0].slice(0, 2),
    latitude: d.commune[3],
    longitude: d.commune[4],
    phone: null,
    email: null,
    website: null,
    opening_hours: mediationHoursToFrench(d.hours),
    services: ORIENTATION_SERVICES[d.kind] ?? [],
    access_conditions: 'Gratuit',
    source: DEMO_SOURCE,
    source_ref: d.ref,
    source_date: '2026-12-03',
    tenant_id: DEMO_TENANT,
    external_id: d.ref,
    demo: true,
  }));
}
