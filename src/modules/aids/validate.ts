/**
 * The ONE check of an aid's definition, with a French message per field: used by `saveAid` (seed),
 * the back-office editor (messages next to the fields) and the import (line, field, reason).
 * The schema is the TypeBox `AidSchema`; the condition tree is walked node by node so that a
 * mistake deep in the tree is named precisely, then the rules a schema cannot say are checked.
 */
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AidSchema, LEAF_SCHEMAS, walk, type Aid, type Condition } from './format';

export interface AidError {
  /** JSON pointer into the definition: /name, /eligibility/conditions/0/min… */
  path: string;
  message: string;
}

const PATTERNS: Array<[RegExp, string]> = [
  [/^\/id$|tenant_id$/, 'L’identifiant s’écrit en minuscules sans accents, chiffres et tirets, par exemple « aide-permis-jeunes » (2 à 120 caractères).'],
  [/siren$/, 'Le SIREN s’écrit avec 9 chiffres.'],
  [/(opening|closing|last_verified)$/, 'Écrivez la date au format AAAA-MM-JJ, par exemple 2026-09-01.'],
  [/(link|apply_url|url)$/, 'Écrivez une adresse complète qui commence par https://'],
  [/(code|codes\/\d+)$/, 'Ce code n’est pas un code COG de commune, département ou région, ni un SIREN d’intercommunalité (par exemple 29, 53, 35238 ou 243500139).'],
  [/naf\/\d+$/, 'Le code NAF s’écrit comme 94.99Z ou 94.'],
];

function literals(schema: TSchema): string[] {
  const options = (schema.anyOf ?? []) as TSchema[];
  return options.map((o) => o.const as unknown).filter((v): v is string | boolean => typeof v === 'string' || typeof v === 'boolean').map(String);
}

/** The French message for one schema error. */
function message(schema: TSchema, value: unknown, path: string, raw: string): string {
  if (value === undefined) return 'Ce champ est obligatoire.';
  if (/unexpected property/i.test(raw)) return 'Ce champ n’existe pas dans le format : retirez-le.';
  const options = literals(schema);
  if (options.length) return `Choisissez une de ces valeurs : ${options.join(', ')}.`;
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return 'Du texte est attendu.';
      if (schema.minLength !== undefined && value.length < schema.minLength) return value.length === 0 ? 'Ce champ est obligatoire.' : `${schema.minLength} caractères au moins.`;
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return `${schema.maxLength} caractères au plus (il y en a ${value.length}).`;
      const known = PATTERNS.find(([re]) => re.test(path));
      return known ? known[1] : 'Cette valeur n’a pas la forme attendue.';
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number') return schema.type === 'integer' ? 'Un nombre entier est attendu.' : 'Un nombre est attendu.';
      if (schema.type === 'integer' && !Number.isInteger(value)) return 'Un nombre entier est attendu.';
      if (schema.minimum !== undefined && value < schema.minimum) return `Le nombre doit valoir ${schema.minimum} ou plus.`;
      if (schema.maximum !== undefined && value > schema.maximum) return `Le nombre doit valoir ${schema.maximum} au plus.`;
      return 'Ce nombre n’est pas accepté.';
    }
    case 'boolean':
      return 'Oui ou non est attendu (true ou false).';
    case 'array': {
      if (!Array.isArray(value)) return 'Une liste est attendue.';
      if (schema.minItems && value.length < schema.minItems) return 'Choisissez ou indiquez au moins une valeur.';
      if (schema.uniqueItems) return 'Une valeur est en double.';
      return 'Cette liste n’est pas valide.';
    }
    case 'object':
      return 'Un objet est attendu.';
    default:
      return schema.anyOf ? 'Cette valeur n’a pas la forme attendue.' : 'Cette valeur n’est pas valide.';
  }
}

function schemaErrors(schema: TSchema, value: unknown, prefix: string, skip?: (path: string) => boolean): AidError[] {
  const out = new Map<string, string>();
  for (const e of Value.Errors(schema, value)) {
    const path = `${prefix}${e.path}` || '/';
    if (skip?.(e.path) || out.has(path)) continue;
    // A union's own error comes with a more precise one for its member (enums, territory): keep the first.
    if ([...out.keys()].some((p) => path.startsWith(`${p}/`))) continue;
    out.set(path, message(e.schema, e.value, path, e.message));
  }
  return [...out].map(([path, msg]) => ({ path, message: msg }));
}

function conditionErrors(node: unknown, path: string): AidError[] {
  const LEAF_TYPES = Object.keys(LEAF_SCHEMAS);
  if (!node || typeof node !== 'object' || Array.isArray(node)) return [{ path, message: 'Une condition est attendue (un objet avec un « type »).' }];
  const c = node as Record<string, unknown>;
  if (c.type === 'all' || c.type === 'any') {
    const extra = Object.keys(c).filter((k) => k !== 'type' && k !== 'conditions');
    const out: AidError[] = extra.map((k) => ({ path: `${path}/${k}`, message: 'Ce champ n’existe pas dans le format : retirez-le.' }));
    if (!Array.isArray(c.conditions) || c.conditions.length === 0) return [...out, { path: `${path}/conditions`, message: 'Un groupe contient au moins une condition.' }];
    return [...out, ...c.conditions.flatMap((child, i) => conditionErrors(child, `${path}/conditions/${i}`))];
  }
  if (c.type === 'not') {
    const extra = Object.keys(c).filter((k) => k !== 'type' && k !== 'condition');
    return [...extra.map((k) => ({ path: `${path}/${k}`, message: 'Ce champ n’existe pas dans le format : retirez-le.' })), ...conditionErrors(c.condition, `${path}/condition`)];
  }
  if (typeof c.type !== 'string' || !LEAF_TYPES.includes(c.type)) {
    return [{ path: `${path}/type`, message: `Type de condition inconnu. Choisissez : all, any, not, ${LEAF_TYPES.join(', ')}.` }];
  }
  return schemaErrors(LEAF_SCHEMAS[c.type as keyof typeof LEAF_SCHEMAS], c, path);
}

const RESERVED_IDS = new Set(['nouvelle', 'import', 'calcul', 'simulateur']);

/** Every reason why a value is not a valid aid, in French, by field (empty when it is one). */
export function checkAid(value: unknown): AidError[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [{ path: '/', message: 'Une aide est un objet JSON (entre accolades).' }];
  const errors = schemaErrors(AidSchema, value, '', (p) => p === '/eligibility' || p.startsWith('/eligibility/'));
  const v = value as Record<string, unknown>;
  const tree = v.eligibility === undefined ? [{ path: '/eligibility', message: 'Ce champ est obligatoire : au moins une condition.' }] : conditionErrors(v.eligibility, '/eligibility');
  errors.push(...tree);
  if (errors.length) return errors;
  const aid = value as Aid;
  const more: AidError[] = [];
  const { amount, dates } = aid;
  // These words name pages of the back office (/admin/t/:tenant/aides/nouvelle, …/import).
  if (RESERVED_IDS.has(aid.id)) more.push({ path: '/id', message: `L’identifiant « ${aid.id} » est réservé. Choisissez-en un autre, par exemple « ${aid.id}-aide ».` });
  if (amount && amount.value === undefined && amount.min === undefined && amount.max === undefined) {
    more.push({ path: '/amount/value', message: 'Indiquez le montant, ou un minimum ou un maximum.' });
  }
  if (amount?.min !== undefined && amount.max !== undefined && amount.min > amount.max) more.push({ path: '/amount/min', message: 'Le minimum dépasse le maximum.' });
  if (dates.opening && dates.closing && dates.opening > dates.closing) more.push({ path: '/dates/closing', message: 'La date de clôture est avant la date d’ouverture.' });
  if (!dates.permanent && !dates.closing && !dates.opening) more.push({ path: '/dates/opening', message: 'Une aide qui n’est pas permanente a une date d’ouverture ou de clôture.' });
  walk(aid.eligibility, '/eligibility', (c: Condition, path) => {
    if (c.type === 'age' && c.min !== undefined && c.max !== undefined && c.min > c.max) more.push({ path: `${path}/min`, message: 'L’âge minimum dépasse l’âge maximum.' });
    if (c.type === 'age' && c.min === undefined && c.max === undefined) more.push({ path: `${path}/min`, message: 'Indiquez un âge minimum, un âge maximum ou les deux.' });
    if (c.type === 'residence' && c.names && c.names.length !== c.codes.length) more.push({ path: `${path}/names`, message: 'Donnez autant de noms que de codes, dans le même ordre.' });
    if (c.type === 'organisation' && !c.kinds && !c.naf && c.headcount_min === undefined && c.headcount_max === undefined) {
      more.push({ path: `${path}/kinds`, message: 'Indiquez au moins un type d’organisation, un code NAF ou un effectif.' });
    }
    if ((c.type === 'any' || c.type === 'not') && (c.type === 'not' ? [c.condition] : c.conditions).some((x) => x.type === 'text' && x.blocking === false)) {
      more.push({ path, message: 'Une condition d’information (non bloquante) se place dans « toutes ces conditions » ou seule, jamais dans « au moins une » ni « aucune ».' });
    }
  });
  return more;
}

/** Older name of `checkAid`, kept for the store and the seed. */
export const validateAid = checkAid;
export type FormatError = AidError;

export function isAid(value: unknown): value is Aid {
  return checkAid(value).length === 0;
}

const FIELD_LABELS: Record<string, string> = {
  id: 'identifiant',
  name: 'nom',
  summary: 'résumé',
  description: 'description',
  porteur: 'organisme',
  kind: 'type',
  tenant_id: 'collectivité Guichet',
  siren: 'SIREN',
  contact: 'contact',
  url: 'adresse web',
  email: 'courriel',
  phone: 'téléphone',
  address: 'adresse',
  audiences: 'publics',
  themes: 'thèmes',
  aid_types: 'types d’aide',
  amount: 'montant',
  value: 'valeur',
  min: 'minimum',
  max: 'maximum',
  unit: 'unité',
  period: 'période',
  note: 'précision',
  territory: 'territoire',
  scope: 'portée',
  areas: 'zones',
  level: 'niveau',
  code: 'code',
  dates: 'dates',
  permanent: 'permanente',
  opening: 'ouverture',
  closing: 'clôture',
  recurrence: 'récurrence',
  documents: 'pièces à fournir',
  link: 'page officielle',
  apply_url: 'lien pour faire la demande',
  last_verified: 'vérifiée le',
  eligibility: 'conditions',
  conditions: 'conditions',
  condition: 'condition',
  source: 'source',
  type: 'type',
  codes: 'codes',
  names: 'noms',
  values: 'valeurs',
  basis: 'base de revenu',
  children_min: 'enfants au moins',
  kinds: 'types d’organisation',
  naf: 'codes NAF',
  headcount_min: 'effectif minimum',
  headcount_max: 'effectif maximum',
  text: 'texte',
  question: 'question',
  origin: 'origine',
  blocking: 'bloquante',
  dataset: 'jeu de données',
  reference: 'référence',
};

/** A path in words: « conditions › 2 › âge… » (positions counted from 1). */
export function fieldLabel(path: string): string {
  if (path === '/' || path === '') return 'aide';
  return path
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : (FIELD_LABELS[part] ?? part)))
    .join(' › ');
}
