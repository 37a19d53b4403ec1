/**
 * Demo events of the agenda (issue 15 c.7): 40 plausible orientation events at real Breton places,
 * dated relative to the day the seed runs (so the demo never goes stale) with stable ids. None is
 * backed by a public fact: every one is marked « Donnée de démonstration » on its page. At every
 * start, demo events over for more than 30 days move 26 weeks later (same weekday), so the list stays
 * full while a few recent past events keep showing that a past event's page stays.
 */
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../src/platform/db/tables';
import { communeCentres } from '../src/modules/territories';
import type { AgendaTables } from '../src/modules/agenda';
import { seedId } from './ids';

type Kind = 'salon' | 'forum' | 'portes_ouvertes' | 'job_dating' | 'atelier';
// [key, tenant, kind, title, place, address, INSEE, commune, day offset, start, end, audiences, theme, ROME codes, domains]
type Row = [string, string, Kind, string, string, string, string, string, number, string, string, string[], string, string[], string[]];

const L = ['lyceens'];
const LE = ['lyceens', 'etudiants'];
const C = ['collegiens', 'parents'];
const D = ['demandeurs', 'adultes'];
const A = ['apprentis', 'lyceens'];

export const DEMO_EVENTS: Row[] = [
  ['po-dupuy-de-lome', 'lorient', 'portes_ouvertes', 'Portes ouvertes du lycée Dupuy-de-Lôme', 'Lycée Dupuy-de-Lôme', '4 rue Jean le Coutaller', '56121', 'Lorient', 10, '09:00', '13:00', L, 'formations', ['H2913', 'I1304'], ['H']],
  ['po-iut-lorient', 'lorient', 'portes_ouvertes', 'Portes ouvertes de l’IUT de Lorient', 'IUT de Lorient-Pontivy', '10 rue Jean Zay', '56121', 'Lorient', 24, '09:30', '16:30', LE, 'formations', ['M1805'], ['M', 'H']],
  ['po-colbert', 'lorient', 'portes_ouvertes', 'Portes ouvertes du lycée Colbert', 'Lycée Colbert', '117 boulevard Léon Blum', '56121', 'Lorient', 38, '09:00', '12:30', L, 'formations', [], ['M']],
  ['fo-apprentissage-lorient', 'morbihan', 'forum', 'Forum de l’apprentissage du pays de Lorient', 'Palais des congrès de Lorient', 'Quai du Péristyle', '56121', 'Lorient', 17, '10:00', '17:00', A, 'alternance', ['D1102', 'G1602', 'I1604'], []],
  ['jd-lanester', 'lorient', 'job_dating', 'Job dating de la saison d’été', 'Espace Mandela', 'Rue Jean-Paul Sartre', '56098', 'Lanester', 45, '14:00', '18:00', ['demandeurs', 'etudiants'], 'emploi', ['G1602', 'G1803'], ['G']],
  ['at-ploemeur-metiers-mer', 'lorient', 'atelier', 'Atelier : les métiers de la mer', 'Médiathèque de Ploemeur', 'Rue Saint-Mathieu', '56162', 'Ploemeur', 31, '14:00', '16:00', C, 'metiers', ['A1414'], ['N']],
  ['po-hennebont-agricole', 'morbihan', 'portes_ouvertes', 'Portes ouvertes du lycée agricole', 'Lycée Émile-James', '56 rue Chevalier', '56083', 'Hennebont', 52, '09:00', '17:00', L, 'formations', ['A1414', 'A1203'], ['A']],
  ['sa-vannes-etudes', 'vannes', 'salon', 'Salon des études supérieures de Vannes', 'Parc des expositions de Vannes (Chorus)', 'Rue Daniel Gilard', '56260', 'Vannes', 40, '09:00', '17:00', LE, 'formations', [], []],
  ['po-ubs-vannes', 'vannes', 'portes_ouvertes', 'Portes ouvertes de l’université, campus de Vannes', 'Campus de Tohannic', 'Rue André Lwoff', '56260', 'Vannes', 59, '09:30', '16:00', LE, 'formations', ['M1805', 'M1607'], []],
  ['at-auray-cv', 'morbihan', 'atelier', 'Atelier CV et lettre pour l’alternance', 'Mission locale du pays d’Auray', 'Rue du Danemark', '56007', 'Auray', 12, '14:00', '16:30', A, 'alternance', [], []],
  ['fo-pontivy-emploi', 'morbihan', 'forum', 'Forum de l’emploi du centre Bretagne', 'Palais des congrès de Pontivy', 'Quai Niémen', '56178', 'Pontivy', 26, '09:30', '16:30', D, 'emploi', ['N4101', 'H2909'], ['N', 'H']],
  ['po-ploermel-btp', 'morbihan', 'portes_ouvertes', 'Portes ouvertes du CFA du bâtiment', 'CFA du bâtiment', 'Rue de la Gare', '56165', 'Ploërmel', 66, '09:00', '16:00', A, 'alternance', ['F1703'], ['F']],
  ['sa-rennes-formation', 'rennes-metropole', 'salon', 'Salon de l’orientation et des formations', 'Parc des expositions Rennes Aéroport', 'La Haie Gautrais', '35047', 'Bruz', 47, '09:00', '18:00', LE, 'formations', [], []],
  ['po-beaulieu', 'rennes', 'portes_ouvertes', 'Portes ouvertes du campus de Beaulieu', 'Campus de Beaulieu', '263 avenue du Général Leclerc', '35238', 'Rennes', 61, '09:00', '17:00', LE, 'formations', ['M1805'], ['H', 'M']],
  ['jd-rennes-numerique', 'rennes-metropole', 'job_dating', 'Job dating des métiers du numérique', 'Le Couvent des Jacobins', '20 place Sainte-Anne', '35238', 'Rennes', 19, '13:30', '18:00', ['etudiants', 'demandeurs'], 'emploi', ['M1805', 'M1607'], ['M']],
  ['at-rennes-sante', 'rennes', 'atelier', 'Atelier découverte des métiers de la santé', 'Espace jeunes Le 4Bis', '4 bis cours des Alliés', '35238', 'Rennes', 8, '14:00', '17:00', LE, 'metiers', ['J1506', 'J1501'], ['J']],
  ['fo-cesson-industrie', 'rennes-metropole', 'forum', 'Forum des métiers de l’industrie', 'Carré Sévigné', '1 rue du Bac', '35051', 'Cesson-Sévigné', 33, '09:30', '17:00', ['lyceens', 'demandeurs'], 'metiers', ['H2913', 'H2909', 'H1502'], ['H']],
  ['po-saint-malo-hotellerie', 'ille-et-vilaine', 'portes_ouvertes', 'Portes ouvertes du lycée hôtelier', 'Lycée hôtelier de Saint-Malo', '1 rue Pierre de Coubertin', '35288', 'Saint-Malo', 22, '09:00', '13:00', L, 'formations', ['G1602', 'G1803'], ['G']],
  ['fo-fougeres', 'ille-et-vilaine', 'forum', 'Forum des métiers du pays de Fougères', 'Espace Aumaillerie', 'Rue de la Pinterie', '35115', 'Fougères', 54, '09:00', '16:00', C, 'metiers', [], []],
  ['at-vitre-alternance', 'ille-et-vilaine', 'atelier', 'Atelier : trouver son entreprise d’apprentissage', 'Point information jeunesse de Vitré', 'Place du Champ de Foire', '35360', 'Vitré', 15, '10:00', '12:00', A, 'alternance', [], []],
  ['sa-redon-agri', 'ille-et-vilaine', 'salon', 'Salon des métiers de l’agriculture', 'Halle du Parc des expositions', 'Rue de la Gare', '35236', 'Redon', 75, '09:30', '17:30', ['collegiens', 'lyceens'], 'metiers', ['A1414', 'A1203'], ['A']],
  ['sa-azimut-brest', 'brest-metropole', 'salon', 'Salon de l’orientation de Brest', 'Parc des expositions de Penfeld', 'Rue de Penfeld', '29019', 'Brest', 43, '09:00', '17:00', LE, 'formations', [], []],
  ['po-ubo-brest', 'brest', 'portes_ouvertes', 'Portes ouvertes de l’université de Bretagne occidentale', 'Faculté des sciences', '6 avenue Victor Le Gorgeu', '29019', 'Brest', 57, '09:00', '17:00', LE, 'formations', [], []],
  ['jd-brest-port', 'brest-metropole', 'job_dating', 'Job dating des métiers portuaires', 'Le Quartz', '60 rue du Château', '29019', 'Brest', 29, '14:00', '18:00', D, 'emploi', ['N1103', 'N4101'], ['N']],
  ['at-plouzane-mer', 'brest-metropole', 'atelier', 'Atelier : les métiers des sciences de la mer', 'Technopôle Brest-Iroise', '40 rue Jim Sévellec', '29212', 'Plouzané', 36, '14:00', '17:00', LE, 'metiers', [], ['A', 'K']],
  ['fo-landerneau', 'finistere', 'forum', 'Forum des métiers du pays de Landerneau', 'Salle Saint-Ernel', 'Rue Saint-Ernel', '29103', 'Landerneau', 20, '09:00', '16:00', C, 'metiers', [], []],
  ['po-quimper-chaptal', 'quimper', 'portes_ouvertes', 'Portes ouvertes du lycée Chaptal', 'Lycée Chaptal', '35 chemin des Justices', '29232', 'Quimper', 50, '09:00', '12:30', L, 'formations', ['I1604'], ['I']],
  ['sa-quimper-alternance', 'quimper', 'salon', 'Salon de l’alternance de Cornouaille', 'Parc des expositions de Quimper Cornouaille', 'Route de Brest', '29232', 'Quimper', 27, '09:30', '17:00', A, 'alternance', ['D1102', 'D1106'], ['D']],
  ['at-concarneau-peche', 'finistere', 'atelier', 'Atelier : découvrir les métiers de la pêche', 'Lycée maritime de Concarneau', 'Rue de Kerandon', '29039', 'Concarneau', 64, '14:00', '16:30', C, 'metiers', [], ['A']],
  ['po-quimperle', 'finistere', 'portes_ouvertes', 'Portes ouvertes du lycée de Kerneuzec', 'Lycée de Kerneuzec', 'Boulevard Kerneuzec', '29233', 'Quimperlé', 45, '09:00', '13:00', L, 'formations', [], []],
  ['jd-morlaix', 'finistere', 'job_dating', 'Job dating de l’agroalimentaire', 'Espace du Roudour', 'Rue du Roudour', '29151', 'Morlaix', 34, '09:30', '12:30', D, 'emploi', ['H2909', 'D1106'], ['H']],
  ['fo-carhaix', 'finistere', 'forum', 'Forum des formations du centre ouest Bretagne', 'Espace Glenmor', 'Rue Jean Monnet', '29024', 'Carhaix-Plouguer', 68, '09:00', '16:00', ['lyceens', 'parents'], 'formations', [], []],
  ['sa-saint-brieuc', 'saint-brieuc', 'salon', 'Salon de l’orientation de Saint-Brieuc', 'Parc des expositions Brézillet', 'Rue du Parc', '22278', 'Saint-Brieuc', 39, '09:00', '17:00', LE, 'formations', [], []],
  ['po-saint-brieuc-sante', 'saint-brieuc', 'portes_ouvertes', 'Portes ouvertes de l’institut de formation en soins infirmiers', 'Institut de formation en soins infirmiers', 'Rue Marcel Proust', '22278', 'Saint-Brieuc', 55, '09:30', '16:00', LE, 'formations', ['J1506'], ['J']],
  ['at-lannion-numerique', 'cotes-darmor', 'atelier', 'Atelier : coder son premier site', 'Espace jeunes de Lannion', 'Rue Joseph Morand', '22113', 'Lannion', 14, '14:00', '17:00', C, 'metiers', ['M1805'], ['M']],
  ['fo-guingamp', 'cotes-darmor', 'forum', 'Forum de l’emploi saisonnier', 'Salle Héliosphère', 'Rue de la Madeleine', '22070', 'Guingamp', 48, '09:30', '13:00', ['etudiants', 'demandeurs'], 'emploi', ['G1602', 'G1803'], ['G']],
  ['po-dinan', 'cotes-darmor', 'portes_ouvertes', 'Portes ouvertes du lycée de la Fontaine des Eaux', 'Lycée de la Fontaine des Eaux', 'Rue de la Fontaine des Eaux', '22050', 'Dinan', 62, '09:00', '12:00', L, 'formations', [], []],
  ['jd-loudeac', 'cotes-darmor', 'job_dating', 'Job dating de l’industrie agroalimentaire', 'Palais des congrès de Loudéac', 'Rue de la Chesnaie', '22136', 'Loudéac', 71, '14:00', '17:30', D, 'emploi', ['H2909'], ['H']],
  ['sa-lamballe-creation', 'cotes-darmor', 'salon', 'Salon de la création d’activité', 'Quai des rêves', 'Boulevard Jobert', '22093', 'Lamballe-Armor', 80, '09:30', '17:00', ['adultes', 'demandeurs'], 'creation', [], []],
  ['at-caudan-international', 'morbihan', 'atelier', 'Atelier : étudier ou travailler à l’étranger', 'Médiathèque de Caudan', 'Rue de la Libération', '56036', 'Caudan', 6, '17:00', '19:00', LE, 'international', [], []],
];

/** Adds the missing demo events; moves those over for more than 30 days half a year later. */
export async function seedAgenda(platformDb: Kysely<PlatformTables>, now = new Date()): Promise<boolean> {
  const db = platformDb as unknown as Kysely<AgendaTables>;
  const existing = new Set((await db.selectFrom('agenda_events').select('id').where('source', '=', 'demo').execute()).map((r) => r.id));
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  // Paris is UTC+1 in winter, UTC+2 in summer: the demo's hours are approximate by one hour at most, which a demo can bear.
  const at = (offset: number, time: string) => new Date(today + offset * 86_400_000 + (Number(time.slice(0, 2)) - 1) * 3_600_000 + Number(time.slice(3)) * 60_000);
  const rows = DEMO_EVENTS.filter(([key]) => !existing.has(seedId('agenda', key))).map(([key, tenant, kind, title, place, address, insee, commune, offset, start, end, audiences, theme, rome, domains]) => {
    const centre = communeCentres().get(insee);
    return {
      id: seedId('agenda', key), tenant_id: tenant, kind, title, summary: '', description: '', starts_at: at(offset, start), ends_at: at(offset, end),
      place_name: place, address, commune_code: insee, commune_name: commune, latitude: centre?.lat ?? null, longitude: centre?.lon ?? null,
      audiences, theme, rome_codes: rome, domains, registration_url: null, organiser: '', demo: true, source: 'demo' as const, published: true,
    };
  });
  if (rows.length) await db.insertInto('agenda_events').values(rows).execute();
  const shifted = await db
    .updateTable('agenda_events')
    .set((eb) => ({ starts_at: sql`starts_at + interval '182 days'`, ends_at: sql`ends_at + interval '182 days'`, version: eb('version', '+', 1) }) as never)
    .where('source', '=', 'demo')
    .where('ends_at', '<', new Date(now.getTime() - 30 * 86_400_000))
    .executeTakeFirst();
  return rows.length > 0 || Number(shifted.numUpdatedRows) > 0;
}
