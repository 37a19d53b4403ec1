/**
 * The data format of an aid (docs/aid-format.md): one TypeBox schema, used to validate every aid
 * that enters Guichet (seed, and later the back office and the import) and exported as the JSON
 * Schema docs/aid.schema.json. Field names are English identifiers; values a person reads are
 * French. Aligned with Etalab's « schéma dispositif d'aide » and aides-territoires (see the doc).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { AUDIENCES, AID_TYPES, CONDITION_SITUATIONS, DIPLOMA_LEVELS, INCOME_BASES, PORTEUR_KINDS, STUDY_LEVELS, TERRITORY_LEVELS, THEMES } from './vocabulary';
import type { Audience, AidType, ConditionSituation, DiplomaLevel, IncomeBasis, PorteurKind, StudyLevel, Theme, TerritoryLevel } from './vocabulary';

export * from './vocabulary';

const keys = <T extends Record<string, string>>(record: T) => Type.Union(Object.keys(record).map((k) => Type.Literal(k))) as unknown as TSchema;
const Slug = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', minLength: 2, maxLength: 120 });
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Url = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 2000 });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
/** A COG code of a commune, département or région, or the SIREN of an intercommunality. */
const TerritoryCode = Type.String({ pattern: '^(?:[0-9]{2}|2[AB]|[0-9]{3}|[0-9][0-9AB][0-9]{3}|[0-9]{9})$' });

export const LEAF_SCHEMAS = {
  age: Type.Object({ type: Type.Literal('age'), min: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })), max: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })) }, { additionalProperties: false }),
  residence: Type.Object(
    {
      type: Type.Literal('residence'),
      level: keys(TERRITORY_LEVELS),
      codes: Type.Array(TerritoryCode, { minItems: 1 }),
      /** Names of the territories, in the same order, so that the rule reads without a look-up. */
      names: Type.Optional(Type.Array(Type.String())),
    },
    { additionalProperties: false },
  ),
  situation: Type.Object({ type: Type.Literal('situation'), values: Type.Array(keys(CONDITION_SITUATIONS), { minItems: 1 }) }, { additionalProperties: false }),
  income: Type.Object(
    {
      type: Type.Literal('income'),
      basis: keys(INCOME_BASES),
      max: Type.Number({ minimum: 0 }),
      period: Type.Union([Type.Literal('month'), Type.Literal('year')]),
    },
    { additionalProperties: false },
  ),
  boursier: Type.Object({ type: Type.Literal('boursier') }, { additionalProperties: false }),
  study_level: Type.Object({ type: Type.Literal('study_level'), values: Type.Array(keys(STUDY_LEVELS), { minItems: 1 }) }, { additionalProperties: false }),
  diploma: Type.Object({ type: Type.Literal('diploma'), min: Type.Optional(keys(DIPLOMA_LEVELS)), max: Type.Optional(keys(DIPLOMA_LEVELS)) }, { additionalProperties: false }),
  household: Type.Object({ type: Type.Literal('household'), children_min: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
  organisation: Type.Object(
    {
      type: Type.Literal('organisation'),
      kinds: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
      naf: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{2}(?:\\.[0-9]{1,2}[A-Z]?)?$' }), { minItems: 1 })),
      headcount_min: Type.Optional(Type.Integer({ minimum: 0 })),
      headcount_max: Type.Optional(Type.Integer({ minimum: 0 })),
    },
    { additionalProperties: false },
  ),
  /**
   * What cannot be checked automatically. Blocking (the default): a real question, the engine asks
   * the person, in these words, and the aid stays « à vérifier » until they answer. `blocking:
   * false`: information only (« les autres conditions de la page officielle », « le vélo acheté »):
   * it never decides, it is shown as « À vérifier aussi sur la page officielle ».
   */
  text: Type.Object(
    {
      type: Type.Literal('text'),
      text: Text(500),
      question: Type.Optional(Text(300)),
      origin: Type.Optional(Type.String({ maxLength: 120 })),
      blocking: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  ),
};

export const ConditionSchema = Type.Recursive(
  (This) =>
    Type.Union([
      Type.Object({ type: Type.Literal('all'), conditions: Type.Array(This, { minItems: 1 }) }, { additionalProperties: false }),
      Type.Object({ type: Type.Literal('any'), conditions: Type.Array(This, { minItems: 1 }) }, { additionalProperties: false }),
      Type.Object({ type: Type.Literal('not'), condition: This }, { additionalProperties: false }),
      ...Object.values(LEAF_SCHEMAS),
    ]),
  { $id: 'Condition' },
);

export type AgeCondition = Static<typeof LEAF_SCHEMAS.age>;
export type ResidenceCondition = { type: 'residence'; level: TerritoryLevel; codes: string[]; names?: string[] };
export type SituationCondition = { type: 'situation'; values: ConditionSituation[] };
export type IncomeCondition = { type: 'income'; basis: IncomeBasis; max: number; period: 'month' | 'year' };
export type StudyLevelCondition = { type: 'study_level'; values: StudyLevel[] };
export type DiplomaCondition = { type: 'diploma'; min?: DiplomaLevel; max?: DiplomaLevel };
export type OrganisationCondition = { type: 'organisation'; kinds?: string[]; naf?: string[]; headcount_min?: number; headcount_max?: number };
export type TextCondition = { type: 'text'; text: string; question?: string; origin?: string; blocking?: boolean };
export type Condition =
  | { type: 'all'; conditions: Condition[] }
  | { type: 'any'; conditions: Condition[] }
  | { type: 'not'; condition: Condition }
  | AgeCondition
  | ResidenceCondition
  | SituationCondition
  | IncomeCondition
  | { type: 'boursier' }
  | StudyLevelCondition
  | DiplomaCondition
  | { type: 'household'; children_min?: number }
  | OrganisationCondition
  | TextCondition;

const Amount = Type.Object(
  {
    value: Type.Optional(Type.Number({ minimum: 0 })),
    min: Type.Optional(Type.Number({ minimum: 0 })),
    max: Type.Optional(Type.Number({ minimum: 0 })),
    unit: Type.Union([Type.Literal('€'), Type.Literal('%')]),
    period: Type.Union([Type.Literal('once'), Type.Literal('month'), Type.Literal('year'), Type.Literal('other')]),
    /** Plain words that complete the figure: "par jour de location", "du prix du vélo". */
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const Territory = Type.Union([
  Type.Object({ scope: Type.Literal('national') }, { additionalProperties: false }),
  Type.Object(
    {
      scope: Type.Literal('local'),
      areas: Type.Array(Type.Object({ level: keys(TERRITORY_LEVELS), code: TerritoryCode, name: Type.String() }, { additionalProperties: false }), { minItems: 1 }),
    },
    { additionalProperties: false },
  ),
]);

export const AidSchema = Type.Object(
  {
    id: Slug,
    name: Text(200),
    /** Short, plain-language description (Etalab « promesse »). */
    summary: Text(400),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    porteur: Type.Object(
      {
        name: Text(200),
        kind: keys(PORTEUR_KINDS),
        /** The Guichet tenant when the authority is one. */
        tenant_id: Type.Optional(Slug),
        siren: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })),
      },
      { additionalProperties: false },
    ),
    contact: Type.Optional(
      Type.Object(
        { url: Type.Optional(Url), email: Type.Optional(Type.String({ maxLength: 200 })), phone: Type.Optional(Type.String({ maxLength: 40 })), address: Type.Optional(Type.String({ maxLength: 300 })) },
        { additionalProperties: false },
      ),
    ),
    audiences: Type.Array(keys(AUDIENCES), { minItems: 1, uniqueItems: true }),
    themes: Type.Array(keys(THEMES), { minItems: 1, uniqueItems: true }),
    aid_types: Type.Array(keys(AID_TYPES), { minItems: 1, uniqueItems: true }),
    amount: Type.Optional(Amount),
    territory: Territory,
    dates: Type.Object(
      { permanent: Type.Boolean(), opening: Type.Optional(IsoDate), closing: Type.Optional(IsoDate) },
      { additionalProperties: false },
    ),
    recurrence: Type.Union([Type.Literal('permanente'), Type.Literal('annuelle'), Type.Literal('ponctuelle')]),
    documents: Type.Array(Text(300)),
    link: Url,
    /** Where to apply online, when it is not on Guichet. */
    apply_url: Type.Optional(Url),
    last_verified: IsoDate,
    eligibility: ConditionSchema,
    source: Type.Optional(
      Type.Object({ dataset: Text(200), reference: Text(300), url: Type.Optional(Url) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export type Amount = Static<typeof Amount>;
export type Territory = { scope: 'national' } | { scope: 'local'; areas: Array<{ level: TerritoryLevel; code: string; name: string }> };
export type Aid = Omit<Static<typeof AidSchema>, 'eligibility' | 'audiences' | 'themes' | 'aid_types' | 'porteur' | 'territory'> & {
  porteur: { name: string; kind: PorteurKind; tenant_id?: string; siren?: string };
  audiences: Audience[];
  themes: Theme[];
  aid_types: AidType[];
  territory: Territory;
  eligibility: Condition;
};

/** Calls visit on every node of the condition tree, depth first. */
export function walk(condition: Condition, path: string, visit: (c: Condition, path: string) => void): void {
  visit(condition, path);
  if (condition.type === 'all' || condition.type === 'any') condition.conditions.forEach((c, i) => walk(c, `${path}/conditions/${i}`, visit));
  if (condition.type === 'not') walk(condition.condition, `${path}/condition`, visit);
}

/** The JSON Schema (draft 2020-12) published as docs/aid.schema.json. */
export function aidJsonSchema(): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(AidSchema)) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://guichet.bzh/schemas/aid.schema.json',
    title: 'Aide publique (format Guichet)',
    description: 'Une aide publique et ses conditions d’éligibilité structurées. Voir docs/aid-format.md.',
    ...plain,
  };
}
