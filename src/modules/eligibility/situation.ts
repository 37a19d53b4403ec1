/**
 * A situation as the API and the questionnaire hold it (French field names, JSON): its TypeBox
 * schema (the API route validates against it; OpenAPI publishes it), and its conversion to the
 * engine's facts once the commune is resolved.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DIPLOMA_LEVELS, STUDY_LEVELS, type DiplomaLevel, type IncomeBasis, type StudyLevel } from '../aids';
import { ORGANISATION_TYPES, SITUATIONS, type OrganisationType, type Situation as Activity } from '../profile';
import { ageOn, type Facts, type Place, type Requester } from './facts';

const keys = (record: Record<string, string>, description: string) =>
  Type.Union(Object.keys(record).map((k) => Type.Literal(k)), { description }) as unknown as TSchema;
const Euros = (description: string) => Type.Number({ minimum: 0, maximum: 100_000_000, description });

export const SituationSchema = Type.Object(
  {
    demandeur: Type.Optional(
      Type.Union([Type.Literal('particulier'), Type.Literal('organisation')], {
        description:
          'Pour qui sont cherchées les aides : la personne et son foyer, ou une organisation (association, entreprise, commune…). Absent : déduit de la situation (un champ « organisation » seul : organisation ; un fait sur la personne seul : particulier).',
      }) as unknown as TSchema,
    ),
    age: Type.Optional(Type.Integer({ minimum: 0, maximum: 130, description: 'Âge en années (ou date_naissance).' })),
    date_naissance: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Date de naissance, AAAA-MM-JJ.' })),
    commune: Type.Optional(Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$', description: 'Code COG (INSEE) de la commune où la personne habite, par exemple 35238 pour Rennes.' })),
    situation: Type.Optional(keys(SITUATIONS, 'Situation principale.')),
    handicap: Type.Optional(Type.Boolean({ description: 'En situation de handicap.' })),
    enfants: Type.Optional(Type.Integer({ minimum: 0, maximum: 30, description: 'Nombre d’enfants à charge.' })),
    adultes: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'Nombre d’adultes du foyer.' })),
    quotient_familial: Type.Optional(Euros('Quotient familial CAF ou MSA, en euros par mois.')),
    revenu_fiscal_par_part: Type.Optional(Euros('Revenu fiscal de référence divisé par le nombre de parts, en euros par an.')),
    revenu_fiscal: Type.Optional(Euros('Revenu fiscal de référence du foyer, en euros par an.')),
    ressources_mensuelles: Type.Optional(Euros('Ressources du foyer, en euros par mois.')),
    boursier: Type.Optional(Type.Boolean({ description: 'A une bourse d’études (collège, lycée ou enseignement supérieur).' })),
    annee_etude: Type.Optional(
      Type.Union([...Object.keys(STUDY_LEVELS).map((k) => Type.Literal(k)), Type.Literal('aucune')], { description: 'Année d’études en cours, « aucune » hors études.' }) as unknown as TSchema,
    ),
    diplome: Type.Optional(keys(DIPLOMA_LEVELS, 'Diplôme le plus élevé (niveau de la nomenclature nationale).')),
    organisation: Type.Optional(
      Type.Object(
        {
          type: Type.Optional(keys(ORGANISATION_TYPES, 'Type d’organisation.')),
          naf: Type.Optional(Type.String({ pattern: '^[0-9]{2}(?:\\.[0-9]{1,2}[A-Za-z]?)?$', description: 'Code NAF, par exemple 94.99Z.' })),
          effectif: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'Nombre de salariés.' })),
        },
        { additionalProperties: false },
      ),
    ),
    reponses: Type.Optional(
      Type.Record(Type.String({ pattern: '^t-[0-9a-f]{10}$' }), Type.Union([Type.Boolean(), Type.Null()]), {
        description: 'Réponses aux conditions à vérifier, par identifiant de question (donné dans questions_manquantes) : true, false, ou null pour « je ne sais pas ».',
      }),
    ),
  },
  { additionalProperties: false, $id: 'Situation', title: 'Situation', description: 'Ce que l’on sait de la personne ; tout est facultatif.' },
);

export interface Situation {
  demandeur?: Requester;
  age?: number;
  date_naissance?: string;
  commune?: string;
  situation?: Activity;
  handicap?: boolean;
  enfants?: number;
  adultes?: number;
  quotient_familial?: number;
  revenu_fiscal_par_part?: number;
  revenu_fiscal?: number;
  ressources_mensuelles?: number;
  boursier?: boolean;
  annee_etude?: StudyLevel | 'aucune';
  diplome?: DiplomaLevel;
  organisation?: { type?: OrganisationType; naf?: string; effectif?: number };
  reponses?: Record<string, boolean | null>;
}
// The hand-written interface and the schema must agree.
export type SituationFromSchema = Static<typeof SituationSchema>;

export const INCOME_FIELDS: IncomeBasis[] = ['quotient_familial', 'revenu_fiscal_par_part', 'revenu_fiscal', 'ressources_mensuelles'];

/** Structural errors (JSON pointer → French message), as the route's schema would report them. */
export function structuralErrors(value: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const e of Value.Errors(SituationSchema, value)) {
    const pointer = e.path.replace(/^\//, '') || '(corps)';
    errors[pointer] ??= frenchSchemaMessage(e.message);
  }
  return errors;
}

export function frenchSchemaMessage(message: string): string {
  if (/additional|must NOT have additional/i.test(message)) return 'Ce champ n’est pas connu de l’API.';
  if (/pattern|match/i.test(message)) return 'Le format n’est pas le bon (voir la documentation OpenAPI).';
  if (/integer/i.test(message)) return 'Un nombre entier est attendu.';
  if (/boolean/i.test(message)) return 'true ou false est attendu.';
  if (/number/i.test(message)) return 'Un nombre est attendu.';
  if (/greater|less|minimum|maximum|>=|<=/i.test(message)) return 'La valeur est hors des limites permises.';
  if (/union|equal to one of|constant|anyOf/i.test(message)) return 'Cette valeur ne fait pas partie des valeurs permises.';
  if (/object/i.test(message)) return 'Un objet JSON est attendu.';
  return 'Cette valeur n’est pas valide.';
}

/** Checks what the schema cannot: a real past date, an age and a birthdate that agree. */
export function semanticErrors(s: Situation, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (s.date_naissance !== undefined) {
    const d = new Date(`${s.date_naissance}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s.date_naissance) errors.date_naissance = 'Cette date n’existe pas.';
    else if (s.date_naissance > today) errors.date_naissance = 'La date de naissance est dans le futur.';
    else if (ageOn(s.date_naissance, today) > 130) errors.date_naissance = 'La date de naissance est trop ancienne.';
    else if (s.age !== undefined && ageOn(s.date_naissance, today) !== s.age) errors.age = 'L’âge ne correspond pas à la date de naissance.';
  }
  return errors;
}

export function ageOf(s: Situation, today: string): number | undefined {
  return s.date_naissance !== undefined ? ageOn(s.date_naissance, today) : s.age;
}

const PERSON_FIELDS = ['age', 'date_naissance', 'situation', 'handicap', 'enfants', 'adultes', 'boursier', 'annee_etude', 'diplome', ...INCOME_FIELDS] as const;

/**
 * Who the aids are for: said, or told by the situation itself (an API client that sends an age
 * means a person, one that sends only an organisation means the organisation); undefined when
 * nothing tells or both kinds of facts are there.
 */
export function requesterOf(s: Situation): Requester | undefined {
  if (s.demandeur) return s.demandeur;
  const person = PERSON_FIELDS.some((field) => s[field] !== undefined);
  const organisation = s.organisation !== undefined && Object.keys(s.organisation).length > 0;
  if (person === organisation) return undefined;
  return person ? 'particulier' : 'organisation';
}

/** The engine's facts from a situation and its resolved commune. */
export function toFacts(s: Situation, place: Place | undefined, today: string): Facts {
  const income: Facts['income'] = {};
  for (const basis of INCOME_FIELDS) if (s[basis] !== undefined) income[basis] = s[basis];
  return {
    requester: requesterOf(s),
    age: ageOf(s, today),
    place,
    situation: s.situation,
    handicap: s.handicap,
    children: s.enfants,
    adults: s.adultes,
    income,
    boursier: s.boursier,
    studyLevel: s.annee_etude,
    diploma: s.diplome,
    organisation: s.organisation ? { kind: s.organisation.type, naf: s.organisation.naf, headcount: s.organisation.effectif } : undefined,
    answers: s.reponses,
  };
}
