/**
 * The back-office editor's forms ↔ an aid's definition. The form only collects; the check is
 * `checkAid` (validate.ts), the same as the import's: its errors come back next to the fields.
 * The condition tree is edited without JavaScript: each node of the tree is a group of fields
 * named after its position (`r`, `r_0`, `r_0_1`…), and buttons add or remove nodes.
 */
import type { Aid, Condition } from './format';
import type { AidError } from './validate';
import { nafListed } from './naf';

type Body = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : Array.isArray(v) && typeof v[0] === 'string' ? v[0].trim() : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);
/** A number when the text is one, else the text itself (so the check says « un nombre est attendu »). */
const num = (v: string): number | string | undefined => (v === '' ? undefined : /^-?\d+(?:[.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : v);
const clean = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
const lines = (v: string) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

// ------------------------------------------------------------------ the record (« fiche »)

export const FICHE_FIELDS = [
  'id', 'name', 'summary', 'description', 'porteur_name', 'porteur_kind', 'porteur_siren', 'contact_url', 'contact_email', 'contact_phone', 'contact_address',
  'amount_value', 'amount_min', 'amount_max', 'amount_unit', 'amount_period', 'amount_note', 'territory', 'opening', 'closing', 'recurrence', 'documents',
  'link', 'apply_url', 'last_verified', 'source_dataset', 'source_reference', 'source_url',
] as const;
export type FicheValues = Record<(typeof FICHE_FIELDS)[number], string> & { audiences: string[]; themes: string[]; aid_types: string[]; permanent: boolean };

export const FICHE_LABELS: Record<string, string> = {
  id: 'Identifiant', name: 'Nom de l’aide', summary: 'Résumé en mots simples', description: 'Description', porteur_name: 'Organisme qui accorde l’aide', porteur_kind: 'Type d’organisme',
  porteur_siren: 'SIREN de l’organisme', contact_url: 'Page de contact', contact_email: 'Courriel de contact', contact_phone: 'Téléphone', contact_address: 'Adresse postale',
  audiences: 'Publics', themes: 'Thèmes', aid_types: 'Types d’aide', amount_value: 'Montant', amount_min: 'Montant minimum', amount_max: 'Montant maximum', amount_unit: 'Unité',
  amount_period: 'Période', amount_note: 'Précision sur le montant', territory: 'Territoire', permanent: 'Aide permanente', opening: 'Date d’ouverture', closing: 'Date de clôture',
  recurrence: 'Récurrence', documents: 'Pièces à fournir', link: 'Page officielle', apply_url: 'Lien pour faire la demande', last_verified: 'Informations vérifiées le',
  source_dataset: 'Source : jeu de données', source_reference: 'Source : référence', source_url: 'Source : adresse', eligibility: 'Conditions',
};

export function emptyFiche(today: string): FicheValues {
  const v = Object.fromEntries(FICHE_FIELDS.map((f) => [f, ''])) as unknown as FicheValues;
  return { ...v, amount_unit: '€', amount_period: 'once', recurrence: 'permanente', last_verified: today, audiences: [], themes: [], aid_types: [], permanent: true };
}

export function ficheFromBody(body: Body): FicheValues {
  const v = Object.fromEntries(FICHE_FIELDS.map((f) => [f, f === 'documents' || f === 'territory' || f === 'description' ? (typeof body[f] === 'string' ? (body[f] as string).trim() : '') : str(body[f])])) as unknown as FicheValues;
  return { ...v, audiences: list(body.audiences), themes: list(body.themes), aid_types: list(body.aid_types), permanent: str(body.permanent) === 'oui' };
}

export function ficheFromAid(aid: Aid): FicheValues {
  const a = aid.amount;
  return {
    id: aid.id, name: aid.name, summary: aid.summary, description: aid.description ?? '', porteur_name: aid.porteur.name, porteur_kind: aid.porteur.kind, porteur_siren: aid.porteur.siren ?? '',
    contact_url: aid.contact?.url ?? '', contact_email: aid.contact?.email ?? '', contact_phone: aid.contact?.phone ?? '', contact_address: aid.contact?.address ?? '',
    audiences: aid.audiences, themes: aid.themes, aid_types: aid.aid_types,
    amount_value: a?.value?.toString() ?? '', amount_min: a?.min?.toString() ?? '', amount_max: a?.max?.toString() ?? '', amount_unit: a?.unit ?? '€', amount_period: a?.period ?? 'once', amount_note: a?.note ?? '',
    territory: aid.territory.scope === 'national' ? '' : aid.territory.areas.map((x) => `${x.level} ${x.code} ${x.name}`).join('\n'),
    permanent: aid.dates.permanent, opening: aid.dates.opening ?? '', closing: aid.dates.closing ?? '', recurrence: aid.recurrence, documents: aid.documents.join('\n'),
    link: aid.link, apply_url: aid.apply_url ?? '', last_verified: aid.last_verified, source_dataset: aid.source?.dataset ?? '', source_reference: aid.source?.reference ?? '', source_url: aid.source?.url ?? '',
  };
}

/** The record's fields as the definition's (unchecked: `checkAid` says what is wrong). */
export function aidFromFiche(v: FicheValues, eligibility: unknown, keep: { tenant_id?: string | undefined }): Record<string, unknown> {
  const hasAmount = v.amount_value || v.amount_min || v.amount_max || v.amount_note;
  const contact = clean({ url: v.contact_url, email: v.contact_email, phone: v.contact_phone, address: v.contact_address });
  const source = clean({ dataset: v.source_dataset, reference: v.source_reference, url: v.source_url });
  const areas = lines(v.territory).map((line) => {
    const [level = '', code = '', ...name] = line.split(/\s+/);
    return { level, code, name: name.join(' ') };
  });
  return clean({
    id: v.id,
    name: v.name,
    summary: v.summary,
    description: v.description || undefined,
    porteur: clean({ name: v.porteur_name, kind: v.porteur_kind, tenant_id: keep.tenant_id, siren: v.porteur_siren }),
    contact: Object.keys(contact).length ? contact : undefined,
    audiences: v.audiences,
    themes: v.themes,
    aid_types: v.aid_types,
    amount: hasAmount ? clean({ value: num(v.amount_value), min: num(v.amount_min), max: num(v.amount_max), unit: v.amount_unit, period: v.amount_period, note: v.amount_note }) : undefined,
    territory: areas.length ? { scope: 'local', areas } : { scope: 'national' },
    dates: clean({ permanent: v.permanent, opening: v.opening, closing: v.closing }),
    recurrence: v.recurrence,
    documents: lines(v.documents),
    link: v.link,
    apply_url: v.apply_url || undefined,
    last_verified: v.last_verified,
    eligibility,
    source: Object.keys(source).length ? source : undefined,
  });
}

const FIELD_OF: Record<string, string> = { porteur: 'porteur', contact: 'contact', amount: 'amount', source: 'source' };

/** The record's field an error belongs to (errors elsewhere go to the summary only). */
export function ficheField(path: string): string {
  const [first = '', second = ''] = path.split('/').filter(Boolean);
  if (FIELD_OF[first] && second && !/^\d+$/.test(second)) return `${first}_${second === 'kind' || second === 'name' || second === 'siren' ? second : second}`;
  if (first === 'dates') return second || 'opening';
  if (first === 'territory') return 'territory';
  if (first === 'amount') return 'amount_value';
  return first || 'id';
}

// ------------------------------------------------------------------ the condition tree

export const GROUP_KINDS = { all: 'Toutes ces conditions', any: 'Au moins une de ces conditions', none: 'Aucune de ces conditions' } as const;
export const LEAF_KINDS = {
  age: 'Âge',
  residence: 'Lieu de résidence',
  situation: 'Situation',
  income: 'Revenus',
  boursier: 'Bourse d’études',
  study_level: 'Année d’études',
  diploma: 'Diplôme',
  household: 'Enfants à charge',
  organisation: 'Organisation',
  text: 'Autre condition (en mots)',
} as const;
export type NodeKind = keyof typeof GROUP_KINDS | keyof typeof LEAF_KINDS;
export const isGroup = (k: string): k is keyof typeof GROUP_KINDS => k in GROUP_KINDS;

export interface FormNode {
  kind: NodeKind;
  /** The leaf's parameters as typed (lists for the multiple choices). */
  fields: Record<string, string | string[]>;
  children: FormNode[];
}

const LEAF_FIELDS: Record<keyof typeof LEAF_KINDS, string[]> = {
  age: ['min', 'max'],
  residence: ['level', 'codes', 'names'],
  situation: ['values'],
  income: ['basis', 'max', 'period'],
  boursier: [],
  study_level: ['values'],
  diploma: ['min', 'max'],
  household: ['children_min'],
  organisation: ['kinds', 'naf', 'naf_other', 'headcount_min', 'headcount_max'],
  text: ['text', 'question', 'origin', 'blocking'],
};
// Chosen in lists: the organisation's kinds and activities (NAF codes of aids/naf.ts; any other code goes in naf_other).
const MULTI = new Set(['values', 'kinds', 'naf']);

export function leafFields(kind: keyof typeof LEAF_KINDS): string[] {
  return LEAF_FIELDS[kind];
}

/** Reads the tree posted by the form (nodes are found by their `<key>-kind` field). */
export function treeFromBody(body: Body): FormNode {
  const read = (key: string): FormNode => {
    const raw = str(body[`${key}-kind`]);
    const kind = (isGroup(raw) || raw in LEAF_KINDS ? raw : 'all') as NodeKind;
    const children: FormNode[] = [];
    if (isGroup(kind)) {
      const indexes = Object.keys(body)
        .map((k) => new RegExp(`^${key}_(\\d+)-kind$`).exec(k)?.[1])
        .filter((x): x is string => x !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
      for (const i of indexes) children.push(read(`${key}_${i}`));
      return { kind, fields: {}, children };
    }
    const fields: Record<string, string | string[]> = {};
    for (const f of LEAF_FIELDS[kind as keyof typeof LEAF_KINDS]) fields[f] = MULTI.has(f) ? list(body[`${key}-${f}`]) : str(body[`${key}-${f}`]);
    return { kind, fields, children };
  };
  return read('r');
}

const csv = (v: string | string[] | undefined) => (typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : []);

/** The definition's condition for a form node, and where each pointer of it lives in the form. */
export function conditionFromTree(node: FormNode, key = 'r', pointer = '/eligibility', where = new Map<string, string>()): { condition: unknown; where: Map<string, string> } {
  where.set(pointer, key);
  const f = node.fields;
  const s = (name: string) => (typeof f[name] === 'string' ? (f[name] as string) : '');
  let condition: unknown;
  if (isGroup(node.kind)) {
    const inner = (base: string) => node.children.map((child, i) => conditionFromTree(child, `${key}_${i}`, `${base}/conditions/${i}`, where).condition);
    if (node.kind === 'none') {
      if (node.children.length === 1) condition = { type: 'not', condition: conditionFromTree(node.children[0]!, `${key}_0`, `${pointer}/condition`, where).condition };
      else condition = { type: 'not', condition: { type: 'any', conditions: inner(`${pointer}/condition`) } };
    } else condition = { type: node.kind, conditions: inner(pointer) };
    return { condition, where };
  }
  switch (node.kind) {
    case 'age':
      condition = clean({ type: 'age', min: num(s('min')), max: num(s('max')) });
      break;
    case 'residence': {
      const names = csv(f.names);
      condition = clean({ type: 'residence', level: s('level'), codes: csv(f.codes), names: names.length ? names : undefined });
      break;
    }
    case 'situation':
    case 'study_level':
      condition = { type: node.kind, values: f.values as string[] };
      break;
    case 'income':
      condition = clean({ type: 'income', basis: s('basis'), max: num(s('max')) ?? '', period: s('period') });
      break;
    case 'boursier':
      condition = { type: 'boursier' };
      break;
    case 'diploma':
      condition = clean({ type: 'diploma', min: s('min'), max: s('max') });
      break;
    case 'household':
      condition = clean({ type: 'household', children_min: num(s('children_min')) });
      break;
    case 'organisation': {
      const kinds = Array.isArray(f.kinds) ? f.kinds : [];
      const naf = [...(Array.isArray(f.naf) ? f.naf : []), ...csv(f.naf_other)];
      condition = clean({ type: 'organisation', kinds: kinds.length ? kinds : undefined, naf: naf.length ? naf : undefined, headcount_min: num(s('headcount_min')), headcount_max: num(s('headcount_max')) });
      break;
    }
    case 'text':
      condition = clean({ type: 'text', text: s('text'), question: s('question'), origin: s('origin'), blocking: s('blocking') === 'non' ? false : undefined });
      break;
  }
  return { condition, where };
}

/** The form's tree for a definition's condition (the root is always a group). */
export function treeFromCondition(c: Condition, root = true): FormNode {
  if (c.type === 'all' || c.type === 'any') return { kind: c.type, fields: {}, children: c.conditions.map((x) => treeFromCondition(x, false)) };
  if (c.type === 'not') {
    const inner = c.condition.type === 'any' ? c.condition.conditions : [c.condition];
    return { kind: 'none', fields: {}, children: inner.map((x) => treeFromCondition(x, false)) };
  }
  const fields: Record<string, string | string[]> = {};
  const r = c as unknown as Record<string, unknown>;
  for (const name of LEAF_FIELDS[c.type]) {
    const v = r[name];
    if (name === 'blocking') fields[name] = v === false ? 'non' : 'oui';
    else if (MULTI.has(name)) fields[name] = (v as string[] | undefined) ?? [];
    else fields[name] = Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v);
  }
  if (c.type === 'organisation') {
    // A code of the activities list is ticked there; a more precise one (10.71C) is typed.
    const codes = c.naf ?? [];
    fields.naf = codes.filter((code) => nafListed(code));
    fields.naf_other = codes.filter((code) => !nafListed(code)).join(', ');
  }
  const leaf: FormNode = { kind: c.type, fields, children: [] };
  return root ? { kind: 'all', fields: {}, children: [leaf] } : leaf;
}

export function emptyLeaf(kind: keyof typeof LEAF_KINDS): FormNode {
  const fields: Record<string, string | string[]> = {};
  for (const f of LEAF_FIELDS[kind]) fields[f] = MULTI.has(f) ? [] : f === 'blocking' ? 'oui' : f === 'period' ? 'month' : '';
  return { kind, fields, children: [] };
}

/** Applies an add/remove button (`ajouter:r_0`, `groupe:r_0`, `supprimer:r_0_1`); false when the action is unknown. */
export function applyTreeAction(tree: FormNode, action: string, body: Body): boolean {
  const [verb, key = ''] = action.split(':');
  const path = key.split('_').slice(1).map(Number);
  if (!/^r(_\d+)*$/.test(key)) return false;
  const at = (p: number[]) => p.reduce<FormNode | undefined>((n, i) => n?.children[i], tree);
  if (verb === 'supprimer') {
    if (!path.length) return false;
    const parent = at(path.slice(0, -1));
    if (!parent) return false;
    parent.children.splice(path[path.length - 1]!, 1);
    return true;
  }
  const node = at(path);
  if (!node || !isGroup(node.kind)) return false;
  if (verb === 'groupe') {
    node.children.push({ kind: 'all', fields: {}, children: [emptyLeaf('age')] });
    return true;
  }
  if (verb === 'ajouter') {
    const kind = str(body[`${key}-nouvelle`]);
    node.children.push(emptyLeaf((kind in LEAF_KINDS ? kind : 'age') as keyof typeof LEAF_KINDS));
    return true;
  }
  return false;
}

/** The check's errors on the conditions, by form field (`r_0-min`); those on a group go to its key. */
export function treeErrors(errors: AidError[], where: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    if (!e.path.startsWith('/eligibility')) continue;
    const parts = e.path.split('/');
    // The longest pointer that is a node, then the rest is the field.
    for (let n = parts.length; n > 1; n--) {
      const key = where.get(parts.slice(0, n).join('/'));
      if (!key) continue;
      const rest = parts.slice(n);
      const field = rest[0] && !/^\d+$/.test(rest[0]) && rest[0] !== 'conditions' && rest[0] !== 'type' ? `${key}-${rest[0]}` : `${key}-kind`;
      out[field] ??= e.message;
      break;
    }
  }
  return out;
}
