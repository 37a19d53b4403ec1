import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, CDPSession, ConsoleMessage, Page } from 'playwright-core';
import { newContext, runsScripts } from './browser';
import { checkFingerprint, passedBefore, rememberPassed } from './check-memo';
import { ecoGrade, ecoIndex } from './ecoindex';

/** The budgets of ARCHITECTURE.md, checked on every page a journey visits. */
export const BUDGETS = { ecoIndex: 85, requests: 6, kb: 60, dom: 500, width: 320 } as const;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface ColdLoad {
  status: number;
  requests: number;
  kb: number;
  dom: number;
  ecoIndex: number;
  grade: string;
  /** Console errors (e.g. a CSP violation) and uncaught page errors. */
  consoleErrors: string[];
}

export interface PageReport extends ColdLoad {
  url: string;
}

/**
 * A tab the checks load pages in, kept for the next check of the same browser: a context and its
 * first page cost ~0.8 s of CPU to make, and each checked page needs two (measured on one page:
 * a new context, its page, the load and the close ~1.65 s of CPU; the same load in a kept tab
 * ~0.5 s). Each check starts it as new: the cookies it holds are replaced by the journey tab's
 * (none otherwise), and the cold one loads with the cache disabled. It goes straight from one
 * checked page to the next (through about:blank, Chromium starts a new renderer process each time:
 * 1.3 s of CPU a load). A tab whose check did not end is closed rather than kept.
 */
interface CheckTab {
  context: BrowserContext;
  page: Page;
  /** The DevTools session of a cold-load tab: the cache disabled, the network counted. */
  cdp?: CDPSession;
}
const keptTabs = new WeakMap<Browser, { cold: CheckTab[]; noJs: CheckTab[] }>();

/** A kept tab of that kind with the cookies of `cookiesFrom`, or a new one. */
async function checkTab(browser: Browser, kind: 'cold' | 'noJs', cookiesFrom?: Page): Promise<CheckTab> {
  const storageState = cookiesFrom ? await cookiesFrom.context().storageState() : undefined;
  // Pages that keep something in the browser's storage (none in Guichet today) get a new context, with it.
  const withStorage = (storageState?.origins.length ?? 0) > 0;
  const kept = keptTabs.get(browser) ?? { cold: [], noJs: [] };
  keptTabs.set(browser, kept);
  let tab: CheckTab | undefined;
  while (!withStorage && !tab && kept[kind].length > 0) {
    const candidate = kept[kind].pop()!;
    if (!candidate.page.isClosed()) tab = candidate;
  }
  if (tab) {
    await tab.context.clearCookies();
    if (storageState?.cookies.length) await tab.context.addCookies(storageState.cookies);
    return tab;
  }
  const context = await newContext(browser, { ...(kind === 'noJs' ? { javaScriptEnabled: false } : {}), ...(storageState ? { storageState } : {}) });
  const page = await context.newPage();
  if (kind === 'noJs') return { context, page };
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page, cdp };
}

/** Keeps the tab for the next check; closes it if the check did not end. */
async function releaseTab(browser: Browser, kind: 'cold' | 'noJs', tab: CheckTab, ended: boolean): Promise<void> {
  if (ended && !tab.page.isClosed()) keptTabs.get(browser)?.[kind].push(tab);
  else await tab.context.close().catch(() => {});
}

/**
 * Loads `url` as a first visit would (empty cache; the cookies of `cookiesFrom` if given, none
 * otherwise) and counts what went over the network, as the EcoIndex method says: every request,
 * every byte received (headers and encoded body, redirects included), and the DOM's elements.
 */
export async function measureColdLoad(browser: Browser, url: string, cookiesFrom?: Page): Promise<ColdLoad> {
  const tab = await checkTab(browser, 'cold', cookiesFrom);
  const { page } = tab;
  const cdp = tab.cdp!;
  let ended = false;
  const consoleErrors: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    // The document's own error status is checked against the expected status instead.
    if (message.text().startsWith('Failed to load resource') && message.location().url === page.url()) return;
    consoleErrors.push(message.text());
  };
  const onPageError = (error: Error) => consoleErrors.push(error.message);
  let requests = 0;
  let bytes = 0;
  const inFlight = new Set<string>();
  const onRequest = (event: { requestId: string; request: { url: string }; redirectResponse?: { encodedDataLength: number } }) => {
    if (event.request.url.startsWith('data:')) return;
    requests += 1;
    inFlight.add(event.requestId);
    if (event.redirectResponse) bytes += event.redirectResponse.encodedDataLength;
  };
  const onFinished = (event: { requestId: string; encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    inFlight.delete(event.requestId);
  };
  const onFailed = (event: { requestId: string }) => inFlight.delete(event.requestId);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  cdp.on('Network.requestWillBeSent', onRequest);
  cdp.on('Network.loadingFinished', onFinished);
  cdp.on('Network.loadingFailed', onFailed);
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    await quietNetwork(inFlight);
    const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
    const kb = bytes / 1024;
    const score = ecoIndex({ dom, requests, kb });
    ended = true;
    return { status: response?.status() ?? 0, requests, kb, dom, ecoIndex: score, grade: ecoGrade(score), consoleErrors };
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    cdp.off('Network.requestWillBeSent', onRequest);
    cdp.off('Network.loadingFinished', onFinished);
    cdp.off('Network.loadingFailed', onFailed);
    await releaseTab(browser, 'cold', tab, ended);
  }
}

/** Waits until nothing has been in flight for 250 ms (requests made after "load", like the favicon). */
async function quietNetwork(inFlight: Set<string>, quietMs = 250, maxMs = 5000): Promise<void> {
  const started = Date.now();
  let quietSince = Date.now();
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (inFlight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
  }
}

interface AxeNode {
  target: unknown[];
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Runs axe-core (WCAG 2.1 A and AA) in the page; returns one readable line per violation. */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluate() is not subject to the page's CSP, which forbids inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, AXE_TAGS);
  return violations.map(
    (v) => `axe ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — on ${v.nodes.map((n) => n.target.map(String).join(' ')).join(' | ')} — ${v.helpUrl}`,
  );
}

interface FocusState {
  href: string | null;
  id: string;
  tag: string;
  text: string;
  outline: boolean;
  onScreen: boolean;
}

async function focused(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { href: null, id: '', tag: 'body', text: '', outline: false, onScreen: false };
    const style = getComputedStyle(element);
    const outline = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== 'none' && style.boxShadow !== '');
    const box = element.getBoundingClientRect();
    const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
    return { href: element.getAttribute('href'), id: element.id, tag: element.tagName.toLowerCase(), text: (element.textContent ?? '').trim().slice(0, 40), outline, onScreen };
  });
}

/**
 * From the top of the page, Tab reaches the "Aller au contenu" skip link first, visibly focused;
 * Enter moves focus to #contenu; the next few Tab stops all show a visible focus outline.
 */
export async function keyboardProblems(page: Page, stops = 6): Promise<string[]> {
  const problems: string[] = [];
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo(0, 0);
  });
  await page.keyboard.press('Tab');
  const first = await focused(page);
  if (first.href !== '#contenu') problems.push(`keyboard: the first Tab stop is <${first.tag}> "${first.text}", not the "Aller au contenu" skip link`);
  else {
    if (!first.outline) problems.push('keyboard: the focused skip link has no visible outline');
    if (!first.onScreen) problems.push('keyboard: the focused skip link is not visible on screen');
    await page.keyboard.press('Enter');
    const target = await focused(page);
    if (target.id !== 'contenu') problems.push(`keyboard: the skip link moved focus to <${target.tag} id="${target.id}">, not to #contenu`);
  }
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const state = await focused(page);
    if (state.tag === 'body') break;
    if (!state.outline) problems.push(`keyboard: <${state.tag}> "${state.text}" has no visible focus outline`);
  }
  return problems;
}

/** At 320 px wide nothing scrolls sideways. */
export async function narrowProblems(page: Page): Promise<string[]> {
  const previous = page.viewportSize();
  await page.setViewportSize({ width: BUDGETS.width, height: 640 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (previous) await page.setViewportSize(previous);
  return scrollWidth > BUDGETS.width ? [`320 px: the page is ${scrollWidth} px wide and scrolls sideways`] : [];
}

/** With JavaScript disabled the main content and its h1 are there. */
export async function noJsProblems(browser: Browser, url: string, cookiesFrom?: Page): Promise<string[]> {
  const tab = await checkTab(browser, 'noJs', cookiesFrom);
  let ended = false;
  try {
    const { page } = tab;
    const response = await page.goto(url);
    // The page has loaded: the wait only bounds how long a busy browser takes to answer (CI runs
    // three journeys at once on two cores; 2 s was once too short).
    const heading = (await page.locator('main#contenu h1').first().textContent({ timeout: 10_000 }).catch(() => null))?.trim();
    const problems = heading ? [] : [`no JS: no main#contenu with a non-empty h1 (status ${response?.status()}, ${page.url()}, title « ${await page.title()} »)`];
    ended = true;
    return problems;
  } finally {
    await releaseTab(browser, 'noJs', tab, ended);
  }
}

/** The checks of the page the tab shows: lang="fr", axe-core, keyboard and visible focus, 320 px. */
async function tabProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== 'fr') problems.push(`<html lang="${lang}">, expected "fr"`);
  problems.push(...(await axeViolations(page)));
  problems.push(...(await keyboardProblems(page)));
  problems.push(...(await narrowProblems(page)));
  return problems;
}

/**
 * axe-core and the keyboard checks run in the page and wait on its timers; in a context made with
 * `javaScriptEnabled: false` timers never fire, and the checks would wait for ever (a journey once
 * hung so, before its first line of output). Such a page is refused at once, with the way out.
 * Known from how the context was made (`newContext`), not by racing a timer: a tab in the
 * background of a loaded machine may take seconds to run one.
 */
export function assertRunsScripts(page: Page): void {
  if (!runsScripts(page.context())) {
    throw new Error(
      'checkPage needs a tab whose context runs scripts (axe-core waits on timers, which never fire with javaScriptEnabled: false): check the page from a context with JavaScript, with the same cookies — its no-JS check loads it without',
    );
  }
}

export interface CheckOptions {
  /** The HTTP status the page must answer (200 unless said). */
  status?: number;
}

/**
 * Every check of ARCHITECTURE.md on one URL: cold-load budgets and EcoIndex, axe-core, no JS,
 * keyboard and visible focus, 320 px, lang="fr". Leaves `page` on `url` (so a journey can go on
 * from there) and throws one error listing every problem found.
 */
export async function checkPage(page: Page, url: string, options: CheckOptions = {}): Promise<PageReport> {
  const browser = page.context().browser();
  if (!browser) throw new Error('checkPage needs a page of a launched browser');
  assertRunsScripts(page);
  const expectedStatus = options.status ?? 200;
  const problems: string[] = [];

  // checkHere(): the journey's tab is already on the page, as the person got there.
  if (page.url().replace(/#.*$/, '') !== url) {
    const response = await page.goto(url);
    if ((response?.status() ?? 0) !== expectedStatus) problems.push(`status ${response?.status()} in the journey's page, expected ${expectedStatus}`);
  }
  const fingerprint = problems.length === 0 ? await checkFingerprint(page, url, expectedStatus) : null;
  const known = passedBefore<ColdLoad>(fingerprint);
  if (known) {
    console.log(`checked ${new URL(url).host}${new URL(url).pathname}: the same page as one that passed every check in this run (EcoIndex ${known.ecoIndex.toFixed(1)})`);
    return { url, ...known };
  }

  // The cold load and the no-JS load use contexts of their own, and the checks of the tab look at
  // the page already loaded in it: all three run side by side (while one waits for the network
  // to be quiet, another uses the processor).
  const [cold, noJs, inTab] = await Promise.all([measureColdLoad(browser, url, page), noJsProblems(browser, url, page), tabProblems(page)]);
  if (cold.status !== expectedStatus) problems.push(`status ${cold.status}, expected ${expectedStatus}`);
  if (cold.requests > BUDGETS.requests) problems.push(`${cold.requests} requests on a cold load (budget ${BUDGETS.requests})`);
  if (cold.kb > BUDGETS.kb) problems.push(`${cold.kb.toFixed(1)} KB transferred on a cold load (budget ${BUDGETS.kb})`);
  if (cold.dom > BUDGETS.dom) problems.push(`${cold.dom} DOM elements (budget ${BUDGETS.dom})`);
  if (cold.ecoIndex < BUDGETS.ecoIndex) problems.push(`EcoIndex ${cold.ecoIndex.toFixed(1)} (${cold.grade}), below ${BUDGETS.ecoIndex}`);
  for (const error of cold.consoleErrors) problems.push(`console: ${error}`);
  problems.push(...inTab);
  problems.push(...noJs);
  // Back to the top of the page, without the #contenu the skip link added, for the journey to go on.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    history.replaceState(history.state, '', location.pathname + location.search);
    window.scrollTo(0, 0);
  });

  const report: PageReport = { url, ...cold };
  console.log(
    `checked ${new URL(url).host}${new URL(url).pathname}: EcoIndex ${cold.ecoIndex.toFixed(1)} (${cold.grade}), ${cold.requests} requests, ${cold.kb.toFixed(1)} KB, ${cold.dom} DOM elements`,
  );
  if (problems.length > 0) throw new Error(`${url} fails the page checks:\n  - ${problems.join('\n  - ')}`);
  rememberPassed(fingerprint, cold);
  return report;
}
