import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { APPLICATION_STATUSES, type ApplicationsTables } from './tables';
import type { PersonalDataDeclaration } from '../../platform/personal-data';

/**
 * The person's applications with what they answered and sent, their steps and messages. Documents
 * are described (name, size, fingerprint) with the address where each is downloaded: the file
 * itself would make the copy too heavy. Agents' internal notes stay out (see notCopied).
 */
async function applicationsCopy(db: Kysely<PlatformTables>, accountId: string) {
  const apps = db.withTables<ApplicationsTables>();
  const rows = await apps
    .selectFrom('applications')
    .innerJoin('platform_tenants', 'platform_tenants.id', 'applications.tenant_id')
    .select(['applications.id', 'applications.reference', 'applications.aid_name', 'platform_tenants.name as tenant', 'applications.status', 'applications.answers', 'applications.sources', 'applications.consents', 'applications.amount_granted', 'applications.decision_motivation', 'applications.created_at', 'applications.submitted_at', 'applications.decided_at'])
    .where('applications.account_id', '=', accountId)
    .orderBy('applications.created_at')
    .execute();
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const [documents, history, messages] = await Promise.all([
    apps.selectFrom('application_documents').select(['id', 'application_id', 'field', 'filename', 'content_type', 'size', 'sha256', 'created_at']).where('application_id', 'in', ids).orderBy('created_at').execute(),
    apps.selectFrom('application_history').select(['application_id', 'actor_kind', 'action', 'from_status', 'to_status', 'note', 'created_at']).where('application_id', 'in', ids).orderBy('created_at').execute(),
    apps.selectFrom('application_messages').select(['application_id', 'author_kind', 'body', 'requested_documents', 'created_at', 'read_at']).where('application_id', 'in', ids).orderBy('created_at').execute(),
  ]);
  const status = (value: string | null) => (value ? (APPLICATION_STATUSES[value as keyof typeof APPLICATION_STATUSES] ?? value) : null);
  return rows.map((row) => ({
    reference: row.reference,
    aide: row.aid_name,
    collectivite: row.tenant,
    etat: status(row.status),
    creeeLe: row.created_at,
    deposeeLe: row.submitted_at,
    decideeLe: row.decided_at,
    montantAccorde: row.amount_granted,
    motivationDeLaDecision: row.decision_motivation,
    reponses: row.answers,
    provenanceDesReponses: row.sources,
    accords: row.consents,
    pieces: documents
      .filter((d) => d.application_id === row.id)
      .map((d) => ({ champ: d.field, nom: d.filename, type: d.content_type, octets: d.size, empreinteSha256: d.sha256, envoyeeLe: d.created_at, telecharger: `/mes-demarches/documents/${d.id}` })),
    etapes: history
      .filter((h) => h.application_id === row.id)
      .map((h) => ({ le: h.created_at, par: h.actor_kind, action: h.action, de: status(h.from_status), vers: status(h.to_status), note: h.note })),
    messages: messages
      .filter((m) => m.application_id === row.id)
      .map((m) => ({ le: m.created_at, de: m.author_kind === 'usager' ? 'vous' : 'agent', texte: m.body, piecesDemandees: m.requested_documents, luLe: m.read_at })),
  }));
}


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
      kept: 'un brouillon, jusqu’à la suppression de votre compte ; une demande envoyée, par la collectivité qui l’a reçue, tant qu’elle est en cours, puis 10 ans après la décision si l’aide est accordée (l’aide versée peut être contrôlée pendant ce temps), 5 ans sinon (demande refusée, classée sans suite ou retirée).',
      enforced: 'quand votre compte est supprimé (par vous, ou après 3 ans sans connexion), vos brouillons sont effacés ; vos demandes envoyées restent chez la collectivité, détachées du compte : elles gardent vos réponses et vos pièces, comme la collectivité les a reçues, mais ne sont plus reliées à aucun compte et Guichet ne vous écrit plus à leur sujet. Une demande close depuis 10 ans (aide accordée) ou 5 ans (autres cas) est effacée chaque heure, avec ses pièces, ses étapes, ses messages et les notes des agents ; le journal de la collectivité garde la trace de l’effacement (la référence de la demande, sans son contenu).',
      recipients: 'vous ; les agents de la collectivité qui propose l’aide (rôles instructeur et administrateur).',
    },
  ],
  copies: [{ key: 'demandes', tables: ['applications', 'application_documents', 'application_history', 'application_messages'], read: applicationsCopy }],
  notCopied: [
    { table: 'application_annotations', why: 'les notes internes des agents sur une demande : vous pouvez les demander à la collectivité qui instruit la demande.' },
    { table: 'application_reads', why: 'seulement la date à laquelle un agent a ouvert la demande pour la dernière fois.' },
  ],
  alsoIn: [{ processing: 'travail-agents', tables: ['application_forms'] }],
};
