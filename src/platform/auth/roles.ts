import type { Role } from '../db/tables';

export const ROLES: readonly Role[] = ['lecteur', 'editeur', 'administrateur'];

export const ROLE_LABELS: Record<Role, string> = {
  administrateur: 'Administrateur',
  editeur: 'Éditeur',
  lecteur: 'Lecteur',
};

/** Each role includes the rights of the roles before it in ROLES. */
export function roleAllows(held: Role | undefined, needed: Role): boolean {
  if (!held) return false;
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}
