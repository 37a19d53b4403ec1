/** The kinds of help places, their plain-French names, and the « orientation » group (issue 15 c.6). */
import type { HelpPlaceKind } from './tables';

export const KINDS: readonly HelpPlaceKind[] = ['france_services', 'mediation_numerique', 'cio', 'mission_locale', 'information_jeunesse', 'maison_emploi', 'carif_oref'];

/** The places where a counsellor helps to choose studies, a job or a training. */
export const ORIENTATION_KINDS: readonly HelpPlaceKind[] = ['cio', 'mission_locale', 'information_jeunesse', 'maison_emploi', 'carif_oref'];

/** The `type` filter value that means every orientation kind at once. */
export const ORIENTATION_TYPE = 'orientation';

/** The name shown on each place (and indexed by the search). */
export const KIND_LABELS: Record<HelpPlaceKind, string> = {
  france_services: 'France Services',
  mediation_numerique: 'Médiation numérique',
  cio: 'Centre d’information et d’orientation (CIO)',
  mission_locale: 'Mission locale',
  information_jeunesse: 'Information Jeunesse',
  maison_emploi: 'Maison de l’emploi',
  carif_oref: 'Carif-Oref',
};

/** What one goes there for, in the « Type de lieu » list. */
export const KIND_CHOICES: Record<HelpPlaceKind, string> = {
  france_services: 'France Services (démarches administratives)',
  mediation_numerique: 'Médiation numérique (utiliser le numérique)',
  cio: 'CIO (choisir ses études, un métier)',
  mission_locale: 'Mission locale (16 à 25 ans : emploi, formation, logement)',
  information_jeunesse: 'Information Jeunesse (jeunes : études, métiers, vie pratique)',
  maison_emploi: 'Maison de l’emploi (trouver un emploi, se former)',
  carif_oref: 'Carif-Oref (s’informer sur les formations)',
};

export const isKind = (value: string): value is HelpPlaceKind => (KINDS as readonly string[]).includes(value);

/** The kinds a `type` filter value names (undefined: every kind), or null when the value is unknown. */
export function kindsOfType(type: string): readonly HelpPlaceKind[] | undefined | null {
  if (!type) return undefined;
  if (type === ORIENTATION_TYPE) return ORIENTATION_KINDS;
  return isKind(type) ? [type] : null;
}

/** The options of the « Type de lieu » select. */
export function typeOptions() {
  return {
    options: [
      { value: '', label: 'Tous les lieux' },
      { value: 'france_services', label: KIND_CHOICES.france_services },
      { value: 'mediation_numerique', label: KIND_CHOICES.mediation_numerique },
    ],
    groups: [
      {
        label: 'S’orienter : études, métier, emploi',
        options: [{ value: ORIENTATION_TYPE, label: 'Tous les lieux d’orientation' }, ...ORIENTATION_KINDS.map((k) => ({ value: k, label: KIND_CHOICES[k] }))],
      },
    ],
  };
}
