import type { Role } from '../src/platform/db/tables';

/** Demo only: every seeded agent has this password (printed in the README and at start). */
export const DEMO_PASSWORD = 'Guichet-demo-2026';

export const demoRoles: Role[] = ['administrateur', 'editeur', 'instructeur', 'conseiller', 'lecteur'];

const rolePrefix: Record<Role, string> = { administrateur: 'admin', editeur: 'editeur', instructeur: 'instructeur', conseiller: 'conseiller', lecteur: 'lecteur' };

export function demoAgentEmail(role: Role, tenantId: string): string {
  return `${rolePrefix[role]}.${tenantId}@demo.guichet.bzh`;
}
