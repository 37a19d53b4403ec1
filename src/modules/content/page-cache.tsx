import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../platform/auth/current-account';
import type { Tenant } from '../../platform/db/tables';
import type { PageView } from '../../platform/views/layout';
import { changeFeedOf } from '../../platform/db/changes';
import { renderPage, siteContext } from '../../platform/views/render';

/**
 * Public pages change only when content is saved, published or arranged, or when a tenant
 * changes; they are read far more often. An anonymous visitor's page is kept, rendered:
 * - per tenant object of the directory (reloaded after every tenant change, so branding
 *   changes are seen at once);
 * - per content generation, bumped by every change made through this module's services
 *   (seen at once by this instance), and per version of the content tables in the change feed
 *   (a change made on another instance, platform/db/changes.ts: pages kept elsewhere that are
 *   rebuilt on that notification must not get a menu kept from before it);
 * - for at most TTL_MS, so that other instances behind a load balancer converge.
 * Signed-in agents (session cookie) always get a fresh page.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES_PER_TENANT = 300;

const generations = new WeakMap<object, number>();

/** Called after a change to content or menus has committed. */
export function contentChanged(db: object): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

export function contentGeneration(db: object): number {
  return generations.get(db) ?? 0;
}

/** Tables whose changes every instance hears of (triggers of migrations 0150 and 0154). */
const CONTENT_TABLES = ['content_items', 'content_menu_entries'];

interface Entry<T> {
  value: Promise<T>;
  generation: string;
  at: number;
  refreshing?: boolean;
}

/**
 * A small per-tenant memo with the rules above. Concurrent requests for the same missing page
 * share one build; past its TTL a page is served once more while a single refresh runs (never
 * past twice the TTL, and never after a local change).
 */
export class TenantMemo<T> {
  private byTenant = new WeakMap<Tenant, Map<string, Entry<T>>>();

  constructor(private readonly db: object) {}

  getOrBuild(tenant: Tenant, key: string, build: () => Promise<T>): Promise<T> {
    let entries = this.byTenant.get(tenant);
    if (!entries) this.byTenant.set(tenant, (entries = new Map()));
    const generation = `${contentGeneration(this.db)}.${changeFeedOf(this.db)?.version(CONTENT_TABLES) ?? ''}`;
    const entry = entries.get(key);
    if (entry && entry.generation === generation) {
      const age = Date.now() - entry.at;
      if (age <= TTL_MS) return entry.value;
      if (age <= 2 * TTL_MS) {
        if (!entry.refreshing) {
          entry.refreshing = true;
          const next = build();
          next.then(
            () => entries.set(key, { value: next, generation, at: Date.now() }),
            () => entries.delete(key),
          );
        }
        return entry.value;
      }
    }
    const value = build();
    if (entries.size >= MAX_ENTRIES_PER_TENANT) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, generation, at: Date.now() });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  }
}

/**
 * Sends a public page of a tenant's space, from the memo when it can. `build` runs the queries
 * and returns the view; it may throw (NotFoundError), in which case nothing is kept.
 */
export async function sendPublicPage(
  memo: TenantMemo<CachedPage>,
  request: FastifyRequest,
  reply: FastifyReply,
  tenant: Tenant,
  base: string,
  build: () => Promise<PageView>,
): Promise<FastifyReply> {
  const render = async () => {
    const view = await build();
    return renderPage(request, await siteContext(request, tenant), view);
  };
  reply.type('text/html; charset=utf-8');
  if (request.cookies?.[SESSION_COOKIE]) return reply.send(await render());
  // A change of the glossary (here or on another instance) makes other pages: the key says its version.
  const glossaryTables = request.server.platform.glossary.tables;
  const glossary = glossaryTables.length ? (changeFeedOf(request.server.platform.db)?.version(glossaryTables) ?? '') : '';
  const page = await memo.getOrBuild(tenant, `${base}|${request.url}|${glossary}`, async () => compressed(await render()));
  // A kept page is sent compressed when the browser accepts it: a third of the bytes.
  reply.header('vary', 'accept-encoding');
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(page.brotli);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}

/** A rendered page with its compressed forms, made once when the page is kept. */
export interface CachedPage {
  html: string;
  gzip: Buffer;
  brotli: Buffer;
}

function compressed(html: string): CachedPage {
  const raw = Buffer.from(html);
  return {
    html,
    gzip: gzipSync(raw, { level: 6 }),
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  };
}
