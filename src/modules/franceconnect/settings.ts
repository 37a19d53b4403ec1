import { createHmac } from 'node:crypto';
import type { Platform } from '../../platform/context';

/** Where Guichet finds FranceConnect and how it presents itself: configuration only. */
export interface FranceConnectSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** FranceConnect v2 signs both the ID token and the userinfo answer (a JWT) with this algorithm. */
  signingAlg: 'ES256' | 'RS256';
}

/** The path the demonstration stand-in is mounted at. */
export const STANDIN_PATH = '/demo/franceconnect';

/** The stand-in runs when no FranceConnect is configured, outside production. */
export function standinEnabled(config: Platform['config']): boolean {
  return config.FRANCECONNECT_ISSUER === '' && config.NODE_ENV !== 'production';
}

/**
 * The FranceConnect Guichet talks to: the configured one (FRANCECONNECT_ISSUER, _CLIENT_ID,
 * _CLIENT_SECRET), or in the demo the stand-in at `${publicUrl}/demo/franceconnect` with a client
 * id and secret derived from SESSION_SECRET. Null when FranceConnect is off (production without
 * an issuer). Read on each use: publicUrl is only known for sure once the app listens.
 */
export function franceConnectSettings(platform: Pick<Platform, 'config' | 'publicUrl'>): FranceConnectSettings | null {
  const { config } = platform;
  if (config.FRANCECONNECT_ISSUER !== '') {
    return {
      issuer: config.FRANCECONNECT_ISSUER,
      clientId: config.FRANCECONNECT_CLIENT_ID,
      clientSecret: config.FRANCECONNECT_CLIENT_SECRET,
      signingAlg: config.FRANCECONNECT_SIGNING_ALG,
    };
  }
  if (!standinEnabled(config)) return null;
  return {
    issuer: `${platform.publicUrl}${STANDIN_PATH}`,
    clientId: config.FRANCECONNECT_CLIENT_ID || 'guichet-demonstration',
    clientSecret: config.FRANCECONNECT_CLIENT_SECRET || createHmac('sha256', config.SESSION_SECRET).update('franceconnect-standin-client').digest('base64url'),
    signingAlg: config.FRANCECONNECT_SIGNING_ALG,
  };
}

/** Where FranceConnect sends the person back (to declare at FranceConnect's partners' space). */
export function redirectUri(publicUrl: string): string {
  return `${publicUrl}/franceconnect/retour`;
}

export function postLogoutRedirectUri(publicUrl: string): string {
  return `${publicUrl}/franceconnect/deconnexion/retour`;
}
