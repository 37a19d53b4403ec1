import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Applications (docs/applications.md): the dossier, its documents, history, messages and notes. */
export const applicationsPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'demandes',
      concerned: 'demandeurs',
      title: 'Vos demandes d’aide',
      tables: ['applications', 'application_documents', 'application_history', 'application_messages', 'application_annotations', 'application_reads'],
      data: 'vos réponses au formulaire et leur source (votre profil, FranceConnect ou vous), les pièces justificatives que vous envoyez, les étapes de la demande, les messages échangés avec les agents, la décision, et les notes internes des agents.',
      purpose: 'étudier votre demande (l’instruction), vous répondre, et vous verser l’aide si elle est accordée.',
      basis: 'mission',
      basisDetail: 'attribuer les aides de la collectivité qui les propose',
      kept: 'jusqu’à la suppression de votre compte. La durée d’archivage d’une demande instruite doit être fixée par chaque collectivité selon les règles des archives publiques.',
      enforced: 'supprimer votre compte efface aujourd’hui vos demandes et leurs pièces tout de suite ; Guichet n’applique pas encore de durée d’archivage.',
      recipients: 'vous ; les agents de la collectivité qui propose l’aide (rôles instructeur et administrateur).',
    },
  ],
  alsoIn: [{ processing: 'travail-agents', tables: ['application_forms'] }],
};
