import type { AdminSectionDefinition } from '../../platform/views/admin';

/** The back-office sections this module serves, relative to /admin/t/:tenant. */
export const backofficeSections: AdminSectionDefinition[] = [
  { path: '/identite', label: 'Identité visuelle', description: 'Nom, logo, couleur, présentation et coordonnées de la collectivité.', group: 'reglages' },
  { path: '/agents', label: 'Agents', description: 'Les personnes qui gèrent le site et leur rôle.', group: 'equipe' },
  { path: '/journal', label: 'Journal', description: 'Qui a fait quoi, et quand, dans l’espace de gestion.', group: 'equipe' },
];
