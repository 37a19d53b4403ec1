import type { FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { Layout, type PageView } from '../../../platform/views/layout';
import { renderDocument, siteContext } from '../../../platform/views/render';

/** A page in the portal's layout, for answers oidc-provider writes itself (errors, sign-out). */
export async function renderStandalone(request: FastifyRequest | undefined, view: PageView): Promise<string> {
  if (!request) {
    return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${view.title} – Guichet</title></head><body><main id="contenu"><h1>${view.title}</h1></main></body></html>`;
  }
  const site = await siteContext(request, request.server.platform.tenants.portal());
  return renderDocument(<Layout site={site} view={{ noindex: true, ...view }} />);
}

/** What the provider's error codes mean for a person, in plain words. */
const ERRORS: Record<string, string> = {
  invalid_request: 'La demande de connexion envoyée par l’application est incomplète ou incorrecte.',
  invalid_client: 'L’application qui vous a envoyé ici n’est pas (ou plus) reconnue par Guichet.',
  invalid_redirect_uri: 'L’adresse de retour demandée par l’application n’est pas celle qu’elle a déclarée à Guichet.',
  unauthorized_client: 'Cette application n’a pas le droit de faire cette demande.',
  invalid_scope: 'L’application demande des données qu’elle n’a pas le droit de demander.',
  access_denied: 'La connexion a été refusée.',
  session_not_found: 'Cette demande de connexion a expiré ou a déjà servi.',
  login_required: 'Vous devez d’abord vous connecter.',
};

export function errorText(code: string): string {
  return ERRORS[code] ?? 'La connexion à l’application n’a pas pu se faire.';
}

export function ErrorBody({ code, children }: { code: string; children?: ComponentChildren }) {
  return (
    <>
      <p>{errorText(code)}</p>
      {children}
      <p>Retournez sur le site de l’application et recommencez. Si le problème continue, signalez-le à la collectivité qui propose cette application.</p>
      <p class="field__hint">Code technique à leur indiquer : {code}</p>
      <p>
        <a href="/">Revenir à l’accueil de Guichet</a>
      </p>
    </>
  );
}

export function renderProviderError(request: FastifyRequest | undefined, out: { error: string; error_description?: string }) {
  return renderStandalone(request, {
    title: 'Connexion impossible',
    main: <ErrorBody code={out.error} />,
  });
}

/** An address under /oidc that the provider does not serve (Koa would answer a bare English "Not Found"). */
export function renderProviderNotFound(request: FastifyRequest | undefined) {
  return renderStandalone(request, {
    title: 'Page introuvable',
    main: (
      <>
        <p>La page demandée n’existe pas ou n’est plus en ligne.</p>
        <p>
          <a href="/">Revenir à l’accueil de Guichet</a>
        </p>
      </>
    ),
  });
}

/** oidc-provider gives its confirmation form as HTML; we keep only its action and token. */
function parseLogoutForm(form: string): { action: string; xsrf: string } {
  const action = /action="([^"]+)"/.exec(form)?.[1] ?? '';
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
  return { action, xsrf };
}

export function renderLogoutPage(request: FastifyRequest | undefined, form: string, clientName: string | undefined) {
  const { action, xsrf } = parseLogoutForm(form);
  return renderStandalone(request, {
    title: 'Se déconnecter',
    main: (
      <>
        <p>
          {clientName ? <>L’application « {clientName} » vous déconnecte. </> : null}
          Voulez-vous aussi vous déconnecter de Guichet ?
        </p>
        <form method="post" action={action}>
          <input type="hidden" name="xsrf" value={xsrf} />
          <div class="actions">
            <button type="submit" class="button" name="logout" value="yes">
              Oui, me déconnecter de Guichet aussi
            </button>
            <button type="submit" class="button button--secondary">
              Non, rester connecté à Guichet
            </button>
          </div>
        </form>
      </>
    ),
  });
}

export function renderLogoutSuccess(request: FastifyRequest | undefined, clientName: string | undefined) {
  return renderStandalone(request, {
    title: 'Vous êtes déconnecté',
    main: (
      <>
        <p>{clientName ? `Vous êtes déconnecté de l’application « ${clientName} ».` : 'Vous êtes déconnecté.'}</p>
        <p>
          <a href="/">Revenir à l’accueil de Guichet</a>
        </p>
      </>
    ),
  });
}

/**
 * A page that goes on at once to `next`. After a sign-in form, the way back to an application
 * must start from a fresh navigation: browsers apply the form's `form-action` to every
 * redirect that follows it, and the application's address is not ours.
 */
export function relayPage(next: string, stylesheet: string, clientName: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="refresh" content="0;url=${escape(next)}"><meta name="robots" content="noindex"><title>Connexion en cours – Guichet</title>` +
    `<link rel="stylesheet" href="${escape(stylesheet)}"></head><body><main id="contenu" class="container"><h1>Vous êtes connecté</h1>` +
    `<p><a href="${escape(next)}">Continuer vers ${escape(clientName)}</a></p></main></body></html>`
  );
}
