import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import * as OTPAuth from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../seed/accounts';
import { launchBrowser, newContext } from './browser';
import { checkPage, type CheckOptions, type PageReport } from './checks';
import { startServer, type RunningServer } from './server';

export interface Journey {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  /** The visitor's tab: journeys click through it as a person would. */
  page: Page;
  /** An absolute URL on the portal's host, or on another host (`brest.localhost`). */
  url(path: string, host?: string): string;
  /** Every budget and accessibility check on a URL; leaves the tab on it. */
  check(url: string, options?: CheckOptions): Promise<PageReport>;
  /** Checks the page the tab is on now. */
  checkHere(options?: CheckOptions): Promise<PageReport>;
}

/**
 * A server and a browser, started together. If one fails to start, the other is closed before
 * the error is thrown: a browser left open would keep the test process alive for ever.
 */
export async function startServerAndBrowser(overrides: Parameters<typeof startServer>[0] = {}): Promise<{ server: RunningServer; browser: Browser }> {
  const [server, browser] = await Promise.allSettled([startServer(overrides), launchBrowser()]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled') return { server: server.value, browser: browser.value };
  if (server.status === 'fulfilled') await server.value.close();
  if (browser.status === 'fulfilled') await browser.value.close();
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}

/**
 * One real server and one browser for a whole test file, closed at the end. `overrides` (e.g. a
 * test inbox's SMTP_URL) is read when the server starts.
 */
export function journey(overrides: () => Promise<Parameters<typeof startServer>[0]> = async () => ({})): Journey {
  const state = {} as Journey;
  before(async () => {
    const { server: started, browser } = await startServerAndBrowser(await overrides());
    state.server = started;
    state.browser = browser;
    state.context = await newContext(browser);
    state.context.setDefaultTimeout(10_000);
    state.page = await state.context.newPage();
    state.url = (path, host) => `${host ? started.originFor(host) : started.origin}${path}`;
    state.check = (url, options) => checkPage(state.page, url, options);
    state.checkHere = (options) => checkPage(state.page, state.page.url().replace(/#.*$/, ''), options);
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}

/** Second-factor keys enrolled by signIn, per server origin and email; last time step used. */
const enrolled = new Map<string, { secret: string; lastStep: number }>();

/** The 6-digit code an authenticator app shows for `secret` at a 30 s time step. */
export function totpCode(secret: string, step = Math.floor(Date.now() / 30_000)): string {
  return new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: step * 30_000 });
}

/** A code of a time step not used yet (a code is accepted once), waiting for a new step if needed. */
export async function unusedCode(origin: string, email: string): Promise<string> {
  const key = enrolled.get(`${origin} ${email}`);
  if (!key) throw new Error(`No second factor enrolled for ${email}`);
  let now = Math.floor(Date.now() / 30_000);
  while (key.lastStep > now) {
    await new Promise((resolve) => setTimeout(resolve, (now + 1) * 30_000 - Date.now() + 50));
    now = Math.floor(Date.now() / 30_000);
  }
  key.lastStep = Math.max(now, key.lastStep + 1);
  return totpCode(key.secret, key.lastStep);
}

/** On the enrolment page: reads the key written beside the QR code, types the code, keeps the key. */
export async function enrolHere(page: Page, origin: string, email: string): Promise<string[]> {
  const secret = ((await page.locator('#mfa-cle').textContent()) ?? '').replace(/\s/g, '');
  const step = Math.floor(Date.now() / 30_000);
  await field(page, 'Code de vérification').fill(totpCode(secret, step));
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Activer la double authentification' }).click()]);
  enrolled.set(`${origin} ${email}`, { secret, lastStep: step });
  return page.locator('.mfa-codes code').allTextContents();
}

/**
 * Signs in through the form, as an agent would, then passes the second factor (enrolling it on
 * the first sign-in, with the key written on the page), and lands on the page after sign-in.
 */
export async function signIn(page: Page, origin: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${origin}/admin/connexion`);
  await field(page, 'Adresse électronique').fill(email);
  await field(page, 'Mot de passe').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/admin/connexion')), page.getByRole('button', { name: 'Se connecter' }).click()]);
  const path = new URL(page.url()).pathname;
  if (path === '/admin/double-authentification') {
    await enrolHere(page, origin, email);
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: /J’ai noté mes codes/ }).click()]);
  } else if (path === '/connexion/code') {
    await field(page, 'Code de vérification').fill(await unusedCode(origin, email));
    await Promise.all([page.waitForURL((url) => url.pathname !== '/connexion/code'), page.getByRole('button', { name: 'Valider et me connecter' }).click()]);
  }
}

/** The text of the main content, whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

export async function heading(page: Page): Promise<string> {
  return ((await page.locator('main h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Clicks a link by its visible name and waits for the new page. */
export async function follow(page: Page, name: string | RegExp, within = 'body'): Promise<void> {
  const link = page.locator(within).getByRole('link', { name, exact: typeof name === 'string' }).first();
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

export function assertIncludes(haystack: string, needle: string, what = 'the page') {
  assert.ok(haystack.includes(needle), `${what} should include "${needle}"; it reads: ${haystack.slice(0, 400)}…`);
}

/** A form field by its label as a person reads it (required fields add " (obligatoire)"). */
export function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}( \\(obligatoire\\))?$`));
}

/** Opens a folded part of the page (a <details>) by the title of its summary, as a person clicks it; an open one stays open. */
export async function unfold(page: Page, title: string): Promise<void> {
  const summary = page.locator('details > summary', { hasText: title }).first();
  const open = await summary.evaluate((element) => (element.parentElement as HTMLDetailsElement).open);
  if (!open) await summary.click();
}
