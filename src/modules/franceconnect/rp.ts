import * as client from 'openid-client';
import type { Platform } from '../../platform/context';
import { FRANCECONNECT_SCOPE } from './claims';
import { franceConnectSettings, postLogoutRedirectUri, redirectUri, type FranceConnectSettings } from './settings';

/**
 * Guichet as a FranceConnect relying party (openid-client v6). It knows FranceConnect only
 * through its settings (issuer, client id, secret): the demonstration stand-in and the real
 * FranceConnect are the same to it. The issuer's discovery document is fetched on first use,
 * not at start (the app may not listen yet), and fetched again when the settings change.
 */
export class FranceConnectRelyingParty {
  private cached: { key: string; configuration: Promise<client.Configuration> } | undefined;

  constructor(private readonly platform: Pick<Platform, 'config' | 'publicUrl'>) {}

  settings(): FranceConnectSettings | null {
    return franceConnectSettings(this.platform);
  }

  async configuration(): Promise<client.Configuration> {
    const settings = this.settings();
    if (!settings) throw new Error('FranceConnect is not configured');
    const key = `${settings.issuer}|${settings.clientId}|${settings.signingAlg}|${this.platform.publicUrl}`;
    if (this.cached?.key !== key) {
      const issuer = new URL(settings.issuer);
      const configuration = client
        .discovery(
          issuer,
          settings.clientId,
          // FranceConnect v2 signs the ID token and the userinfo answer; both signatures are checked.
          { client_secret: settings.clientSecret, id_token_signed_response_alg: settings.signingAlg, userinfo_signed_response_alg: settings.signingAlg },
          client.ClientSecretPost(settings.clientSecret),
          // Plain HTTP only for a local issuer (the demonstration stand-in, tests).
          issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
        )
        .catch((error: unknown) => {
          this.cached = undefined;
          throw error;
        });
      this.cached = { key, configuration };
    }
    return this.cached.configuration;
  }

  /** The URL to send the person to, with a fresh state, nonce and PKCE verifier (S256). */
  async start(): Promise<{ url: URL; state: string; nonce: string; codeVerifier: string }> {
    const configuration = await this.configuration();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri(this.platform.publicUrl),
      scope: FRANCECONNECT_SCOPE,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      acr_values: 'eidas1',
      prompt: 'login',
    });
    return { url, state, nonce, codeVerifier };
  }

  /**
   * Checks FranceConnect's answer (state, code exchanged with the PKCE verifier, ID token
   * signature, issuer, audience, nonce), then reads the identity from userinfo.
   */
  async finish(callbackQuery: string, checks: { state: string; nonce: string; codeVerifier: string }) {
    const configuration = await this.configuration();
    const currentUrl = new URL(`${redirectUri(this.platform.publicUrl)}${callbackQuery}`);
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    return { sub: idClaims.sub, acr: typeof idClaims.acr === 'string' ? idClaims.acr : undefined, idToken: tokens.id_token!, userinfo };
  }

  /** Where to send the person so FranceConnect ends its session too. */
  async endSessionUrl(idToken: string, state: string): Promise<URL> {
    const configuration = await this.configuration();
    return client.buildEndSessionUrl(configuration, {
      id_token_hint: idToken,
      post_logout_redirect_uri: postLogoutRedirectUri(this.platform.publicUrl),
      state,
    });
  }
}

