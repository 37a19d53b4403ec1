import type { NewTenant } from '../src/platform/db/tables';

type SeedTenant = Omit<NewTenant, 'joined_at' | 'updated_at' | 'logo_media_id'> & { initials: string };

/**
 * The demo's authorities. Codes are the official ones (COG for the région, départements and
 * communes; SIREN for the EPCI); addresses and phone numbers are those published by each
 * authority for its reception desk. Host names are examples for local use.
 */
export const demoTenants: SeedTenant[] = [
  {
    id: 'bretagne', name: 'Région Bretagne', short_name: 'Région Bretagne', kind: 'region', cog_code: '53', parent_id: null,
    host: null, accent_color: '#0b5394', initials: 'RB',
    description: 'Les services publics en ligne de la Région Bretagne et des collectivités bretonnes.',
    contact_email: 'contact@bretagne.example', contact_phone: '02 99 27 10 10',
    contact_address: '283 avenue du Général Patton, 35700 Rennes',
  },
  {
    id: 'cotes-darmor', name: "Département des Côtes-d'Armor", short_name: "Côtes-d'Armor", kind: 'departement', cog_code: '22',
    parent_id: 'bretagne', host: 'cotesdarmor.localhost', accent_color: '#00677f', initials: '22',
    description: "Les services du Conseil départemental des Côtes-d'Armor.",
    contact_email: 'contact@cotesdarmor.example', contact_phone: '02 96 62 62 22', contact_address: '9 place du Général de Gaulle, 22000 Saint-Brieuc',
  },
  {
    id: 'finistere', name: 'Département du Finistère', short_name: 'Finistère', kind: 'departement', cog_code: '29',
    parent_id: 'bretagne', host: 'finistere.localhost', accent_color: '#8a1538', initials: '29',
    description: 'Les services du Conseil départemental du Finistère.',
    contact_email: 'contact@finistere.example', contact_phone: '02 98 76 20 20', contact_address: '32 boulevard Dupleix, 29000 Quimper',
  },
  {
    id: 'ille-et-vilaine', name: "Département d'Ille-et-Vilaine", short_name: 'Ille-et-Vilaine', kind: 'departement', cog_code: '35',
    parent_id: 'bretagne', host: 'ille-et-vilaine.localhost', accent_color: '#a3122c', initials: '35',
    description: "Les services du Conseil départemental d'Ille-et-Vilaine.",
    contact_email: 'contact@ille-et-vilaine.example', contact_phone: '02 99 02 35 35', contact_address: '1 avenue de la Préfecture, 35000 Rennes',
  },
  {
    id: 'morbihan', name: 'Département du Morbihan', short_name: 'Morbihan', kind: 'departement', cog_code: '56',
    parent_id: 'bretagne', host: 'morbihan.localhost', accent_color: '#2e5c0e', initials: '56',
    description: 'Les services du Conseil départemental du Morbihan.',
    contact_email: 'contact@morbihan.example', contact_phone: '02 97 54 80 00', contact_address: '2 rue de Saint-Tropez, 56000 Vannes',
  },
  {
    id: 'rennes-metropole', name: 'Rennes Métropole', short_name: 'Rennes Métropole', kind: 'epci', cog_code: '243500139',
    parent_id: 'ille-et-vilaine', host: 'rennes-metropole.localhost', accent_color: '#b0003a', initials: 'RM',
    description: 'Les services de Rennes Métropole et de ses 43 communes.',
    contact_email: 'contact@rennesmetropole.example', contact_phone: '02 99 86 60 60', contact_address: "Hôtel de Rennes Métropole, 4 avenue Henri Fréville, 35200 Rennes",
  },
  {
    id: 'brest-metropole', name: 'Brest métropole', short_name: 'Brest métropole', kind: 'epci', cog_code: '242900314',
    parent_id: 'finistere', host: 'brest-metropole.localhost', accent_color: '#005a8c', initials: 'BM',
    description: 'Les services de Brest métropole et de ses 8 communes.',
    contact_email: 'contact@brest-metropole.example', contact_phone: '02 98 33 50 50', contact_address: '24 rue Coat-ar-Guéven, 29200 Brest',
  },
  {
    id: 'rennes', name: 'Ville de Rennes', short_name: 'Rennes', kind: 'commune', cog_code: '35238', parent_id: 'rennes-metropole',
    host: 'rennes.localhost', accent_color: '#c2002f', initials: 'R',
    description: 'Les services de la Ville de Rennes.',
    contact_email: 'contact@rennes.example', contact_phone: '02 23 62 10 10', contact_address: "Hôtel de Ville, place de la Mairie, 35000 Rennes",
  },
  {
    id: 'brest', name: 'Ville de Brest', short_name: 'Brest', kind: 'commune', cog_code: '29019', parent_id: 'brest-metropole',
    host: 'brest.localhost', accent_color: '#00607a', initials: 'B',
    description: 'Les services de la Ville de Brest.',
    contact_email: 'contact@brest.example', contact_phone: '02 98 00 80 80', contact_address: "Hôtel de Ville, 2 rue Frézier, 29200 Brest",
  },
  {
    id: 'quimper', name: 'Ville de Quimper', short_name: 'Quimper', kind: 'commune', cog_code: '29232', parent_id: 'finistere',
    host: 'quimper.localhost', accent_color: '#1d4f91', initials: 'Q',
    description: 'Les services de la Ville de Quimper.',
    contact_email: 'contact@quimper.example', contact_phone: '02 98 98 89 89', contact_address: '44 place Saint-Corentin, 29000 Quimper',
  },
  {
    id: 'lorient', name: 'Ville de Lorient', short_name: 'Lorient', kind: 'commune', cog_code: '56121', parent_id: 'morbihan',
    host: 'lorient.localhost', accent_color: '#005f73', initials: 'L',
    description: 'Les services de la Ville de Lorient.',
    contact_email: 'contact@lorient.example', contact_phone: '02 97 02 22 00', contact_address: "Hôtel de Ville, 2 boulevard Leclerc, 56100 Lorient",
  },
  {
    id: 'vannes', name: 'Ville de Vannes', short_name: 'Vannes', kind: 'commune', cog_code: '56260', parent_id: 'morbihan',
    host: 'vannes.localhost', accent_color: '#6b2c91', initials: 'V',
    description: 'Les services de la Ville de Vannes.',
    contact_email: 'contact@vannes.example', contact_phone: '02 97 01 60 00', contact_address: "Hôtel de Ville, place Maurice Marchais, 56000 Vannes",
  },
  {
    id: 'saint-brieuc', name: 'Ville de Saint-Brieuc', short_name: 'Saint-Brieuc', kind: 'commune', cog_code: '22278', parent_id: 'cotes-darmor',
    host: 'saint-brieuc.localhost', accent_color: '#00594f', initials: 'SB',
    description: 'Les services de la Ville de Saint-Brieuc.',
    contact_email: 'contact@saint-brieuc.example', contact_phone: '02 96 62 54 00', contact_address: "Hôtel de Ville, place du Général de Gaulle, 22000 Saint-Brieuc",
  },
];
