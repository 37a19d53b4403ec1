import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';

// Required, not imported: an ESM import of this CommonJS package makes Node scan its 3.6 MB
// bundle for export names in every browser journey's process (~0.3 s of CPU).
const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * Debian's Chromium headless shell (package chromium-headless-shell: Chromium's engine without the
 * browser's window machinery, the "old" headless mode) when installed, else Debian's Chromium;
 * CHROMIUM_PATH overrides. CI installs both with apt. The same pages cost about half the CPU in the
 * shell (charter e2e: 81 s → 37 s of CPU, 75 s → 38 s of wall time, measured 2026-12-04), with the
 * same Blink engine, layout and fonts.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--host-resolver-rules=MAP localhost 127.0.0.1, MAP *.localhost 127.0.0.1',
    ],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * The browser of a test file. Every *.localhost name goes to the test server on 127.0.0.1.
 *
 * Alone, a file launches its own Chromium. In a shared test process of `npm test`
 * (test/support/worker.ts sets GUICHET_SHARED_BROWSER), the files it runs one after the other
 * share one Chromium (a launch costs ~1.25 s of CPU, a context a fraction of it): each file gets a
 * handle whose close() closes every context then open — the file's, since the process runs one
 * file at a time — and leaves the browser running; the worker closes it when the process stops.
 */
export async function launchBrowser(): Promise<Browser> {
  if (process.env.GUICHET_SHARED_BROWSER !== '1') return launch();
  let browser = await (shared ??= launch());
  if (!browser.isConnected()) browser = await (shared = launch());
  return fileHandle(browser);
}

function fileHandle(browser: Browser): Browser {
  const closeContexts = async () => {
    await Promise.all(browser.contexts().map((context) => context.close().catch(() => {})));
  };
  return new Proxy(browser, {
    get(target, property) {
      if (property === 'close') return closeContexts;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Closes the shared browser, if one was launched: the shared test process calls it before it stops. */
export async function closeSharedBrowser(): Promise<void> {
  const browser = await shared?.catch(() => undefined);
  shared = undefined;
  await browser?.close();
}
(globalThis as { __guichetBeforeStop?: Array<() => Promise<void>> }).__guichetBeforeStop ??= [];
(globalThis as { __guichetBeforeStop?: Array<() => Promise<void>> }).__guichetBeforeStop!.push(closeSharedBrowser);

/** The contexts made with `javaScriptEnabled: false`: the page checks refuse their tabs (checks.ts). */
const scriptless = new WeakSet<BrowserContext>();

export function runsScripts(context: BrowserContext): boolean {
  return !scriptless.has(context);
}

/** A new context: its own cookies, an empty cache, French, a desktop window. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 }, ...options });
  if (options.javaScriptEnabled === false) scriptless.add(context);
  return context;
}
