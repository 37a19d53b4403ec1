import { ROLE_LABELS } from '../../../platform/auth/roles';
import type { Role, Tenant } from '../../../platform/db/tables';
import { Badge, DateText, ROLE_TONES } from '../../../platform/views/components';
import type { AdminSection } from '../../../platform/views/admin';
import { groupSections, tenantAdminHome } from '../../../platform/views/admin';
import type { JournalEntry } from '../journal.store';
import { actionLabel, entrySubject } from './audit-labels';

export function Dashboard({ name, memberships }: { name: string; memberships: Array<{ tenant: Tenant; role: Role }> }) {
  return (
    <>
      <p class="lead">Bonjour {name}.</p>
      <h2>Vos collectivités</h2>
      {memberships.length === 0 ? (
        <p>
          Votre compte n'est rattaché à aucune collectivité pour le moment. Demandez à l'administrateur de votre collectivité de vous
          ajouter comme agent.
        </p>
      ) : (
        <ul class="cards">
          {memberships.map(({ tenant, role }) => (
            <li class="card">
              <h3>
                <a href={tenantAdminHome(tenant.id)}>{tenant.name}</a>
              </h3>
              <p class="card__meta">Votre rôle : {ROLE_LABELS[role]}</p>
              <p>{ROLE_HINTS[role]}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>Votre compte</h2>
      <p>
        <a href="/admin/double-authentification">Double authentification et codes de secours</a>
      </p>
    </>
  );
}

export const ROLE_HINTS: Record<Role, string> = {
  administrateur: 'Vous gérez les contenus, l’identité visuelle et les agents de la collectivité.',
  editeur: 'Vous écrivez et publiez les pages, les actualités, le menu et les aides.',
  instructeur: 'Vous examinez les demandes d’aide des personnes : documents, messages, décision.',
  conseiller: 'Vous écrivez le mot des conseillers des fiches métiers, lisez les pages réservées aux professionnels et préparez des sélections pour les personnes.',
  lecteur: 'Vous pouvez consulter les contenus et leur historique, sans les modifier.',
};

export function TenantHome({ tenant, role, sections, recent, journalHref }: {
  tenant: Tenant;
  role: Role;
  sections: AdminSection[];
  recent: JournalEntry[];
  journalHref?: string | undefined;
}) {
  return (
    <>
      <p class="lead">
        Votre rôle dans {tenant.name} : <Badge tone={ROLE_TONES[role]}>{ROLE_LABELS[role]}</Badge>. {ROLE_HINTS[role]}
      </p>
      <h2>Ce que vous pouvez faire</h2>
      {sections.length === 0 ? (
        <p>Aucune rubrique de gestion n'est ouverte à votre rôle pour le moment.</p>
      ) : (
        groupSections(sections).map((group) => (
          <>
            <h3>{group.label}</h3>
            <ul class="cards cards--dense">
              {group.sections.map((section) => (
                <li class="card">
                  <h4>
                    <a href={section.href}>{section.label}</a>
                  </h4>
                  <p>{section.description}</p>
                </li>
              ))}
            </ul>
          </>
        ))
      )}
      <p>
        <a href={`/collectivites/${tenant.id}/`}>Voir le site public de {tenant.short_name}</a>
      </p>
      <h2>Dernières modifications</h2>
      {recent.length === 0 ? (
        <p>Aucune modification n'a encore été faite dans l'espace de gestion de {tenant.short_name}.</p>
      ) : (
        <ul class="recent-changes">
          {recent.map((entry) => {
            const subject = entrySubject(entry.details, entry.targetType, { targetIsAgent: entry.targetIsAgent, targetId: entry.targetId });
            return (
              <li>
                <DateText date={entry.at} /> : {actionLabel(entry.action)}
                {subject ? ` (${subject})` : ''}, par {entry.actorLabel || 'le système'}
              </li>
            );
          })}
        </ul>
      )}
      {journalHref ? (
        <p>
          <a href={journalHref}>Voir tout le journal</a>
        </p>
      ) : null}
    </>
  );
}
