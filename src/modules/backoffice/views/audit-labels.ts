import { ROLE_LABELS } from '../../../platform/auth/roles';
import { brandingLabels } from '../branding.service';
import type { ActorKind } from '../journal.store';

const FIELD_LABELS: Record<string, string> = brandingLabels;

/**
 * French words for the audit actions an administrator reads in the journal. Every action the code
 * writes has one (audit-labels.test.ts reads the sources); older names stay for the rows they wrote.
 */
export const ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Connexion',
  'auth.sign_out': 'Déconnexion',
  'auth.sign_in_failed': 'Connexion refusée',
  'auth.sign_in_link_requested': 'Lien de connexion demandé par courriel',
  'auth.password_change': 'Mot de passe changé',
  'auth.password_change_failed': 'Changement de mot de passe refusé',
  'auth.session_revoked': 'Session fermée à distance',
  'auth.sso_refused': 'Connexion partagée refusée',
  'access.cross_tenant_refused': 'Accès refusé à un agent d’une autre collectivité',
  'franceconnect.sign_in': 'Connexion avec FranceConnect',
  'franceconnect.failure': 'Connexion avec FranceConnect échouée',
  'franceconnect.link': 'Compte relié à FranceConnect',
  'franceconnect.link_refused': 'Liaison à FranceConnect refusée',
  'franceconnect.unlink': 'Compte détaché de FranceConnect',
  'franceconnect.sign_in_refused': 'Connexion avec FranceConnect refusée : l’adresse a déjà un compte',
  'franceconnect.standin.sign_in': 'Connexion à la démonstration de FranceConnect',
  'account.sign_up': 'Compte créé',
  'account.sign_up_existing': 'Création de compte sur une adresse déjà inscrite',
  'account.email_confirmed': 'Adresse électronique confirmée',
  'account.confirmation_resent': 'Lien de confirmation renvoyé',
  'account.password_reset_requested': 'Lien « mot de passe oublié » demandé',
  'account.password_reset': 'Mot de passe réinitialisé',
  'account.email_change_requested': 'Changement d’adresse demandé',
  'account.email_changed': 'Adresse électronique changée',
  'account.deleted': 'Compte supprimé',
  'account.unused_warned': 'Prévenu : compte inutilisé depuis bientôt 3 ans',
  'account.deleted_unused': 'Compte supprimé après 3 ans sans connexion',
  'mfa.enrol': 'Double authentification activée',
  'mfa.verify': 'Code de double authentification accepté',
  'mfa.verify_failed': 'Code de double authentification refusé',
  'mfa.recovery_used': 'Code de secours utilisé',
  'mfa.recovery_regenerate': 'Nouveaux codes de secours',
  'mfa.reset': 'Double authentification d’un agent réinitialisée',
  'mfa.disable': 'Double authentification désactivée',
  'branding.update': 'Identité visuelle modifiée',
  'branding.logo': 'Logo changé',
  'agents.add': 'Agent ajouté',
  'agents.invite': 'Agent invité',
  'agents.reinvite': 'Invitation d’un agent renvoyée',
  'agents.invitation_cancelled': 'Invitation d’un agent annulée',
  'agents.invitation_accepted': 'Invitation acceptée : agent ajouté',
  'agents.invitation_declined': 'Invitation refusée',
  'agents.sessions_closed': 'Sessions d’un agent fermées',
  'agents.act_refused': 'Action sur un agent refusée',
  'agents.role': 'Rôle d’un agent changé',
  'agents.remove': 'Agent retiré',
  'content.create': 'Contenu créé',
  'content.update': 'Contenu modifié',
  'content.publish': 'Contenu publié',
  'content.unpublish': 'Contenu dépublié',
  'content.restore': 'Version restaurée',
  'content.delete': 'Contenu supprimé',
  'content.pro_page_read': 'Page réservée aux professionnels consultée',
  'aid.create': 'Aide créée',
  'aid.update': 'Aide modifiée',
  'aid.publish': 'Aide publiée',
  'aid.unpublish': 'Aide dépubliée',
  'aid.restore': 'Version d’une aide rétablie',
  'aid.import_checked': 'Import d’aides vérifié',
  'aid.import_applied': 'Import d’aides appliqué',
  'applications.form_saved': 'Formulaire de demande enregistré',
  'applications.submit': 'Demande d’aide déposée',
  'applications.withdraw': 'Demande d’aide retirée',
  'applications.view': 'Demande d’aide consultée',
  'applications.document_download': 'Document d’une demande téléchargé',
  'applications.status': 'Étape d’une demande changée',
  'applications.message': 'Message sur une demande',
  'applications.annotation': 'Note interne sur une demande',
  'applications.document_added': 'Document ajouté à une demande',
  'applications.retention_deleted': 'Demande effacée : durée de conservation écoulée',
  'menu.update': 'Menu modifié',
  'agenda.event_created': 'Événement créé',
  'agenda.event_changed': 'Événement modifié',
  'agenda.pro_event_read': 'Événement réservé aux professionnels consulté',
  'agenda.import_checked': 'Import d’événements vérifié',
  'agenda.import_applied': 'Import d’événements appliqué',
  'help_place.created': 'Lieu d’aide créé',
  'help_place.updated': 'Lieu d’aide modifié',
  'help_place.published': 'Lieu d’aide publié',
  'help_place.unpublished': 'Lieu d’aide dépublié',
  'help_place.import_checked': 'Import de lieux d’aide vérifié',
  'help_place.import_applied': 'Import de lieux d’aide appliqué',
  'training.import_checked': 'Import de formations vérifié',
  'training.import_applied': 'Import de formations appliqué',
  'orientation.note_save': 'Note sur une fiche métier enregistrée',
  'orientation.note_withdraw': 'Note sur une fiche métier retirée',
  'members.favourite_add': 'Favori ajouté',
  'members.favourite_note': 'Note sur un favori',
  'members.favourite_remove': 'Favori retiré',
  'members.favourites_clear': 'Tous les favoris retirés',
  'members.favourites_export': 'Favoris téléchargés',
  'members.reminder_sent': 'Rappel envoyé par courriel',
  'members.selection_create': 'Sélection créée',
  'members.selection_add': 'Ajout à une sélection',
  'members.selection_remove': 'Retrait d’une sélection',
  'members.selection_share': 'Sélection partagée par un lien',
  'members.selection_revoke': 'Lien de partage d’une sélection retiré',
  'members.selection_delete': 'Sélection supprimée',
  'opendata.licence_changed': 'Licence d’un jeu de données changée',
  'opendata.report_read': 'Signalement d’erreur consulté (avec l’adresse de la personne)',
  'opendata.report_handled': 'Signalement d’erreur traité',
  'developer.application_created': 'Application de l’API inscrite',
  'developer.scopes_changed': 'Portées d’une application de l’API changées',
  'developer.key_rotated': 'Nouvelle clé d’API créée',
  'developer.key_revoked': 'Clé d’API révoquée',
  'developer.quotas_changed': 'Quotas d’une application de l’API changés',
  'developer.application_suspended': 'Application de l’API suspendue',
  'developer.application_reactivated': 'Application de l’API réactivée',
  'idp.client_created': 'Application reliée créée',
  'idp.client_updated': 'Application reliée modifiée',
  'idp.client_secret_regenerated': 'Nouveau secret d’une application reliée',
  'idp.client_disabled': 'Application reliée désactivée',
  'idp.client_enabled': 'Application reliée réactivée',
  'idp.key_rotated': 'Clé de signature des jetons renouvelée',
  'idp.consent_given': 'Autorisation donnée à une application',
  'idp.consent_refused': 'Autorisation refusée à une application',
  'idp.consent_revoked': 'Autorisation retirée à une application',
  'idp.grant_revoked': 'Accès d’une application révoqué',
  'idp.tokens_issued': 'Jetons d’accès délivrés à une application',
  'idp.token_refused': 'Jeton refusé à une application',
  'idp.authorization_refused': 'Demande de connexion d’une application refusée',
  'idp.sign_out': 'Déconnexion depuis une application',
  'idp.personal_data_read': 'Données personnelles lues par une application',
  'idp.personal_data_refused': 'Lecture de données personnelles refusée à une application',
  'personal_data.copied': 'Copie de ses données téléchargée par la personne',
  'search.synonym_create': 'Synonyme de la recherche ajouté',
  'search.synonym_update': 'Synonyme de la recherche modifié',
  'search.synonym_delete': 'Synonyme de la recherche supprimé',
  'glossary.term_create': 'Terme du glossaire ajouté',
  'glossary.term_update': 'Terme du glossaire modifié',
  'glossary.term_delete': 'Terme du glossaire supprimé',
  'profile.update': 'Profil modifié',
  'profile.clear': 'Informations du profil effacées',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const TARGET_LABELS: Record<string, string> = {
  tenant: 'Collectivité',
  account: 'Compte d’une personne',
  invitation: 'Invitation',
  media: 'Fichier',
  content: 'Contenu',
  content_item: 'Contenu',
  content_menu_entry: 'Menu',
  menu: 'Menu',
  glossary_term: 'Terme du glossaire',
  aid: 'Aide',
  aids_import: 'Import d’aides',
  application: 'Demande d’aide',
  search_synonym: 'Synonyme de la recherche',
  idp_client: 'Application reliée',
  idp_key: 'Clé de signature',
  idp_grant: 'Autorisation donnée à une application',
  help_place: 'Lieu d’aide',
  help_place_import: 'Import de lieux d’aide',
  agenda_event: 'Événement',
  agenda_import: 'Import d’événements',
  trainings_import: 'Import de formations',
  orientation_note: 'Note sur une fiche métier',
  selection: 'Sélection',
  dataset: 'Jeu de données',
  data_report: 'Signalement d’erreur',
  developer_application: 'Application de l’API',
};

const CONTENT_KINDS: Record<string, string> = { page: 'Page', news: 'Actualité' };

/** What kind of actor the journal shows under the name. */
export function actorKindLabel(actor: ActorKind): string {
  switch (actor.kind) {
    case 'agent':
      return `Agent, ${ROLE_LABELS[actor.role].toLowerCase()}`;
    case 'operator':
      return 'Opérateur de la plateforme';
    case 'other_agent':
      return 'Agent d’une autre collectivité';
    case 'person':
      return 'Personne (usager)';
    case 'system':
      return 'Système';
  }
}

/**
 * A short French description of what the entry touched, from the details it recorded. An
 * account is an agent's only when it is an agent of this tenant: the person whose application
 * an instructeur opened is a person, not an agent.
 */
export function entrySubject(details: Record<string, unknown>, targetType: string | null, options: { people?: boolean; targetIsAgent?: boolean; targetId?: string | null | undefined } = {}): string {
  // Addresses of agents are shown to administrators only (in the journal), not on the home page.
  for (const key of options.people ? ['title', 'label', 'email', 'name'] : ['title', 'label']) {
    const value = details[key];
    if (typeof value === 'string' && value) return value;
  }
  if (typeof details.reference === 'string' && details.reference) return `Demande ${details.reference}`;
  if (typeof details.term === 'string' && details.term) return `Synonyme « ${details.term} »`;
  // Rows written before the journal named its objects: their kind and the address they had.
  if (targetType === 'content_item' && typeof details.slug === 'string' && details.slug) return `${CONTENT_KINDS[String(details.kind)] ?? 'Contenu'} « ${details.slug} »`;
  if (targetType === 'aid' && options.targetId) return `Aide « ${options.targetId} »`;
  if (Array.isArray(details.changed) && details.changed.length) {
    return details.changed.map((field) => (typeof field === 'string' ? (FIELD_LABELS[field] ?? field) : '')).filter(Boolean).join(', ');
  }
  if (targetType === 'account' && options.targetIsAgent) return 'Compte d’agent';
  return targetType ? (TARGET_LABELS[targetType] ?? '') : '';
}
