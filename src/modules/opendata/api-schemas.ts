/** The schemas of the open data API: the catalogue (/api/v1/donnees) and error reports (/api/v1/signalements). */
import { Type } from '@sinclair/typebox';
import { Nullable } from '../../platform/api/schemas';

export const DatasetSchema = Type.Object(
  {
    id: Type.String({ description: 'L’identifiant du jeu, « jeu » ou « jeu--collectivite ».', examples: ['aides--bretagne'] }),
    titre: Type.String(),
    description: Type.String(),
    producteur: Type.Object({ id: Type.String(), nom: Type.String() }),
    licence: Type.Object({ id: Type.String({ examples: ['lo-2.0', 'odbl'] }), nom: Type.String(), url: Type.String() }),
    frequence: Type.String({ description: 'La fréquence de mise à jour (vocabulaire de Guichet).' }),
    frequence_libelle: Type.String(),
    modifie_le: Nullable(Type.String({ format: 'date-time' })),
    lignes: Type.Integer({ description: 'Le nombre de lignes du jeu.' }),
    page: Type.String({ format: 'uri' }),
    champs: Type.Array(Type.Object({ nom: Type.String(), type: Type.String(), signification: Type.String() })),
    telechargements: Type.Array(Type.Object({ format: Type.String(), type: Type.String({ description: 'Le type de média.' }), url: Type.String({ format: 'uri' }) })),
    api: Nullable(Type.String({ format: 'uri', description: 'L’opération de l’API qui sert les mêmes données.' })),
  },
  { $id: 'JeuDeDonnees' },
);

export const ReportCountsSchema = Type.Object(
  { nouveau: Type.Integer(), en_cours: Type.Integer(), corrige: Type.Integer(), rejete: Type.Integer() },
  { description: 'Les erreurs signalées sur ce jeu, par état de traitement.' },
);

export const DatasetSlugParams = Type.Object({ slug: Type.String({ maxLength: 120, description: 'L’identifiant du jeu de données.', examples: ['aides--bretagne'] }) });

export const ReportBody = Type.Object(
  {
    jeu: Type.Optional(Type.String({ description: 'Le jeu de données de l’objet (par exemple « aides », « lieux-aide »).', examples: ['lieux-aide'] })),
    objet: Type.Optional(Type.String({ description: 'L’identifiant de l’objet dans ce jeu.' })),
    message: Type.Optional(Type.String({ description: 'Ce qui est faux, en quelques phrases.' })),
    courriel: Type.Optional(Type.String({ description: 'Facultatif : une adresse pour recevoir la réponse de la collectivité.' })),
  },
  { description: 'Le signalement d’une erreur sur un objet public.' },
);

export const ReportCreatedSchema = Type.Object(
  {
    id: Type.String(),
    statut: Type.Literal('nouveau'),
    objet: Type.Object({ titre: Type.String(), page: Type.String({ format: 'uri' }) }),
  },
  { description: 'Le signalement est enregistré ; il arrive dans la file de la collectivité qui produit la donnée.' },
);
