import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../../../platform/auth/roles';
import type { Tenant } from '../../../platform/db/tables';
import { Badge, DateText, ROLE_TONES } from '../../../platform/views/components';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextField, type FieldErrors } from '../../../platform/views/form';
import type { MultiTenantAgent, TenantAgent } from '../agents.service';
import { invitationLabels, type InvitationInput } from '../invitations.service';
import { isExpired, type Invitation } from '../invitations.store';

const roleOptions = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], detail: ROLE_DESCRIPTIONS[role] }));

/** What each role may do, before the lists where a role is chosen. */
function RolesExplained() {
  return (
    <details class="roles-explained">
      <summary>Ce que permet chaque rôle</summary>
      <dl>
        {ROLES.map((role) => (
          <>
            <dt>{ROLE_LABELS[role]}</dt>
            <dd>{ROLE_DESCRIPTIONS[role]}</dd>
          </>
        ))}
      </dl>
      <p>Un éditeur n’examine pas les demandes d’aide, et un instructeur ne modifie ni les pages ni les aides : donnez à chacun le rôle de son travail.</p>
    </details>
  );
}

export function ActionError({ message }: { message: string }) {
  return (
    <div class="error-summary" role="alert">
      <h2>Action impossible</h2>
      <p>{message}</p>
    </div>
  );
}

export function AgentsPage({ tenant, agents, csrfToken, base, selfId, add, factors, invitations, operator }: {
  tenant: Tenant;
  agents: TenantAgent[];
  csrfToken: string;
  base: string;
  selfId: string;
  add: { values: Partial<InvitationInput>; errors: FieldErrors };
  /** account id → date the second factor was enrolled */
  factors: Map<string, Date>;
  invitations: Invitation[];
  /** The signed-in administrator is the platform operator (administrator of the Région). */
  operator: boolean;
}) {
  return (
    <>
      <ErrorSummary errors={add.errors} labels={invitationLabels} />
      <h2>
        Agents de {tenant.name} ({agents.length})
      </h2>
      <RolesExplained />
      <ul class="cards">
        {agents.map((agent) => (
          <li class="card">
            <h3>
              {agent.displayName}
              {agent.accountId === selfId ? ' (vous)' : ''}
            </h3>
            {/* One paragraph per subject: the agents' list must stay within the page budget (DOM size) with many agents. */}
            <p class="card__meta">
              <Badge tone={ROLE_TONES[agent.role]}>{ROLE_LABELS[agent.role]}</Badge> {agent.email}
            </p>
            <form action={`${base}/${agent.accountId}/role`} method="post" class="role-form">
              <input type="hidden" name="_csrf" value={csrfToken} />
              {/* aria-label rather than hidden spans: the same names read aloud, fewer elements on a long list. */}
              <label for={`role-${agent.accountId}`}>Rôle</label>{' '}
              <select id={`role-${agent.accountId}`} name="role" aria-label={`Rôle de ${agent.displayName}`}>
                {ROLES.map((role) => (
                  <option value={role} selected={role === agent.role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>{' '}
              <button type="submit" class="button button--secondary" aria-label={`Changer le rôle de ${agent.displayName}`}>
                Changer
              </button>
            </form>
            <p>
              Dernière connexion : {agent.lastSignInAt ? <DateText date={agent.lastSignInAt} /> : 'jamais'}. Double authentification :{' '}
              {factors.has(agent.accountId) ? (
                <>
                  activée le <DateText date={factors.get(agent.accountId)!} />
                </>
              ) : (
                'pas encore activée (elle le sera à la prochaine connexion)'
              )}
            </p>
            {agent.accountId === selfId ? null : agent.elsewhere && !operator ? (
              <p class="hint">
                {agent.displayName} est aussi agent d’une autre collectivité : pour réinitialiser sa double authentification ou fermer ses
                sessions, adressez-vous à l’opérateur de la plateforme (un administrateur de la Région).
              </p>
            ) : (
              <AccountActs base={base} agent={agent} hasFactor={factors.has(agent.accountId)} />
            )}
            <p>
              <a href={`${base}/${agent.accountId}/retirer`} aria-label={`Retirer de la collectivité : ${agent.displayName}`}>
                Retirer de la collectivité
              </a>
            </p>
          </li>
        ))}
      </ul>

      <PendingInvitations invitations={invitations} base={base} csrfToken={csrfToken} />

      <h2 id="ajouter">Inviter un agent</h2>
      <p>
        La personne reçoit par courriel une invitation, valable 7 jours. Elle l’accepte depuis son compte Guichet (ou en créant un compte avec
        cette adresse) : elle devient agent seulement à ce moment-là, puis active la double authentification.
      </p>
      <Form action={base} csrfToken={csrfToken}>
        <TextField name="email" type="email" label={invitationLabels.email} value={add.values.email} error={add.errors.email} autocomplete="off" required />
        <RadioGroup name="role" legend={invitationLabels.role} value={add.values.role ?? 'lecteur'} options={roleOptions} hint="Donnez le rôle le plus restreint qui suffit à son travail." error={add.errors.role} />
        <div class="actions">
          <SubmitButton>Envoyer l'invitation</SubmitButton>
        </div>
      </Form>
    </>
  );
}

/** Reset the second factor, close the sessions: each leads to a confirmation page. */
function AccountActs({ base, agent, hasFactor }: { base: string; agent: Pick<TenantAgent, 'accountId' | 'displayName'>; hasFactor: boolean }) {
  return (
    <p>
      {hasFactor ? (
        <>
          <a href={`${base}/${agent.accountId}/double-authentification`} aria-label={`Réinitialiser la double authentification de ${agent.displayName}`}>
            Réinitialiser la double authentification
          </a>
          {' · '}
        </>
      ) : null}
      <a href={`${base}/${agent.accountId}/sessions`} aria-label={`Fermer les sessions de ${agent.displayName}`}>
        Fermer les sessions
      </a>
    </p>
  );
}

function PendingInvitations({ invitations, base, csrfToken }: { invitations: Invitation[]; base: string; csrfToken: string }) {
  if (!invitations.length) return null;
  return (
    <>
      <h2>Invitations en attente ({invitations.length})</h2>
      <ul class="cards">
        {invitations.map((invitation) => (
          <li class="card">
            <h3>{invitation.email}</h3>
            <p>
              Rôle proposé : {ROLE_LABELS[invitation.role]}. Invitation de {invitation.invitedByLabel || 'un administrateur'} le{' '}
              <DateText date={invitation.createdAt} />,{' '}
              {isExpired(invitation) ? (
                <strong>expirée</strong>
              ) : (
                <>
                  valable jusqu’au <DateText date={invitation.expiresAt} />
                </>
              )}
              .
            </p>
            <div class="actions">
              <Form action={base} csrfToken={csrfToken}>
                <input type="hidden" name="email" value={invitation.email} />
                <input type="hidden" name="role" value={invitation.role} />
                <button type="submit" class="button button--secondary">
                  Renvoyer l’invitation<span class="visually-hidden"> à {invitation.email}</span>
                </button>
              </Form>
              <Form action={`${base}/invitations/${invitation.id}/annuler`} csrfToken={csrfToken}>
                <button type="submit" class="button button--secondary">
                  Annuler l'invitation<span class="visually-hidden"> de {invitation.email}</span>
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** On the Région's page, for the platform operator: the agents no single tenant's administrator may reset. */
export function MultiTenantAgents({ agents, base, tenantName, factors }: { agents: MultiTenantAgent[]; base: string; tenantName: (id: string) => string; factors: Map<string, Date> }) {
  return (
    <>
      <h2 id="plusieurs-collectivites">Agents de plusieurs collectivités ({agents.length})</h2>
      <p>
        En tant qu’opérateur de la plateforme, vous seul pouvez réinitialiser la double authentification de ces agents ou fermer leurs
        sessions : l’administrateur d’une de leurs collectivités ne le peut pas, car cela touche aussi les autres.
      </p>
      {agents.length ? (
        <ul class="cards">
          {agents.map((agent) => (
            <li class="card">
              <h3>{agent.displayName}</h3>
              <p class="card__meta">{agent.email}</p>
              <p>{agent.memberships.map((m) => `${tenantName(m.tenantId)} (${ROLE_LABELS[m.role]})`).join(', ')}</p>
              <AccountActs base={base} agent={agent} hasFactor={factors.has(agent.accountId)} />
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun agent n’appartient à plusieurs collectivités.</p>
      )}
    </>
  );
}

export function RemoveConfirm({ tenant, agent, csrfToken, action, back }: { tenant: Tenant; agent: TenantAgent; csrfToken: string; action: string; back: string }) {
  return (
    <>
      <p>
        {agent.displayName} ({agent.email}) ne pourra plus gérer le site de {tenant.name}. Son compte reste ouvert s'il est agent d'autres
        collectivités.
      </p>
      <Form action={action} csrfToken={csrfToken}>
        <div class="actions">
          <button type="submit" class="button button--danger">
            Retirer {agent.displayName} de {tenant.short_name}
          </button>
          <a href={back}>Annuler</a>
        </div>
      </Form>
    </>
  );
}
