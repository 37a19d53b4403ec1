import type { FieldErrors } from '../../platform/views/form';
import { SCOPES, type Scope } from './clients.store';
import type { ClientAuthMethod } from './tables';

export const clientLabels: Record<string, string> = {
  name: "Nom de l'application",
  redirect_uris: 'Adresses de retour après connexion',
  post_logout_redirect_uris: 'Adresses de retour après déconnexion',
  scopes: 'Données que l’application peut demander',
  auth_method: 'Type d’application',
};

export interface ClientForm {
  name: string;
  redirect_uris: string;
  post_logout_redirect_uris: string;
  scopes: string[];
  auth_method: string;
}

export interface ValidClient {
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: Scope[];
  authMethod: ClientAuthMethod;
}

/**
 * An address the application may be sent back to: https, or http on this computer
 * (localhost, 127.0.0.1) for tests and demonstrations; no fragment, no user name.
 */
export function redirectUriProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `« ${value} » n'est pas une adresse complète (elle commence par https://).`;
  }
  if (url.hash || value.includes('#')) return `« ${value} » ne doit pas contenir de « # ».`;
  if (url.username || url.password) return `« ${value} » ne doit pas contenir d'identifiant ni de mot de passe.`;
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) return undefined;
  return `« ${value} » doit commencer par https:// (http:// n'est accepté que pour localhost ou 127.0.0.1, pour les essais).`;
}

/** Schemes a custom-scheme address must never use (they run code or read files). */
const FORBIDDEN_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:', 'blob:', 'file:', 'about:', 'ftp:', 'ws:', 'wss:']);
/** RFC 8252 § 7.3: the loopback IP literals; "localhost" is not recommended (§ 8.3). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/**
 * An address a public client (mobile or desktop application) may be sent back to, as RFC 8252
 * says: a private-use scheme in reverse domain form (`bzh.guichet.monappli:/retour`, § 7.1), a
 * loopback address in http, any port being accepted at sign-in (§ 7.3), or a claimed https
 * address (§ 7.2). No fragment, no user name.
 */
export function publicRedirectUriProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `« ${value} » n'est pas une adresse complète (par exemple bzh.guichet.monappli:/retour ou http://127.0.0.1/retour).`;
  }
  if (url.hash || value.includes('#')) return `« ${value} » ne doit pas contenir de « # ».`;
  if (url.username || url.password) return `« ${value} » ne doit pas contenir d'identifiant ni de mot de passe.`;
  if (url.protocol === 'https:') {
    return url.hostname === 'localhost' || LOOPBACK_HOSTS.has(url.hostname) ? `« ${value} » : sur cet ordinateur, utilisez http://127.0.0.1 (RFC 8252).` : undefined;
  }
  if (url.protocol === 'http:') {
    if (LOOPBACK_HOSTS.has(url.hostname)) return undefined;
    if (url.hostname === 'localhost') return `« ${value} » : écrivez http://127.0.0.1 plutôt que localhost (RFC 8252, § 8.3).`;
    return `« ${value} » : en http://, seules les adresses de cet ordinateur (127.0.0.1 ou [::1]) sont acceptées.`;
  }
  if (FORBIDDEN_SCHEMES.has(url.protocol)) return `« ${value} » : le schéma ${url.protocol} n'est pas accepté.`;
  // A private-use scheme names a domain the application's publisher controls, reversed.
  if (!url.protocol.slice(0, -1).includes('.')) {
    return `« ${value} » : un schéma propre à l’application s’écrit comme un nom de domaine à l’envers, par exemple bzh.guichet.monappli:/retour (RFC 8252, § 7.1).`;
  }
  return undefined;
}

function lines(value: unknown): string[] {
  return String(value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === '' ? [] : [String(value)];
}

const AUTH_METHODS: readonly string[] = ['client_secret_basic', 'client_secret_post', 'none'];

/**
 * `current`: the method of the application being changed. A confidential application cannot
 * become public nor the other way round (its secret would linger, or be missing): one registers
 * a new application instead.
 */
export function validateClient(body: Record<string, unknown>, current?: ClientAuthMethod): { form: ClientForm; valid?: ValidClient; errors: FieldErrors } {
  const form: ClientForm = {
    name: String(body.name ?? '').trim(),
    redirect_uris: String(body.redirect_uris ?? '').trim(),
    post_logout_redirect_uris: String(body.post_logout_redirect_uris ?? '').trim(),
    scopes: list(body.scopes),
    auth_method: String(body.auth_method ?? 'client_secret_basic'),
  };
  const errors: FieldErrors = {};
  if (!form.name) errors.name = "Écrivez le nom de l'application, tel que les personnes le connaissent.";
  else if (form.name.length > 80) errors.name = 'Le nom ne doit pas dépasser 80 caractères.';

  const isPublic = form.auth_method === 'none';
  const uriProblem = isPublic ? publicRedirectUriProblem : redirectUriProblem;
  const redirectUris = lines(form.redirect_uris);
  if (redirectUris.length === 0) errors.redirect_uris = 'Écrivez au moins une adresse, une par ligne.';
  else {
    const problem = redirectUris.map(uriProblem).find(Boolean);
    if (problem) errors.redirect_uris = problem;
    else if (redirectUris.length > 10) errors.redirect_uris = 'Dix adresses au plus.';
  }
  const logoutUris = lines(form.post_logout_redirect_uris);
  const logoutProblem = logoutUris.map(uriProblem).find(Boolean);
  if (logoutProblem) errors.post_logout_redirect_uris = logoutProblem;
  else if (logoutUris.length > 10) errors.post_logout_redirect_uris = 'Dix adresses au plus.';

  const unknown = form.scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) errors.scopes = 'Choisissez seulement parmi les données proposées.';
  if (!AUTH_METHODS.includes(form.auth_method)) errors.auth_method = 'Choisissez une des façons proposées.';
  else if (current && (current === 'none') !== isPublic) {
    errors.auth_method = isPublic
      ? 'Une application qui a un secret ne peut pas devenir une application sans secret : enregistrez une nouvelle application.'
      : 'Une application sans secret (mobile ou sur ordinateur) ne peut pas recevoir de secret : enregistrez une nouvelle application.';
  }
  if (Object.keys(errors).length) return { form, errors };
  // "openid" (the person's identifier) is always allowed: without it there is no sign-in.
  const scopes = SCOPES.filter((s) => s === 'openid' || form.scopes.includes(s));
  return {
    form,
    errors,
    valid: {
      name: form.name,
      redirectUris,
      postLogoutRedirectUris: logoutUris,
      scopes,
      authMethod: form.auth_method as ClientAuthMethod,
    },
  };
}
