/**
 * From aides-jeunes' benefits (seed/data/aides-jeunes/benefits.json, converted once from their
 * YAML) to Guichet's aid format: `conditions_generales` and `profils` become the condition
 * tree; what Guichet cannot check itself becomes a `text` condition, in plain French, never
 * dropped. The facts (names, conditions, amounts, links, institutions) are theirs; the words
 * are Guichet's.
 */
import type { Aid, AidType, Amount, Audience, Condition, ConditionSituation, PorteurKind, StudyLevel, Territory, TerritoryLevel } from '../../src/modules/aids/format';
import { STUDY_LEVELS } from '../../src/modules/aids/format';
import { AIDES_JEUNES_META } from './catalogue';
import { placeName } from './places';

export const AIDES_JEUNES_DATE = '2026-08-19';
const REPOSITORY = 'https://github.com/betagouv/aides-jeunes';
const COMMIT = '8843e65e767e9bdc42d5fda757935a09a60dbf49';

export interface RawInstitution {
  slug: string;
  name: string;
  type: string;
  code_insee: string | null;
  code_siren: string | null;
  departments: string[];
}

export interface RawCondition {
  type: string;
  operator?: string;
  value?: unknown;
  values?: unknown[];
  includes?: string[];
  excludes?: string[];
  period?: string;
}

export interface RawBenefit {
  id: string;
  file: string;
  engine: 'javascript' | 'openfisca';
  scope: 'bretagne' | 'national';
  institution: RawInstitution;
  conditions_generales: RawCondition[];
  profils: Array<{ type: string; conditions?: RawCondition[] }>;
  has_text_conditions: boolean;
  label: string;
  type?: string;
  unit?: string;
  periodicite?: string;
  montant?: number;
  legend?: string;
  link: string;
  teleservice?: string;
  form?: string;
  instructions?: string;
}

/** Authorities of the source that are Guichet tenants. */
const TENANT_OF: Record<string, string> = {
  region_bretagne: 'bretagne',
  departement_cotes_d_armor: 'cotes-darmor',
  departement_finistere: 'finistere',
  departement_ille_et_vilaine: 'ille-et-vilaine',
  departement_morbihan: 'morbihan',
  intercommunalite_brest_metropole: 'brest-metropole',
  rennes_metropole: 'rennes-metropole',
  'ville-de-vannes': 'vannes',
};

const PORTEUR_NAMES: Record<string, string> = {
  region_bretagne: 'Région Bretagne',
  departement_cotes_d_armor: 'Département des Côtes-d’Armor',
  'ville-de-vannes': 'Ville de Vannes',
  intercommunalite_brest_metropole: 'Brest métropole',
  etat: 'État',
  union_europeenne: 'Union européenne',
};

const NATIONAL_STATE = new Set(['etat', 'cohesion_territoires', 'education_nationale']);

function porteurKind(inst: RawInstitution): PorteurKind {
  if (NATIONAL_STATE.has(inst.slug)) return 'etat';
  if (inst.slug === 'union_europeenne') return 'europe';
  if (inst.slug === 'ehop' || inst.slug === 'fonds-daction-sociale-du-travail-temporaire-fastt') return 'association';
  if (inst.slug === 'ccas-de-redon') return 'commune';
  const byType: Record<string, PorteurKind> = { region: 'region', departement: 'departement', epci: 'epci', commune: 'commune', caf: 'caf', msa: 'msa', national: 'organisme_national', europeen: 'europe' };
  return byType[inst.type] ?? 'autre';
}

function residence(level: TerritoryLevel, codes: string[]): Condition {
  return { type: 'residence', level, codes, names: codes.map((c) => placeName(level, c)) };
}

/** Where the institution acts: the territory of its aids and of `attached_to_institution`. */
export function institutionTerritory(inst: RawInstitution): { level: TerritoryLevel; codes: string[] } | null {
  if (inst.slug === 'ehop') return { level: 'region', codes: ['53'] };
  if (inst.slug === 'ccas-de-redon') return { level: 'commune', codes: ['35236'] };
  if (inst.type === 'region' && inst.code_insee) return { level: 'region', codes: [inst.code_insee] };
  if (inst.type === 'departement' && inst.code_insee) return { level: 'departement', codes: [inst.code_insee] };
  if (inst.type === 'commune' && inst.code_insee) return { level: 'commune', codes: [inst.code_insee] };
  if (inst.type === 'epci' && inst.code_siren) return { level: 'epci', codes: [inst.code_siren] };
  if ((inst.type === 'caf' || inst.type === 'msa') && inst.departments.length) return { level: 'departement', codes: inst.departments };
  return null;
}

function text(text: string, origin: string, question?: string): Condition {
  return { type: 'text', text, origin: `aides-jeunes:${origin}`, ...(question ? { question } : {}) };
}

/** Information only (`blocking: false`): shown « à vérifier aussi sur la page officielle », never asked. */
function note(text: string, origin: string): Condition {
  return { type: 'text', text, origin: `aides-jeunes:${origin}`, blocking: false };
}

function ageCondition(operator: string, value: number): Condition {
  switch (operator) {
    case '>=':
      return { type: 'age', min: value };
    case '>':
      return { type: 'age', min: value + 1 };
    case '<=':
      return { type: 'age', max: value };
    case '<':
      return { type: 'age', max: value - 1 };
    case '=':
    case '==':
      return { type: 'age', min: value, max: value };
    default:
      throw new Error(`unknown age operator ${operator}`);
  }
}

const strings = (values: unknown[] | undefined) => (values ?? []).map((v) => String(v));

const LOGEMENT_STATUTS: Record<string, string> = {
  sans_domicile: 'sans domicile stable',
  loge_gratuitement: 'logé ou logée gratuitement',
  locataire: 'locataire',
  proprietaire: 'propriétaire',
};

/** One general condition of aides-jeunes, in Guichet's tree. */
export function mapGeneralCondition(c: RawCondition, inst: RawInstitution): Condition {
  switch (c.type) {
    case 'age':
      return ageCondition(c.operator ?? '>=', Number(c.value));
    case 'regions':
      return residence('region', strings(c.values));
    case 'departements':
      return residence('departement', strings(c.values));
    case 'communes':
      return residence('commune', strings(c.values));
    case 'epcis':
      return residence('epci', strings(c.values));
    case 'excluded_epcis':
      return { type: 'not', condition: residence('epci', strings(c.values)) };
    case 'attached_to_institution': {
      const where = institutionTerritory(inst);
      return where ? residence(where.level, where.codes) : text(`Habiter sur le territoire de ${inst.name}`, c.type);
    }
    case 'quotient_familial':
      if (c.operator && c.operator !== '<=' && c.operator !== '<') throw new Error(`unknown quotient operator ${c.operator}`);
      return { type: 'income', basis: 'quotient_familial', max: Number(c.value), period: c.period === 'year' ? 'year' : 'month' };
    case 'boursier':
      return { type: 'boursier' };
    case 'annee_etude':
      return studyLevels(strings(c.values));
    case 'regime_securite_sociale': {
      const regimes = (c.includes ?? []).map((r) => (r === 'regime_general' ? 'du régime général' : r === 'regime_agricole' ? 'du régime agricole (MSA)' : `du régime « ${r} »`));
      return text(`Relever ${regimes.join(' ou ')} de la Sécurité sociale`, c.type);
    }
    case 'formation_sanitaire_social':
      return text('Suivre une formation du secteur sanitaire ou social (infirmier, aide-soignant, éducateur…)', c.type, 'Suivez-vous une formation sanitaire ou sociale ?');
    case 'difficultes_acces_ou_frais_logement':
      return text('Avoir du mal à trouver un logement ou à payer les frais de son logement', c.type, 'Avez-vous des difficultés pour vous loger ou payer votre logement ?');
    case 'statut_occupation_logement': {
      if (c.includes) return text(`Être ${c.includes.map((s) => LOGEMENT_STATUTS[s] ?? s).join(' ou ')}`, c.type);
      return text(`Ne pas être ${(c.excludes ?? []).map((s) => LOGEMENT_STATUTS[s] ?? s).join(' ni ')}`, c.type);
    }
    case 'agence_travail_temporaire':
      return text('Être inscrit ou inscrite dans une agence d’intérim (travail temporaire)', c.type, 'Travaillez-vous en intérim ?');
    case 'beneficiaire_rsa':
      return text('Recevoir le revenu de solidarité active (RSA)', c.type, 'Recevez-vous le RSA ?');
    case 'mention_baccalaureat':
      return text(`Avoir obtenu le baccalauréat avec la mention ${strings(c.values).join(' ou ').replace(/_/g, ' ')}`, c.type);
    case 'taux_incapacite':
      return text('Avoir un taux d’incapacité reconnu par la MDPH', c.type);
    case 'codes_postaux':
      return text(`Habiter une commune de code postal ${strings(c.values).join(', ')}`, c.type);
    default:
      return text(`Condition « ${c.type} » de la source, à vérifier auprès de l’organisme`, c.type);
  }
}

function studyLevels(values: string[]): Condition {
  const known = [...new Set(values)].filter((v): v is StudyLevel => v in STUDY_LEVELS);
  const unknown = values.filter((v) => !(v in STUDY_LEVELS));
  if (unknown.length) return text(`Être en ${values.join(', ')}`, 'annee_etude');
  return { type: 'study_level', values: known };
}

const PROFILE_SITUATIONS: Record<string, ConditionSituation> = {
  enseignement_superieur: 'etudiant',
  etudiant: 'etudiant',
  chomeur: 'demandeur_emploi',
  lyceen: 'lyceen',
  apprenti: 'apprenti',
  salarie: 'salarie',
  independant: 'independant',
  inactif: 'sans_activite',
  retraite: 'retraite',
  situation_handicap: 'handicap',
};

const PROFILE_TEXTS: Record<string, [string, string]> = {
  stagiaire: ['Être en stage ou en formation professionnelle', 'Êtes-vous en stage ou en formation professionnelle ?'],
  professionnalisation: ['Être en contrat de professionnalisation', 'Êtes-vous en contrat de professionnalisation ?'],
  service_civique: ['Être en service civique', 'Êtes-vous en service civique ?'],
  collegien: ['Être au collège', 'Êtes-vous au collège ?'],
  beneficiaire_rsa: ['Recevoir le revenu de solidarité active (RSA)', 'Recevez-vous le RSA ?'],
};

/** One profile: being in that situation, and meeting its own conditions. */
export function mapProfile(p: { type: string; conditions?: RawCondition[] }, inst: RawInstitution): Condition {
  const situation = PROFILE_SITUATIONS[p.type];
  const own: Condition =
    p.type === 'parent'
      ? { type: 'household', children_min: 1 }
      : situation
        ? { type: 'situation', values: [situation] }
        : PROFILE_TEXTS[p.type]
          ? text(PROFILE_TEXTS[p.type]![0], `profil:${p.type}`, PROFILE_TEXTS[p.type]![1])
          : text(`Être dans la situation « ${p.type} »`, `profil:${p.type}`);
  const more = (p.conditions ?? []).map((c) => mapGeneralCondition(c, inst));
  return more.length ? { type: 'all', conditions: [own, ...more] } : own;
}

/** Merges the age bounds of an "all" (aides-jeunes writes "age >= 18" and "age <= 30" apart). */
function mergeAges(conditions: Condition[]): Condition[] {
  const ages = conditions.filter((c): c is Extract<Condition, { type: 'age' }> => c.type === 'age');
  if (ages.length < 2) return conditions;
  const min = Math.max(...ages.map((a) => a.min ?? -Infinity));
  const max = Math.min(...ages.map((a) => a.max ?? Infinity));
  const merged: Condition = { type: 'age', ...(Number.isFinite(min) ? { min } : {}), ...(Number.isFinite(max) ? { max } : {}) };
  const firstAge = conditions.findIndex((c) => c.type === 'age');
  return conditions.flatMap((c, i): Condition[] => (c.type !== 'age' ? [c] : i === firstAge ? [merged] : []));
}

/** Merges profiles that are nothing but a situation into one situation condition. */
function mergeSituations(profiles: Condition[]): Condition[] {
  const plain = profiles.filter((p): p is Extract<Condition, { type: 'situation' }> => p.type === 'situation');
  if (plain.length < 2) return profiles;
  const values = [...new Set(plain.flatMap((p) => p.values))];
  const rest = profiles.filter((p) => p.type !== 'situation');
  return [{ type: 'situation', values }, ...rest];
}

export const COMPUTED_NOTE =
  'Le droit et le montant dépendent de vos ressources et de votre situation : l’organisme les calcule quand vous faites la demande.';
export const OTHER_CONDITIONS_NOTE = 'Les autres conditions décrites par l’organisme';

/** The whole eligibility of a benefit. */
export function mapEligibility(b: RawBenefit): Condition {
  const parts = mergeAges(b.conditions_generales.map((c) => mapGeneralCondition(c, b.institution)));
  if (b.engine === 'openfisca') {
    const where = institutionTerritory(b.institution);
    if (b.scope === 'bretagne' && where) parts.push(residence(where.level, where.codes));
    parts.push(text(COMPUTED_NOTE, 'openfisca', 'L’organisme vous a-t-il déjà dit que vous avez droit à cette aide ?'));
  }
  if (b.profils.length) {
    const profiles = mergeSituations(b.profils.map((p) => mapProfile(p, b.institution)));
    parts.push(profiles.length === 1 ? profiles[0]! : { type: 'any', conditions: profiles });
  }
  if (b.has_text_conditions) parts.push(note(OTHER_CONDITIONS_NOTE, 'conditions'));
  if (parts.length === 0) return note('Aucune condition particulière n’est indiquée', 'aucune');
  return parts.length === 1 ? parts[0]! : { type: 'all', conditions: parts };
}

const PERIODS: Record<string, Amount['period']> = { ponctuelle: 'once', mensuelle: 'month', annuelle: 'year', autre: 'other' };

export function mapAmount(b: RawBenefit): Amount | undefined {
  if (b.type !== 'float' || typeof b.montant !== 'number' || b.montant <= 0) return undefined;
  const unit = b.unit === '%' ? '%' : '€';
  const period = PERIODS[b.periodicite ?? 'autre'] ?? 'other';
  const legend = (b.legend ?? '').trim();
  if (legend === 'maximum') return { max: b.montant, unit, period };
  return { value: b.montant, unit, period, ...(legend ? { note: legend } : {}) };
}

function defaultAudiences(eligibility: Condition): Audience[] {
  const found = new Set<Audience>();
  const visit = (c: Condition) => {
    if (c.type === 'all' || c.type === 'any') c.conditions.forEach(visit);
    if (c.type === 'age' && c.max !== undefined && c.max <= 30) found.add('jeune');
    if (c.type === 'situation')
      for (const v of c.values) {
        const map: Partial<Record<ConditionSituation, Audience>> = { etudiant: 'etudiant', lyceen: 'lyceen', apprenti: 'apprenti', demandeur_emploi: 'demandeur_emploi', salarie: 'salarie', independant: 'independant', retraite: 'retraite', handicap: 'personne_handicapee' };
        if (map[v]) found.add(map[v]!);
      }
    if (c.type === 'household') found.add('famille');
    if (c.type === 'boursier' || c.type === 'study_level') found.add('etudiant');
  };
  visit(eligibility);
  return found.size ? [...found] : ['particulier'];
}

export function aidFromBenefit(b: RawBenefit): { aid: Aid; tenantId: string } {
  const meta = AIDES_JEUNES_META[b.id];
  if (!meta) throw new Error(`no summary for ${b.id}`);
  const inst = b.institution;
  const tenantId = TENANT_OF[inst.slug] ?? 'bretagne';
  const where = institutionTerritory(inst);
  const territory: Territory =
    b.scope === 'national' || !where
      ? { scope: 'national' }
      : { scope: 'local', areas: where.codes.map((code) => ({ level: where.level, code, name: placeName(where.level, code) })) };
  const eligibility = mapEligibility(b);
  const amount = mapAmount(b);
  const kinds: AidType[] = meta.k ?? (b.periodicite === 'mensuelle' && amount ? ['allocation'] : ['subvention']);
  const applyUrl = b.teleservice ?? b.form;
  const aid: Aid = {
    id: slugify(b.id),
    name: capitalise(b.label.replace(/\s+/g, ' ').trim()),
    summary: meta.s,
    porteur: {
      name: PORTEUR_NAMES[inst.slug] ?? inst.name,
      kind: porteurKind(inst),
      ...(TENANT_OF[inst.slug] ? { tenant_id: TENANT_OF[inst.slug] } : {}),
      ...(inst.code_siren && /^[0-9]{9}$/.test(inst.code_siren) ? { siren: inst.code_siren } : {}),
    },
    audiences: meta.a ?? defaultAudiences(eligibility),
    themes: meta.t,
    aid_types: kinds,
    ...(amount ? { amount } : {}),
    territory,
    dates: { permanent: true },
    recurrence: b.periodicite === 'annuelle' ? 'annuelle' : 'permanente',
    documents: [],
    link: b.link,
    ...(applyUrl && /^https?:\/\//.test(applyUrl) ? { apply_url: applyUrl } : {}),
    last_verified: AIDES_JEUNES_DATE,
    eligibility,
    source: { dataset: 'aides-jeunes (beta.gouv.fr, 1jeune1solution)', reference: b.file, url: `${REPOSITORY}/blob/${COMMIT}/data/${b.file}` },
  };
  return { aid, tenantId };
}

export function slugify(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

function capitalise(value: string): string {
  return value.charAt(0).toLocaleUpperCase('fr-FR') + value.slice(1);
}
