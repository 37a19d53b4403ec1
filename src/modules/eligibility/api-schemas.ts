/** The schemas of POST /api/v1/eligibilite's answer (its body is SituationSchema, situation.ts). */
import { Type } from '@sinclair/typebox';
import { Nullable } from '../../platform/api/schemas';

const ReasonSchema = Type.Object(
  {
    texte: Type.String({ description: 'La raison en mots simples, tirée de la règle : « Vous avez 19 ans : cette aide est réservée aux 16–25 ans ».' }),
    statut: Type.Union([Type.Literal('remplie'), Type.Literal('non_remplie'), Type.Literal('a_verifier')]),
    phrase: Type.String({ description: 'La même raison suivie de ✓, ✗ ou ?.' }),
    regle: Type.String({ description: 'La condition seule, comme sur la page de l’aide.' }),
  },
  { $id: 'Raison' },
);

const QuestionSchema = Type.Object(
  {
    id: Type.String({ description: 'Un champ de Situation (commune, age, situation…) ou l’identifiant t-… d’une condition à vérifier, à donner dans « reponses ».' }),
    question: Type.String(),
    condition: Type.Optional(Type.String({ description: 'Pour une condition à vérifier : la condition elle-même.' })),
    propre_a_l_aide: Type.Boolean({ description: 'La réponse ne vaut que pour cette aide.' }),
  },
  { $id: 'Question' },
);

const AidResultSchema = Type.Object(
  {
    id: Type.String(),
    nom: Type.String(),
    porteur: Type.String(),
    type_porteur: Type.Optional(Type.String()),
    statut: Type.Union([Type.Literal('eligible'), Type.Literal('a_verifier'), Type.Literal('non_eligible')]),
    montant: Type.Optional(Nullable(Type.String({ description: 'Le montant indiqué par l’aide, en mots.' }))),
    raisons: Type.Array(ReasonSchema),
    a_verifier_aussi: Type.Array(Type.String(), {
      description: 'Les conditions d’information (non bloquantes) que Guichet ne vérifie pas : à vérifier sur la page officielle ; elles ne changent pas le statut.',
    }),
    questions_manquantes: Type.Array(QuestionSchema),
    lien_officiel: Type.String({ format: 'uri' }),
    page: Type.String({ format: 'uri' }),
    calcul: Type.String({ format: 'uri', description: 'La page « Comment est-ce calculé ? » de l’aide.' }),
  },
  { $id: 'ResultatAide' },
);

export const EligibilityAnswerSchema = Type.Object(
  {
    date: Type.String({ format: 'date', description: 'Le jour du calcul (l’âge en dépend).' }),
    lieu: Nullable(
      Type.Object({ commune: Type.String(), nom: Type.String(), epci: Nullable(Type.String()), departement: Type.String(), region: Type.String() }, { description: 'La commune reconnue et ses territoires.' }),
    ),
    age: Nullable(Type.Integer()),
    eligibles: Type.Array(AidResultSchema),
    a_verifier: Type.Array(AidResultSchema),
    non_eligibles: Type.Array(AidResultSchema),
    hors_perimetre: Type.Integer({ description: 'Aides non évaluées : leur territoire ou leurs bornes d’âge excluent la personne.' }),
    autre_demandeur: Type.Integer({ description: 'Aides non évaluées car destinées à l’autre sorte de demandeur (particulier ou organisation).' }),
    question_suivante: Nullable(Type.Object({ id: Type.String(), question: Type.String() }, { description: 'La question qui déciderait le plus d’aides.' })),
  },
  { description: 'Le résultat, aide par aide.' },
);
