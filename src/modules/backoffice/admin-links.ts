import type { Platform } from '../../platform/context';
import type { Role } from '../../platform/db/tables';
import { roleAllows } from '../../platform/auth/roles';
import { contentAdminLinks } from '../content';

export interface AdminSection {
  label: string;
  href: string;
  description: string;
  /** The least role the section's page asks for, read from its route's guard. */
  role: Role;
}

/** The back-office sections of this module, relative to /admin/t/:tenant. */
const OWN_SECTIONS: Array<{ path: string; label: string; description: string }> = [
  { path: '/identite', label: 'Identité visuelle', description: 'Nom, logo, couleur, présentation et coordonnées de la collectivité.' },
  { path: '/agents', label: 'Agents', description: 'Les personnes qui gèrent le site et leur rôle.' },
  { path: '/journal', label: 'Journal', description: 'Qui a fait quoi, et quand, dans l’espace de gestion.' },
];

function candidateSections(tenantId: string): Array<{ href: string; label: string; description: string }> {
  return [...contentAdminLinks(tenantId), ...OWN_SECTIONS.map((s) => ({ ...s, href: `/admin/t/${tenantId}${s.path}` }))];
}

export function tenantAdminHome(tenantId: string): string {
  return `/admin/t/${tenantId}/`;
}

/**
 * The sections an agent with `role` may open: a section appears only if its page exists (the
 * content module may not have registered it) and its guard lets the role in.
 */
export function tenantSections(platform: Pick<Platform, 'routes'>, tenantId: string, role: Role | undefined): AdminSection[] {
  const prefix = `/admin/t/${encodeURIComponent(tenantId)}`;
  const sections: AdminSection[] = [];
  for (const section of candidateSections(tenantId)) {
    const path = section.href.split('?')[0]!;
    if (!path.startsWith(prefix)) continue;
    const pattern = `/admin/t/:tenant${path.slice(prefix.length)}`;
    const route = platform.routes.find((r) => r.url === pattern && (r.method === 'GET' || (Array.isArray(r.method) && r.method.includes('GET'))));
    const needed = route?.config?.guard?.tenantRole;
    if (!route || !needed || !roleAllows(role, needed)) continue;
    sections.push({ label: section.label, href: section.href, description: section.description, role: needed });
  }
  return sections;
}
