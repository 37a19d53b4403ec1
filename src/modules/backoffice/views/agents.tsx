import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../../../platform/auth/roles';
import type { Tenant } from '../../../platform/db/tables';
import { DateText } from '../../../platform/views/components';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextField, type FieldErrors } from '../../../platform/views/form';
import { agentLabels, type NewAgentInput, type TenantAgent } from '../agents.service';

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

export function AgentsPage({ tenant, agents, csrfToken, base, selfId, add, factors }: {
  tenant: Tenant;
  agents: TenantAgent[];
  csrfToken: string;
  base: string;
  selfId: string;
  add: { values: Partial<NewAgentInput>; errors: FieldErrors };
  /** account id → date the second factor was enrolled */
  factors: Map<string, Date>;
}) {
  return (
    <>
      <ErrorSummary errors={add.errors} labels={agentLabels} />
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
            <p class="card__meta">{agent.email}</p>
            <p>
              Dernière connexion : {agent.lastSignInAt ? <DateText date={agent.lastSignInAt} /> : 'jamais'}
            </p>
            <form action={`${base}/${agent.accountId}/role`} method="post" class="role-form">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <label for={`role-${agent.accountId}`}>
                Rôle<span class="visually-hidden"> de {agent.displayName}</span>
              </label>{' '}
              <select id={`role-${agent.accountId}`} name="role">
                {ROLES.map((role) => (
                  <option value={role} selected={role === agent.role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>{' '}
              <button type="submit" class="button button--secondary">
                Changer<span class="visually-hidden"> le rôle de {agent.displayName}</span>
              </button>
            </form>
            <p>
              Double authentification :{' '}
              {factors.has(agent.accountId) ? (
                <>
                  activée le <DateText date={factors.get(agent.accountId)!} />
                </>
              ) : (
                'pas encore activée (elle le sera à la prochaine connexion)'
              )}
            </p>
            {factors.has(agent.accountId) && agent.accountId !== selfId ? (
              <p>
                <a href={`${base}/${agent.accountId}/double-authentification`}>
                  Réinitialiser la double authentification<span class="visually-hidden"> de {agent.displayName}</span>
                </a>
              </p>
            ) : null}
            <p>
              <a href={`${base}/${agent.accountId}/retirer`}>
                Retirer<span class="visually-hidden"> {agent.displayName}</span> de la collectivité
              </a>
            </p>
          </li>
        ))}
      </ul>

      <h2 id="ajouter">Ajouter un agent</h2>
      <p>
        Si la personne a déjà un compte sur Guichet (dans une autre collectivité par exemple), elle garde son mot de passe. Sinon, un
        compte est créé avec un mot de passe provisoire, affiché une seule fois.
      </p>
      <Form action={base} csrfToken={csrfToken}>
        <TextField name="email" type="email" label={agentLabels.email} value={add.values.email} error={add.errors.email} autocomplete="off" required />
        <TextField name="display_name" label={agentLabels.display_name} value={add.values.display_name} error={add.errors.display_name} autocomplete="off" required />
        <RadioGroup name="role" legend={agentLabels.role} value={add.values.role ?? 'lecteur'} options={roleOptions} hint="Donnez le rôle le plus restreint qui suffit à son travail." error={add.errors.role} />
        <div class="actions">
          <SubmitButton>Ajouter l'agent</SubmitButton>
        </div>
      </Form>
    </>
  );
}

export function TemporaryPassword({ name, email, password }: { name: string; email: string; password: string }) {
  return (
    <div class="notice notice--success" role="status">
      <p class="notice__title">Le compte de {name} est créé.</p>
      <p>
        Identifiant : <strong>{email}</strong>
        <br />
        Mot de passe provisoire : <code class="secret">{password}</code>
      </p>
      <p>
        Notez-le maintenant et transmettez-le à la personne par un moyen sûr (de vive voix, par exemple) : il ne sera plus jamais affiché.
        Dès sa première connexion, elle choisit son propre mot de passe avec « Changer mon mot de passe ».
      </p>
    </div>
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
