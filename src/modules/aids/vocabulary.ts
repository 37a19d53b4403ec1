/**
 * The closed lists an aid's record uses (docs/aid-format.md): audiences, themes, kinds of aid and
 * of porteur, territory levels, and the values eligibility conditions compare with. Keys are the
 * stored identifiers; values are the French labels a person reads.
 */
import { SITUATIONS } from '../profile';

export const AUDIENCES = {
  particulier: 'Particuliers',
  jeune: 'Jeunes',
  etudiant: 'Étudiants et étudiantes',
  lyceen: 'Lycéens et lycéennes',
  apprenti: 'Apprentis et apprenties',
  demandeur_emploi: "Demandeurs et demandeuses d'emploi",
  salarie: 'Salariés et salariées',
  independant: 'Travailleurs indépendants',
  retraite: 'Retraités et retraitées',
  famille: 'Familles',
  personne_handicapee: 'Personnes en situation de handicap',
  entreprise: 'Entreprises',
  association: 'Associations',
  commune: 'Communes et intercommunalités',
} as const;
export type Audience = keyof typeof AUDIENCES;

export const THEMES = {
  logement: 'Logement',
  mobilite: 'Transports et mobilité',
  permis: 'Permis de conduire',
  formation: 'Formation',
  emploi: 'Emploi',
  etudes: 'Études et scolarité',
  international: 'Séjours à l’étranger',
  engagement: 'Animation et engagement',
  sante: 'Santé',
  famille: 'Famille et enfants',
  handicap: 'Handicap et autonomie',
  culture_loisirs: 'Culture, sport et loisirs',
  energie: 'Énergie',
  alimentation: 'Alimentation',
  ressources: 'Revenus et ressources',
  vie_associative: 'Vie associative',
} as const;
export type Theme = keyof typeof THEMES;

export const AID_TYPES = {
  subvention: 'Aide financière (subvention)',
  allocation: 'Allocation versée régulièrement',
  pret: 'Prêt',
  avance_remboursable: 'Avance remboursable',
  garantie: 'Garantie',
  aide_en_nature: 'Aide en nature',
  reduction_tarifaire: 'Réduction de prix ou gratuité',
  exoneration: 'Exonération',
  accompagnement: 'Accompagnement et conseil',
} as const;
export type AidType = keyof typeof AID_TYPES;

export const PORTEUR_KINDS = {
  region: 'Région',
  departement: 'Département',
  epci: 'Intercommunalité',
  commune: 'Commune',
  etat: 'État',
  organisme_national: 'Organisme national',
  caf: 'Caisse d’allocations familiales',
  msa: 'Mutualité sociale agricole',
  europe: 'Union européenne',
  association: 'Association',
  autre: 'Autre organisme',
} as const;
export type PorteurKind = keyof typeof PORTEUR_KINDS;

export const TERRITORY_LEVELS = { region: 'région', departement: 'département', epci: 'intercommunalité', commune: 'commune' } as const;
export type TerritoryLevel = keyof typeof TERRITORY_LEVELS;

/** The person's situation: the profile's situations, plus handicap (asked separately). */
export const CONDITION_SITUATIONS = { ...SITUATIONS, handicap: 'En situation de handicap' } as const;
export type ConditionSituation = keyof typeof CONDITION_SITUATIONS;

/** Current year of study (aides-jeunes' « annee_etude » values). */
export const STUDY_LEVELS = {
  college: 'collège',
  cap_1: '1re année de CAP',
  cap_2: '2e année de CAP',
  seconde: 'seconde',
  premiere: 'première',
  terminale: 'terminale',
  bts_1: '1re année de BTS',
  bts_2: '2e année de BTS',
  but_1: '1re année de BUT',
  but_2: '2e année de BUT',
  but_3: '3e année de BUT',
  licence_1: '1re année de licence',
  licence_2: '2e année de licence',
  licence_3: '3e année de licence',
  master_1: '1re année de master',
  master_2: '2e année de master',
  doctorat: 'doctorat',
} as const;
export type StudyLevel = keyof typeof STUDY_LEVELS;

/** Highest diploma, by the national nomenclature's levels (3 = CAP … 8 = doctorat). */
export const DIPLOMA_LEVELS = {
  sans: 'sans diplôme',
  '3': 'CAP ou BEP',
  '4': 'baccalauréat',
  '5': 'bac + 2 (BTS, DUT)',
  '6': 'bac + 3 (licence, BUT)',
  '7': 'bac + 5 (master)',
  '8': 'doctorat',
} as const;
export type DiplomaLevel = keyof typeof DIPLOMA_LEVELS;

export const INCOME_BASES = {
  quotient_familial: 'quotient familial',
  revenu_fiscal_par_part: 'revenu fiscal de référence par part',
  revenu_fiscal: 'revenu fiscal de référence du foyer',
  ressources_mensuelles: 'ressources du foyer',
} as const;
export type IncomeBasis = keyof typeof INCOME_BASES;
