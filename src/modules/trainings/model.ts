/**
 * A training as Guichet holds it, on the model of LHEO 2.3 (docs/orientation.md, « Formations »):
 * the formation (what one learns, the certification, the jobs it leads to), its organisme, its
 * actions (one place, one way of teaching, a price) and their sessions (dates, places left).
 * The JSON export writes this shape; the LHEO import and export map it element by element.
 */
export type Modality = 'presentiel' | 'mixte' | 'distance';
export type SessionState = 'ouvert' | 'ferme' | 'suspendu';

export interface TrainingSession {
  id: string;
  start: string;
  end: string;
  placesLeft: number | null;
  state: SessionState;
  enrolUntil: string | null;
}

export interface TrainingPlace {
  address: string;
  postalCode: string;
  communeCode: string | null;
  commune: string;
  latitude: number | null;
  longitude: number | null;
}

export interface TrainingAction {
  id: string;
  modality: Modality;
  alternance: boolean;
  hours: number | null;
  /** Total price in euros, TTC; null when not said, 0 when free for the person. */
  price: number | null;
  publics: string[];
  publicText: string;
  financers: string[];
  place: TrainingPlace;
  housing: string;
  transport: string;
  meals: string;
  sessions: TrainingSession[];
}

export interface Organisme {
  id: string;
  name: string;
  siret: string | null;
  activityNumber: string | null;
  phone: string | null;
  email: string | null;
  web: string | null;
}

export interface Training {
  id: string;
  title: string;
  objective: string;
  content: string;
  results: string;
  /** LHEO dict-niveaux code (0 not said … 8); see LEVELS. */
  entryLevel: number;
  exitLevel: number | null;
  certifying: boolean;
  rncp: string | null;
  rs: string | null;
  url: string | null;
  contact: { name: string | null; phone: string | null; email: string | null };
  romeCodes: string[];
  /** Generated for the demo, not a real offer: every page and export says « Donnée de démonstration ». */
  demo: boolean;
  organisme: Organisme;
  actions: TrainingAction[];
}

export const DEMO_MENTION = 'Donnée de démonstration';

/** LHEO's dict-niveaux, in the words of the 2019 national nomenclature. */
export const LEVELS: Record<number, string> = {
  0: 'Niveau non précisé',
  1: 'Sans niveau particulier',
  2: 'Savoirs de base',
  3: 'Préqualification',
  4: 'CAP, BEP (niveau 3)',
  5: 'Bac (niveau 4)',
  6: 'Bac + 2 (niveau 5)',
  7: 'Bac + 3 ou 4 (niveau 6)',
  8: 'Bac + 5 et plus (niveau 7 ou 8)',
};

export const MODALITIES: Record<Modality, string> = {
  presentiel: 'Sur place',
  mixte: 'Sur place et à distance',
  distance: 'À distance',
};

/** Who may pay for it: our keys, mapped from LHEO's dict-financeurs (code-financeur). */
export const FINANCERS: Record<string, string> = {
  region: 'Région',
  france_travail: 'France Travail',
  cpf: 'Compte personnel de formation (CPF)',
  opco: 'Opérateur de compétences (employeur)',
  transitions_pro: 'Transitions Pro',
  agefiph: 'Agefiph',
  etat: 'État',
  personne: 'La personne elle-même',
  autre: 'Autre financeur',
};

/** LHEO code-financeur → our key (the dict-financeurs of LHEO 2.x). */
export const LHEO_FINANCERS: Record<string, string> = {
  '0': 'autre', '2': 'region', '3': 'autre', '4': 'france_travail', '5': 'opco', '7': 'agefiph', '8': 'autre', '9': 'autre',
  '10': 'personne', '11': 'etat', '12': 'etat', '13': 'etat', '14': 'autre', '15': 'autre', '16': 'opco', '17': 'transitions_pro',
};

export const PUBLICS: Record<string, string> = {
  tout_public: 'Tout public',
  demandeur_emploi: 'Personnes qui cherchent un emploi',
  salarie: 'Salariés et salariées',
  jeune: 'Jeunes de 16 à 25 ans',
  personne_handicapee: 'Personnes en situation de handicap',
};

export const SESSION_STATES: Record<SessionState, string> = { ouvert: 'Inscriptions ouvertes', ferme: 'Inscriptions fermées', suspendu: 'Inscriptions suspendues' };
