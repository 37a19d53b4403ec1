/**
 * Aids of Bretagne that aides-jeunes generates in code (car-pooling incentives, FSL, APA) and the
 * bicycle purchase aids of the aides-vélo model (seed/data/*\/SOURCE.txt), in Guichet's format.
 */
import type { Aid, Condition, TerritoryLevel } from '../../src/modules/aids/format';
import { AIDES_JEUNES_DATE } from './aides-jeunes';
import { placeName } from './places';

const AIDES_JEUNES = 'aides-jeunes (beta.gouv.fr, 1jeune1solution)';
const AIDES_VELO = 'aides-vélo (beta.gouv.fr, modèle Publicodes)';
/** When Guichet transcribed the source (the source itself marks several aids « à vérifier »). */
const AIDES_VELO_DATE = '2026-11-25';

function residence(level: TerritoryLevel, code: string): Condition {
  return { type: 'residence', level, codes: [code], names: [placeName(level, code)] };
}

function area(level: TerritoryLevel, code: string) {
  return { level, code, name: placeName(level, code) };
}

export interface CovoiturageEntry {
  code_siren: string;
  epci_name: string;
  link: string;
  conducteur_montant_max_par_mois: number | null;
  passager_gratuite: string;
  operateurs: string;
}

const TENANT_EPCI: Record<string, string> = { '243500139': 'rennes-metropole', '242900314': 'brest-metropole' };

export function covoiturageAid(entry: CovoiturageEntry): { aid: Aid; tenantId: string } {
  const name = placeName('epci', entry.code_siren);
  const free = entry.passager_gratuite === 'Oui';
  const driver = entry.conducteur_montant_max_par_mois;
  const tenantId = TENANT_EPCI[entry.code_siren];
  const operator = entry.operateurs.replace(/\s+/g, ' ').trim();
  const aid: Aid = {
    id: `covoiturage-${entry.code_siren}`,
    name: `Incitation au covoiturage – ${name}`,
    summary: `${name} paie les conducteurs et conductrices qui covoiturent sur ses trajets du quotidien${driver ? ` (jusqu’à ${driver} € par mois)` : ''}${free ? ', et les passagers voyagent gratuitement' : ''}, en réservant avec l’application ${operator}.`,
    porteur: { name, kind: 'epci', siren: entry.code_siren, ...(tenantId ? { tenant_id: tenantId } : {}) },
    audiences: ['particulier', 'salarie'],
    themes: ['mobilite'],
    aid_types: free ? ['subvention', 'reduction_tarifaire'] : ['subvention'],
    ...(driver ? { amount: { max: driver, unit: '€' as const, period: 'month' as const, note: 'pour les conducteurs et conductrices' } } : {}),
    territory: { scope: 'local', areas: [area('epci', entry.code_siren)] },
    dates: { permanent: true },
    recurrence: 'permanente',
    documents: [],
    link: entry.link,
    last_verified: AIDES_JEUNES_DATE,
    eligibility: {
      type: 'all',
      conditions: [
        { type: 'text', text: `Faire un trajet en covoiturage qui commence ou finit sur le territoire de ${name}`, origin: 'aides-jeunes:incitations-covoiturage', blocking: false },
        { type: 'text', text: `Réserver le trajet avec l’application ${operator}`, origin: 'aides-jeunes:incitations-covoiturage', blocking: false },
      ],
    },
    source: { dataset: AIDES_JEUNES, reference: `data/benefits/dynamic/incitations-covoiturage.json (${entry.code_siren})` },
  };
  return { aid, tenantId: tenantId ?? 'bretagne' };
}

interface DynamicEntry {
  institution: string;
  level: TerritoryLevel;
  code: string;
  porteur: string;
  tenant: string;
  link: string;
  form?: string;
  excludedEpci?: string;
}

export function fslAid(e: DynamicEntry): { aid: Aid; tenantId: string } {
  const where = placeName(e.level, e.code);
  const conditions: Condition[] = [residence(e.level, e.code)];
  if (e.excludedEpci) conditions.push({ type: 'not', condition: residence('epci', e.excludedEpci) });
  conditions.push(
    { type: 'text', text: 'Ne pas être logé ou logée gratuitement, ni sans domicile', origin: 'aides-jeunes:statut_occupation_logement' },
    { type: 'text', text: 'Avoir du mal à payer son loyer, ses charges ou ses factures d’eau et d’énergie', origin: 'aides-jeunes:difficultes_acces_ou_frais_logement', question: 'Avez-vous des difficultés pour payer votre logement ?' },
    { type: 'text', text: 'Avoir des ressources sous les plafonds du règlement du fonds', origin: 'aides-jeunes:fsl', question: 'Vos ressources sont-elles sous les plafonds du règlement ?' },
  );
  const aid: Aid = {
    id: `fsl-${e.institution.replace(/_/g, '-')}`,
    name: `Fonds de solidarité pour le logement (FSL) – ${e.porteur}`,
    summary: `Une aide du fonds de solidarité pour le logement (${where}) pour rester dans son logement : payer un loyer en retard, des charges ou des factures d’eau et d’énergie.`,
    porteur: { name: e.porteur, kind: e.level === 'epci' ? 'epci' : 'departement', tenant_id: e.tenant },
    audiences: ['particulier', 'famille'],
    themes: ['logement', 'energie'],
    aid_types: ['subvention', 'pret'],
    territory: { scope: 'local', areas: [area(e.level, e.code)] },
    dates: { permanent: true },
    recurrence: 'permanente',
    documents: [],
    link: e.link,
    ...(e.form ? { apply_url: e.form } : {}),
    last_verified: AIDES_JEUNES_DATE,
    eligibility: { type: 'all', conditions },
    source: { dataset: AIDES_JEUNES, reference: `data/benefits/dynamic/fsl.ts (${e.institution})` },
  };
  return { aid, tenantId: e.tenant };
}

export function apaAid(e: DynamicEntry): { aid: Aid; tenantId: string } {
  const aid: Aid = {
    id: `apa-${e.institution.replace(/_/g, '-')}`,
    name: `Allocation personnalisée d’autonomie (APA) – ${e.porteur}`,
    summary: 'Pour les personnes de 60 ans ou plus qui ont besoin d’aide dans la vie de tous les jours : le Département paie une partie des aides à domicile ou de l’hébergement en établissement.',
    porteur: { name: e.porteur, kind: 'departement', tenant_id: e.tenant },
    audiences: ['retraite', 'personne_handicapee'],
    themes: ['handicap', 'sante'],
    aid_types: ['allocation', 'accompagnement'],
    territory: { scope: 'local', areas: [area(e.level, e.code)] },
    dates: { permanent: true },
    recurrence: 'permanente',
    documents: [],
    link: e.link,
    ...(e.form ? { apply_url: e.form } : {}),
    last_verified: AIDES_JEUNES_DATE,
    eligibility: {
      type: 'all',
      conditions: [
        { type: 'age', min: 60 },
        residence(e.level, e.code),
        { type: 'text', text: 'Habiter dans le département depuis plus de trois mois', origin: 'aides-jeunes:apa', question: 'Habitez-vous le département depuis plus de trois mois ?' },
        { type: 'text', text: 'Avoir une perte d’autonomie reconnue par l’équipe du Département (grille AGGIR, GIR 1 à 4)', origin: 'aides-jeunes:apa', question: 'Avez-vous besoin d’aide pour les gestes de la vie quotidienne ?' },
      ],
    },
    source: { dataset: AIDES_JEUNES, reference: `data/benefits/dynamic/apa.ts (${e.institution})` },
  };
  return { aid, tenantId: e.tenant };
}

export interface VeloEntry {
  id: string;
  porteur: string;
  kind: 'etat' | 'epci' | 'commune';
  level: 'national' | TerritoryLevel;
  code?: string;
  tenant?: string;
  name: string;
  summary: string;
  minAge?: number;
  income?: number;
  incomePeriod?: 'month' | 'year';
  orHandicap?: boolean;
  nonImposable?: boolean;
  bike: string;
  amount: { value?: number; min?: number; max?: number; note?: string };
  link: string;
}

export function veloAid(e: VeloEntry): { aid: Aid; tenantId: string } {
  const conditions: Condition[] = [];
  if (e.minAge !== undefined) conditions.push({ type: 'age', min: e.minAge });
  if (e.level !== 'national') conditions.push(residence(e.level, e.code!));
  if (e.income !== undefined) {
    const income: Condition = { type: 'income', basis: 'revenu_fiscal_par_part', max: e.income, period: e.incomePeriod ?? 'year' };
    conditions.push(e.orHandicap ? { type: 'any', conditions: [income, { type: 'situation', values: ['handicap'] }] } : income);
  }
  if (e.nonImposable) conditions.push({ type: 'text', text: 'Faire partie d’un foyer non imposable sur le revenu', origin: 'aides-velo:foyer-imposable', question: 'Votre foyer est-il non imposable sur le revenu ?' });
  conditions.push({ type: 'text', text: e.bike, origin: 'aides-velo:velo', blocking: false });
  const aid: Aid = {
    id: e.id,
    name: e.name,
    summary: e.summary,
    porteur: { name: e.porteur, kind: e.kind, ...(e.tenant ? { tenant_id: e.tenant } : {}), ...(e.kind === 'epci' && e.code ? { siren: e.code } : {}) },
    audiences: e.orHandicap ? ['particulier', 'personne_handicapee'] : ['particulier'],
    themes: ['mobilite'],
    aid_types: ['subvention'],
    amount: { ...e.amount, unit: '€', period: 'once' },
    territory: e.level === 'national' ? { scope: 'national' } : { scope: 'local', areas: [area(e.level, e.code!)] },
    dates: { permanent: true },
    recurrence: 'annuelle',
    documents: ['Facture d’achat du vélo à votre nom', 'Justificatif de domicile', ...(e.income !== undefined || e.nonImposable ? ['Dernier avis d’impôt sur le revenu'] : [])],
    link: e.link,
    last_verified: AIDES_VELO_DATE,
    eligibility: conditions.length === 1 ? conditions[0]! : { type: 'all', conditions },
    source: { dataset: AIDES_VELO, reference: `src/rules/aides.publicodes (${e.id})`, url: 'https://github.com/betagouv/publicodes-aides-velo' },
  };
  return { aid, tenantId: e.tenant ?? 'bretagne' };
}
