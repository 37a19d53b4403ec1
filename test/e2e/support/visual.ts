import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the screenshots of the visual checks go (gitignored); printed by the tests. */
export const SCREENSHOTS_DIR = join(import.meta.dirname, '..', '..', '..', '.artifacts', 'screenshots');

export const WIDTHS = [375, 768, 1280] as const;
export const HEADER_MAX_AT_375 = 120;
export const MIN_BODY_PX = 16;

export async function screenshot(page: Page, name: string, width: number): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}-${width}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Nothing scrolls sideways: the document is no wider than the window. */
export async function horizontalScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** How many lines the visible links of the main menu take (1 on a desk: the menu never wraps). */
export async function menuLines(page: Page): Promise<number> {
  return page.evaluate(() => {
    const tops = [...document.querySelectorAll('nav#menu a')].filter((a) => a.getClientRects().length > 0).map((a) => Math.round(a.getBoundingClientRect().top));
    return new Set(tops).size;
  });
}

/** How far the main menu's line scrolls sideways (0: every item is in view). */
export async function menuOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const list = document.querySelector('nav#menu ul');
    return list ? list.scrollWidth - list.clientWidth : 0;
  });
}

export async function headerHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('body > header')?.getBoundingClientRect().height ?? 0);
}

/**
 * Body copy under 16 px: every visible paragraph, list item, definition, cell, label or legend of
 * the main content, help block and footer that holds text of its own. Badges and tags (short
 * labels in a pill, not copy) are the charter's only smaller text.
 */
export async function smallText(page: Page, minPx = MIN_BODY_PX): Promise<string[]> {
  return page.evaluate((min) => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('main :is(p, li, dd, dt, td, th, label, legend, caption, a, span), body > aside p, body > footer :is(p, li, a)')) {
      if (element.closest('.badge, .tag, .visually-hidden, svg')) continue;
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (!ownText || element.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < min) found.push(`<${element.tagName.toLowerCase()} class="${element.className}"> ${size} px: « ${(element.textContent ?? '').trim().slice(0, 40)} »`);
    }
    return found;
  }, minPx);
}

/**
 * Tabs through every focusable element of the page and returns those whose focus is not
 * visible (no outline and no box shadow, or a transparent outline). Elements in a closed menu
 * are not reachable, as for a person.
 */
export async function focusNotVisible(page: Page, maxStops = 400): Promise<{ stops: number; problems: string[] }> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo(0, 0);
  });
  const problems: string[] = [];
  const seen = new Set<string>();
  let stops = 0;
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      const path: string[] = [];
      for (let e: Element | null = element; e && e !== document.body; e = e.parentElement) path.unshift(`${e.tagName}:${[...(e.parentElement?.children ?? [])].indexOf(e)}`);
      return { key: path.join('/'), visible: outline || shadow, tag: element.tagName.toLowerCase(), text: (element.textContent ?? element.getAttribute('aria-label') ?? '').trim().slice(0, 40) };
    });
    if (!state || seen.has(state.key)) break; // back to the start: every stop was visited
    seen.add(state.key);
    stops += 1;
    if (!state.visible) problems.push(`<${state.tag}> « ${state.text} »: focus not visible`);
  }
  return { stops, problems };
}
