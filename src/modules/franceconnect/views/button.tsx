/**
 * The FranceConnect button, following FranceConnect's own guidelines (the DSFR "bouton
 * FranceConnect"): a button reading "S'identifier avec FranceConnect" with the FranceConnect
 * logo, then the link "Qu'est-ce que FranceConnect ?" to franceconnect.gouv.fr, opening in a
 * new window and saying so. No JavaScript: the button submits a GET form to
 * /franceconnect/connexion?suite=<next>, which starts the OpenID Connect flow (with `link`, a
 * POST to /mon-compte/franceconnect/lier, to link FranceConnect to the signed-in account).
 */
export function FranceConnectButton({ next, link }: { next: string; link?: { csrfToken: string } }) {
  return (
    <div class="fr-connect-group">
      {/* Linking to an account already signed in changes the account: a POST with its CSRF token. */}
      <form method={link ? 'post' : 'get'} action={link ? '/mon-compte/franceconnect/lier' : '/franceconnect/connexion'} class="fr-connect-form">
        {link ? <input type="hidden" name="_csrf" value={link.csrfToken} /> : <input type="hidden" name="suite" value={next} />}
        <button type="submit" class="fr-connect">
          <FranceConnectLogo />
          <span class="fr-connect__text">
            <span class="fr-connect__login">S’identifier avec</span> <span class="fr-connect__brand">FranceConnect</span>
          </span>
        </button>
      </form>
      <p class="fr-connect-group__about">
        <a href="https://franceconnect.gouv.fr/" target="_blank" rel="noopener" title="Qu’est-ce que FranceConnect ? - nouvelle fenêtre">
          Qu’est-ce que FranceConnect ?<span class="visually-hidden"> (nouvelle fenêtre)</span>
        </a>
      </p>
    </div>
  );
}

/** A drawing of the FranceConnect mark (a tricolour shape with a white star), decorative. */
function FranceConnectLogo() {
  return (
    <svg class="fr-connect__logo" viewBox="0 0 40 48" width="30" height="36" aria-hidden="true" focusable="false">
      <path d="M20 1 39 12v24L20 47 1 36V12z" fill="#fff" />
      <path d="M20 4 36.5 13.5v21L20 44 3.5 34.5v-21z" fill="#000091" />
      <path d="M20 4 36.5 13.5v21L20 44z" fill="#e1000f" />
      <path d="m20 14 2.6 6.3 6.8.5-5.2 4.4 1.6 6.6L20 28.2l-5.8 3.6 1.6-6.6-5.2-4.4 6.8-.5z" fill="#fff" />
    </svg>
  );
}
