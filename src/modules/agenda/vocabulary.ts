import type { EventKind } from './tables';

export const AGENDA_PATH = '/agenda';
export const EVENT_DOCUMENT_TYPE = 'evenement';

export const KINDS: Record<EventKind, string> = {
  salon: 'Salon',
  forum: 'Forum',
  portes_ouvertes: 'Portes ouvertes',
  job_dating: 'Job dating',
  atelier: 'Atelier',
};

export const AUDIENCES: Record<string, string> = {
  collegiens: 'Collégiens',
  lyceens: 'Lycéens',
  etudiants: 'Étudiants',
  apprentis: 'Apprentis et alternants',
  demandeurs: 'Demandeurs d’emploi',
  adultes: 'Adultes en reconversion',
  parents: 'Parents',
};

export const THEMES: Record<string, string> = {
  metiers: 'Découvrir des métiers',
  formations: 'Choisir une formation',
  alternance: 'Apprentissage et alternance',
  emploi: 'Trouver un emploi',
  creation: 'Créer son activité',
  international: 'Partir à l’étranger',
};

/** A kind typed in French or in OpenAgenda keywords, to our kind (undefined when none fits). */
export function kindFromWords(words: string): EventKind | undefined {
  const w = words.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (/job.?dating/.test(w)) return 'job_dating';
  if (/portes?.ouvertes?|journee.ouverte|mini.stage|immersion/.test(w)) return 'portes_ouvertes';
  if (/forum/.test(w)) return 'forum';
  if (/salon|rencontre/.test(w)) return 'salon';
  if (/atelier|conference|visite|table.ronde/.test(w)) return 'atelier';
  return undefined;
}
