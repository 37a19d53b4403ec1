import type { ComponentChildren } from 'preact';
import { DateText, Notice } from '../../../platform/views/components';
import { Form, SubmitButton } from '../../../platform/views/form';
import { FranceConnectButton } from './button';

/** What went wrong with FranceConnect, in plain words, and what to do next. */
export function FranceConnectProblem({ children, retry = true }: { children: ComponentChildren; retry?: boolean }) {
  return (
    <>
      {children}
      <h2>Que faire ?</h2>
      <ul class="link-list">
        {retry ? (
          <li>
            <a href="/franceconnect/connexion">Réessayer avec FranceConnect</a>
          </li>
        ) : null}
        <li>
          <a href="/connexion">Se connecter avec son adresse électronique et son mot de passe</a>
        </li>
        <li>
          <a href="/">Revenir à l’accueil</a>
        </li>
      </ul>
    </>
  );
}

export function LinkPage({ link, hasPassword, csrfToken, notice }: {
  link: { linked_at: Date; last_seen_at: Date } | undefined;
  hasPassword: boolean;
  csrfToken: string;
  notice?: 'linked' | 'unlinked' | undefined;
}) {
  return (
    <>
      {notice === 'linked' ? (
        <Notice kind="success" title="FranceConnect est lié à votre compte">
          <p>Votre identité est maintenant certifiée dans votre profil. Vous pouvez aussi vous connecter avec FranceConnect.</p>
        </Notice>
      ) : null}
      {notice === 'unlinked' ? (
        <Notice kind="success" title="FranceConnect n’est plus lié à votre compte">
          <p>Les informations certifiées par FranceConnect ont été retirées de votre profil.</p>
        </Notice>
      ) : null}
      {link ? (
        <>
          <p>
            Votre compte est lié à FranceConnect depuis le <DateText date={link.linked_at} />. Dernière connexion avec FranceConnect : le{' '}
            <DateText date={link.last_seen_at} />.
          </p>
          <p>
            Vos nom, prénoms, date et lieu de naissance sont <strong>certifiés par FranceConnect</strong> : vous les voyez dans{' '}
            <a href="/mon-compte/profil">votre profil</a>.
          </p>
          <h2>Délier FranceConnect</h2>
          {hasPassword ? (
            <p>
              <a href="/mon-compte/franceconnect/delier">Délier FranceConnect de mon compte</a>
            </p>
          ) : (
            <p>
              Votre compte n’a pas de mot de passe : sans FranceConnect, vous ne pourriez plus vous connecter. Pour délier FranceConnect,
              choisissez d’abord un mot de passe dans <a href="/mon-compte">Mon compte</a>.
            </p>
          )}
        </>
      ) : (
        <>
          <p>
            FranceConnect vous permet de vous connecter à Guichet avec un compte que vous avez déjà (impots.gouv.fr, ameli.fr, L’Identité
            Numérique La Poste…). Vos nom, prénoms, date et lieu de naissance sont alors certifiés : vous n’avez plus à les écrire.
          </p>
          <p>Pour lier FranceConnect à ce compte, cliquez sur le bouton et identifiez-vous sur FranceConnect.</p>
          <FranceConnectButton next="/mon-compte/franceconnect" link={{ csrfToken }} />
        </>
      )}
    </>
  );
}

export function UnlinkPage({ csrfToken }: { csrfToken: string }) {
  return (
    <>
      <p>Si vous déliez FranceConnect :</p>
      <ul>
        <li>vous ne pourrez plus vous connecter à Guichet avec FranceConnect (votre mot de passe reste valable) ;</li>
        <li>les informations certifiées par FranceConnect (nom, prénoms, date et lieu de naissance…) seront retirées de votre profil.</li>
      </ul>
      <p>Vous pourrez lier FranceConnect de nouveau plus tard.</p>
      <Form action="/mon-compte/franceconnect/delier" csrfToken={csrfToken}>
        <p class="actions">
          <SubmitButton name="confirmation" value="oui">
            Oui, délier FranceConnect
          </SubmitButton>
          <a href="/mon-compte/franceconnect">Non, revenir en arrière</a>
        </p>
      </Form>
    </>
  );
}
