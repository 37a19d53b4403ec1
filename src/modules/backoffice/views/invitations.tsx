import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../platform/auth/roles';
import { DateText, Notice } from '../../../platform/views/components';
import { Form } from '../../../platform/views/form';
import type { InvitationRefusal } from '../invitations.service';
import type { Invitation } from '../invitations.store';

export const REFUSALS: Record<InvitationRefusal, string> = {
  unknown:
    "Ce lien d'invitation n'est pas valable : l'invitation a peut-être déjà reçu une réponse, été annulée, ou été remplacée par une plus récente. Vérifiez aussi que vous avez copié l'adresse du lien en entier.",
  expired: "Cette invitation a expiré. Demandez à l'administrateur de la collectivité de vous inviter de nouveau.",
  other_address: '',
  unconfirmed:
    "Confirmez d'abord votre adresse électronique (avec le lien reçu à la création de votre compte), ou ouvrez le lien reçu dans le courriel d'invitation.",
};

export function OtherAddress({ invited, current }: { invited: string; current: string }) {
  return (
    <Notice kind="warning" title="Cette invitation est adressée à une autre adresse">
      <p>
        L'invitation est adressée à <strong>{invited}</strong>, et vous êtes connecté avec <strong>{current}</strong>. Déconnectez-vous, puis
        connectez-vous avec l'adresse invitée (ou créez un compte avec elle), et ouvrez de nouveau le lien.
      </p>
    </Notice>
  );
}

/** One invitation with its two answers. `reference` is the mailed token, or the invitation's id. */
export function InvitationCard({ invitation, tenantName, csrfToken, action, reference }: {
  invitation: Invitation;
  tenantName: string;
  csrfToken: string;
  action: string;
  reference: { name: 'jeton' | 'invitation'; value: string };
}) {
  return (
    <li class="card">
      <h2>{tenantName}</h2>
      <p>
        Rôle proposé : <strong>{ROLE_LABELS[invitation.role]}</strong>. {ROLE_DESCRIPTIONS[invitation.role]}
      </p>
      <p class="card__meta">
        Invitation de {invitation.invitedByLabel || "l'administrateur"}, valable jusqu'au <DateText date={invitation.expiresAt} />.
      </p>
      <Form action={action} csrfToken={csrfToken}>
        <input type="hidden" name={reference.name} value={reference.value} />
        <div class="actions">
          <button type="submit" name="reponse" value="accepter" class="button">
            Accepter<span class="visually-hidden"> l'invitation de {tenantName}</span>
          </button>
          <button type="submit" name="reponse" value="refuser" class="button button--secondary">
            Refuser<span class="visually-hidden"> l'invitation de {tenantName}</span>
          </button>
        </div>
      </Form>
    </li>
  );
}

/** The page a mailed link opens for a visitor: what the invitation is, then sign in or sign up. */
export function InvitationLanding({ invitation, tenantName, signIn }: { invitation: Invitation; tenantName: string; signIn: string }) {
  return (
    <>
      <p>
        {tenantName} vous invite à devenir agent de son espace de gestion sur Guichet, avec le rôle{' '}
        <strong>{ROLE_LABELS[invitation.role]}</strong> : {ROLE_DESCRIPTIONS[invitation.role]}
      </p>
      <p>L'invitation est adressée à {invitation.email}. Rien ne change tant que vous n'avez pas accepté.</p>
      <h2>Vous avez déjà un compte Guichet avec cette adresse</h2>
      <p>
        <a class="button" href={signIn}>
          Se connecter pour répondre
        </a>
      </p>
      <h2>Vous n'avez pas encore de compte</h2>
      <ol>
        <li>
          <a href="/inscription">Créez votre compte</a> avec l'adresse électronique {invitation.email}.
        </li>
        <li>Ouvrez de nouveau le lien du courriel d'invitation, et connectez-vous : vous pourrez alors accepter ou refuser.</li>
      </ol>
      <p>Une fois agent, vous activerez la double authentification à votre première venue dans l'espace de gestion.</p>
    </>
  );
}
