/**
 * The questionnaire's answers live in the visitor's browser, in one cookie encrypted and
 * authenticated (a sealed box, src/platform/crypto/sealed.ts): no database row per anonymous
 * visitor, nothing to clean, and nobody can read or forge it. It lasts 4 hours, and « Recommencer »
 * deletes it. Its content is the API's situation (validated the same way when read back).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { seal as sealBox, unseal as unsealBox } from '../../platform/crypto/sealed';
import { structuralErrors, type Situation } from './situation';

export const STATE_COOKIE = 'guichet_simulateur';
const MAX_AGE_SECONDS = 4 * 60 * 60;

export interface SimulatorState {
  situation: Situation;
  /** Questions answered, in order (« Question précédente » walks it back). */
  history: string[];
  /** Fact questions answered « je ne sais pas »: not asked again. */
  skipped: string[];
  /** Fields taken from the signed-in person's profile, and whose profile it was. */
  prefilled: string[];
  profileOf?: string | undefined;
  /** The postal code typed for the commune (kept to save an address to the profile). */
  postalCode?: string | undefined;
  /** Issued at (ms since epoch). */
  at: number;
}

export function emptyState(): SimulatorState {
  return { situation: {}, history: [], skipped: [], prefilled: [], at: Date.now() };
}

const PURPOSE = 'eligibility-state';

export function seal(state: SimulatorState, secret: string): string {
  return sealBox(secret, PURPOSE, JSON.stringify(state), STATE_COOKIE);
}

/**
 * Cookies already opened, by secret and value: the same sealed value always opens to the same
 * answers (any change to it fails authentication), so a page asked again neither decrypts nor
 * validates them again. The answers are frozen (read-only, shared); expiry is checked every time.
 */
const opened = new Map<string, Map<string, SimulatorState>>();
const MAX_OPENED = 1000;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function unseal(value: string | undefined, secret: string, now = Date.now()): SimulatorState | undefined {
  if (!value || value.length > 6000) return undefined;
  let bySecret = opened.get(secret);
  if (!bySecret) {
    if (opened.size >= 4) opened.clear();
    opened.set(secret, (bySecret = new Map()));
  }
  const known = bySecret.get(value);
  if (known) return now - known.at > MAX_AGE_SECONDS * 1000 ? undefined : known;
  const state = open(value, secret, now);
  if (state) {
    if (bySecret.size >= MAX_OPENED) bySecret.delete(bySecret.keys().next().value!);
    bySecret.set(value, deepFreeze(state));
  }
  return state;
}

function open(value: string, secret: string, now: number): SimulatorState | undefined {
  const plain = unsealBox(secret, PURPOSE, value, STATE_COOKIE);
  if (plain === null) return undefined;
  try {
    const state = JSON.parse(plain) as SimulatorState;
    if (typeof state.at !== 'number' || now - state.at > MAX_AGE_SECONDS * 1000) return undefined;
    if (Object.keys(structuralErrors(state.situation)).length) return undefined;
    return state;
  } catch {
    return undefined;
  }
}

export function readState(request: FastifyRequest): SimulatorState | undefined {
  return unseal(request.cookies[STATE_COOKIE], request.server.platform.config.SESSION_SECRET);
}

export function writeState(reply: FastifyReply, state: SimulatorState): void {
  const { config } = reply.server.platform;
  reply.setCookie(STATE_COOKIE, seal({ ...state, at: Date.now() }, config.SESSION_SECRET), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.NODE_ENV === 'production',
    maxAge: MAX_AGE_SECONDS,
  });
}

export function clearState(reply: FastifyReply): void {
  reply.clearCookie(STATE_COOKIE, { path: '/' });
}
