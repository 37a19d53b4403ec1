/**
 * The page checks (cold load, axe-core, keyboard, no JS, 320 px) cost a few seconds of CPU each,
 * and many pages are served byte for byte the same in several journeys and on both engines (the
 * portal's home, an aid page…). A page whose markup, status and address are the same as one that
 * already passed every check in this `npm test` run (`scripts/test.ts` sets GUICHET_CHECKS_DIR)
 * would pass them again: its figures are reused instead. What differs by nature between two
 * identical pages is masked first: CSRF tokens, the test server's port, generated UUIDs and clock
 * times. Anything else that differs makes the page new, and it is checked in full.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const directory = process.env.GUICHET_CHECKS_DIR;

export function normalizedMarkup(html: string): string {
  return html
    .replace(/(name="_csrf"[^>]*?value=")[^"]*"/g, '$1…"')
    .replace(/(value=")[^"]*("[^>]*?name="_csrf")/g, '$1…$2')
    .replace(/((?:localhost|127\.0\.0\.1):)\d{2,5}/g, '$1PORT')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'UUID')
    .replace(/\b\d{1,2}(:|\s?h\s?)\d{2}\b/g, '00$100');
}

/** The body a GET of `url` answers with the tab's cookies, through the server the browser reaches. */
function fetchWithCookies(url: string, cookie: string): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: target.port, path: target.pathname + target.search, headers: { host: target.host, cookie, 'accept-language': 'fr-FR' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * The fingerprint of what the checks would look at: the address (port masked), the expected
 * status, the page a fresh GET answers with the tab's cookies, and the tab's own page (after a
 * form was sent, the tab may show something the GET does not). Null when memoizing is off.
 */
export async function checkFingerprint(page: Page, url: string, expectedStatus: number): Promise<string | null> {
  if (!directory) return null;
  const cookies = await page.context().cookies(url);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const fresh = await fetchWithCookies(url, cookie);
  const tab = await page.content();
  return createHash('sha256')
    .update(normalizedMarkup(url))
    .update(`\0${expectedStatus}\0${fresh.status}\0`)
    .update(normalizedMarkup(fresh.body))
    .update('\0')
    .update(normalizedMarkup(tab))
    .digest('hex');
}

export function passedBefore<T>(fingerprint: string | null): T | undefined {
  if (!directory || !fingerprint) return undefined;
  const file = join(directory, `${fingerprint}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

export function rememberPassed(fingerprint: string | null, report: object): void {
  if (!directory || !fingerprint) return;
  writeFileSync(join(directory, `${fingerprint}.json`), JSON.stringify(report));
}
