import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 as every authenticator application reads it: SHA-1, 6 digits, 30 s. */
export const PERIOD_SECONDS = 30;
const ISSUER = 'Guichet';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: OTPAuth.Secret.fromBase32(secret) });
}

/** The otpauth:// address an application reads from the QR code. */
export function otpauthUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / PERIOD_SECONDS);
}

/**
 * The time step a 6-digit code belongs to, accepting one step before or after the current one
 * (clocks drift); null if the code is wrong. Replay is refused by the caller, who keeps the last
 * accepted step.
 */
export function matchingStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret, 'x').validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : currentStep(now) + delta;
}

/** "JBSW Y3DP EHPK 3PXP" — the secret in groups of 4, to type it without a camera. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export interface QrShape {
  viewBox: string;
  background: string;
  modules: string;
}

/**
 * The QR code drawn by `qrcode` as SVG, reduced to its two paths so the page renders it as
 * ordinary markup (no data: URL, which our CSP forbids, and no raw HTML injected).
 */
export async function qrShape(uri: string): Promise<QrShape> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const viewBox = /viewBox="([\d .]+)"/.exec(svg)?.[1];
  const paths = [...svg.matchAll(/<path [^>]*d="([MmHhVvZz\d .-]+)"/g)].map((m) => m[1]!);
  if (!viewBox || paths.length !== 2) throw new Error('Unexpected QR code SVG');
  return { viewBox, background: paths[0]!, modules: paths[1]! };
}
