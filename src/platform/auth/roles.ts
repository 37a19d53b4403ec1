import type { Role } from '../db/tables';

/**
 * The roles of an agent in a tenant: lecteur < {editeur, instructeur, conseiller} < administrateur.
 * Éditeur, instructeur and conseiller are side by side, not one above the other (least privilege):
 * whoever writes pages and aids does not handle people's applications, and the other way round;
 * a conseiller (orientation counsellor, issue 15 d.10) writes the counsellors' notes of job
 * sheets, reads the pro-only pages and builds selections for people, nothing else.
 */
export const ROLES: readonly Role[] = ['lecteur', 'editeur', 'instructeur', 'conseiller', 'administrateur'];

export const ROLE_LABELS: Record<Role, string> = {
  administrateur: 'Administrateur',
  editeur: 'Éditeur',
  instructeur: 'Instructeur',
  conseiller: 'Conseiller d’orientation',
  lecteur: 'Lecteur',
};

/** What each role may do, in one plain sentence, shown wherever a role is chosen. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  lecteur: 'Consulte l’espace de gestion (contenus, aides, demandes) sans rien modifier.',
  editeur: 'Écrit et publie les pages, les actualités, le menu, les aides et leurs formulaires de demande.',
  instructeur: 'Examine les demandes d’aide des personnes : étapes, documents demandés, messages, notes et décision.',
  conseiller: 'Conseille les personnes sur leur orientation : écrit le mot des conseillers des fiches métiers, lit les pages réservées aux professionnels, prépare et partage des sélections.',
  administrateur: 'Peut tout faire, et gère aussi l’identité visuelle, les agents et les applications connectées.',
};

/**
 * Whether the role `held` gives what `needed` asks: the same role, or administrateur (who may do
 * everything), or any role when only reading (lecteur) is needed.
 */
export function roleAllows(held: Role | undefined, needed: Role): boolean {
  if (!held) return false;
  return held === needed || held === 'administrateur' || needed === 'lecteur';
}
