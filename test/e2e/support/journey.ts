import assert from 'node:assert/strict';
import { after, before } from 'node:test';
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

/** One real server and one browser for a whole test file, closed at the end. */
export function journey(): Journey {
  const state = {} as Journey;
  before(async () => {
    const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    state.server = server;
    state.browser = browser;
    state.context = await newContext(browser);
    state.context.setDefaultTimeout(10_000);
    state.page = await state.context.newPage();
    state.url = (path, host) => `${host ? server.originFor(host) : server.origin}${path}`;
    state.check = (url, options) => checkPage(state.page, url, options);
    state.checkHere = (options) => checkPage(state.page, state.page.url().replace(/#.*$/, ''), options);
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}

/** Signs in through the form, as an agent would, and lands on the page after sign-in. */
export async function signIn(page: Page, origin: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${origin}/admin/connexion`);
  await field(page, 'Adresse électronique').fill(email);
  await field(page, 'Mot de passe').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/admin/connexion')), page.getByRole('button', { name: 'Se connecter' }).click()]);
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
