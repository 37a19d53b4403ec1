import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/current-account';
import { changeFeedOf, type ChangeFeed } from '../db/changes';
import type { Tenant } from '../db/tables';
import type { PageView } from './layout';
import { renderPage, siteContext } from './render';

/** What a kept page is made of: the view, its status and the tenant whose layout frames it. */
export interface KeptPageSource {
  view: PageView;
  status?: number;
  tenant?: Tenant;
}

/** Sends a page built afresh: nothing kept, nothing read from what is. */
export async function sendBuilt(reply: FastifyReply, build: () => Promise<KeptPageSource>): Promise<FastifyReply> {
  const { view, status, tenant } = await build();
  return reply.page(view, { ...(status ? { status } : {}), ...(tenant ? { tenant } : {}) });
}

/**
 * Kept entries per tenant directory: every reload of the directory (a tenant changed, or every
 * 30 s) starts afresh, since every page carries the tenants' names and branding.
 */
export class EntriesByDirectory<T> {
  private byDirectory = new WeakMap<object, Map<string, T>>();

  of(request: FastifyRequest): Map<string, T> {
    const directory = request.server.platform.tenants.portal();
    let entries = this.byDirectory.get(directory);
    if (!entries) this.byDirectory.set(directory, (entries = new Map()));
    return entries;
  }
}

/** Adds an entry, first dropping the oldest one when the map is full. */
export function keepBounded<T>(entries: Map<string, T>, key: string, entry: T, maxEntries: number): void {
  if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
  entries.set(key, entry);
}

interface Kept {
  version: string;
  at: number;
  page: Promise<{ status: number; html: string; gzip?: Buffer; brotli?: Buffer }>;
}

/**
 * Public pages read from the database, kept rendered and compressed for anonymous visitors until
 * one of the tables they read changes — on this instance or on another one (a trigger's
 * notification, platform/db/changes.ts). Correct behind a load balancer without guessing a
 * time to live:
 * - a kept page is used only while the change feed is live (its listening connection up) and
 *   the versions of its tables are those it was built under;
 * - every reload of the tenant directory (a tenant changed, or every 30 s) starts afresh, since
 *   every page carries the tenants' names and branding;
 * - a visitor with a session cookie always gets a fresh page (their name is in the header);
 * - `maxAgeMs` bounds the age of a page all the same (a safety net, not the mechanism).
 * Concurrent requests for the same missing page share one build. Only pages whose queries read
 * published data may use this (never a draft, never a person's data).
 */
export class KeptPages {
  private readonly entries = new EntriesByDirectory<Kept>();
  private readonly feed: ChangeFeed | undefined;

  constructor(
    db: object,
    private readonly tables: readonly string[],
    private readonly options: { maxEntries?: number; maxAgeMs?: number } = {},
  ) {
    this.feed = changeFeedOf(db);
  }

  /**
   * `variant`: what else the page depends on besides its host and URL, for a page made from a
   * visitor's own inputs (the simulator's answers): it must say everything the page is made of.
   */
  async send(request: FastifyRequest, reply: FastifyReply, build: () => Promise<KeptPageSource>, variant?: string): Promise<FastifyReply> {
    const feed = this.feed;
    if (!feed?.live || request.cookies?.[SESSION_COOKIE]) return sendBuilt(reply, build);
    const entries = this.entries.of(request);
    const key = `${request.headers.host ?? ''}|${request.url}${variant === undefined ? '' : `\u0000${variant}`}`;
    // Pages that link glossary terms also change with the glossary.
    const version = feed.version([...this.tables, ...request.server.platform.glossary.tables]);
    let kept = entries.get(key);
    if (!kept || kept.version !== version || Date.now() - kept.at > (this.options.maxAgeMs ?? 60_000)) {
      const page = (async () => {
        const { view, status, tenant } = await build();
        const site = await siteContext(request, tenant ?? request.tenant());
        return { status: status ?? 200, html: await renderPage(request, site, view) };
      })();
      kept = { version, at: Date.now(), page };
      keepBounded(entries, key, kept, this.options.maxEntries ?? 500);
      const mine = kept;
      page.catch(() => {
        if (entries.get(key) === mine) entries.delete(key);
      });
    }
    const page = await kept.page;
    reply.status(page.status).type('text/html; charset=utf-8').header('vary', 'accept-encoding');
    const accepted = String(request.headers['accept-encoding'] ?? '');
    // Compressed once per encoding, when first asked (only the encoding browsers ask for is made).
    if (/\bbr\b/.test(accepted)) {
      page.brotli ??= brotliCompressSync(Buffer.from(page.html), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
      return reply.header('content-encoding', 'br').send(page.brotli);
    }
    if (/\bgzip\b/.test(accepted)) {
      page.gzip ??= gzipSync(Buffer.from(page.html), { level: 6 });
      return reply.header('content-encoding', 'gzip').send(page.gzip);
    }
    return reply.send(page.html);
  }
}
