import type { FieldErrors } from '../../platform/views/form';
import { SCOPES, type Scope } from './clients.store';
import type { ClientAuthMethod } from './tables';

export const clientLabels: Record<string, string> = {
  name: "Nom de l'application",
  redirect_uris: 'Adresses de retour après connexion',
  post_logout_redirect_uris: 'Adresses de retour après déconnexion',
  scopes: 'Données que l’application peut demander',
  auth_method: 'Façon dont l’application présente son secret',
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

export function validateClient(body: Record<string, unknown>): { form: ClientForm; valid?: ValidClient; errors: FieldErrors } {
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

  const redirectUris = lines(form.redirect_uris);
  if (redirectUris.length === 0) errors.redirect_uris = 'Écrivez au moins une adresse, une par ligne.';
  else {
    const problem = redirectUris.map(redirectUriProblem).find(Boolean);
    if (problem) errors.redirect_uris = problem;
    else if (redirectUris.length > 10) errors.redirect_uris = 'Dix adresses au plus.';
  }
  const logoutUris = lines(form.post_logout_redirect_uris);
  const logoutProblem = logoutUris.map(redirectUriProblem).find(Boolean);
  if (logoutProblem) errors.post_logout_redirect_uris = logoutProblem;
  else if (logoutUris.length > 10) errors.post_logout_redirect_uris = 'Dix adresses au plus.';

  const unknown = form.scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) errors.scopes = 'Choisissez seulement parmi les données proposées.';
  if (form.auth_method !== 'client_secret_basic' && form.auth_method !== 'client_secret_post') {
    errors.auth_method = 'Choisissez une des deux façons proposées.';
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
