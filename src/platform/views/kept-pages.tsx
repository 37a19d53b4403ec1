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

interface KeptBody {
  status: number;
  type: string;
  text: string;
  gzip?: Buffer;
  brotli?: Buffer;
}

interface Kept {
  version: string;
  at: number;
  body: Promise<KeptBody>;
}

/**
 * Answers read from the database (public pages, and the JSON of open API routes), kept rendered
 * and compressed for anonymous visitors until one of the tables they read changes — on this
 * instance or on another one (a trigger's notification, platform/db/changes.ts). Correct behind
 * a load balancer without guessing a time to live:
 * - a kept answer is used only while the change feed is live (its listening connection up) and
 *   the versions of its tables are those it was built under;
 * - every reload of the tenant directory (a tenant changed, or every 30 s) starts afresh, since
 *   every page carries the tenants' names and branding;
 * - a visitor with a session cookie always gets a fresh answer (their name is in the header);
 * - `maxAgeMs` bounds the age of an answer all the same (a safety net, not the mechanism).
 * Concurrent requests for the same missing answer share one build. Only answers whose queries read
 * published data may use this (never a draft, never a person's data).
 */
export class KeptAnswers {
  private readonly entries = new EntriesByDirectory<Kept>();
  private readonly feed: ChangeFeed | undefined;

  constructor(
    db: object,
    private readonly tables: readonly string[],
    private readonly options: { maxEntries?: number; maxAgeMs?: number } = {},
  ) {
    this.feed = changeFeedOf(db);
  }

  /** Whether answers can be kept for this request (else the caller builds and sends afresh). */
  keeps(request: FastifyRequest): boolean {
    return Boolean(this.feed?.live) && !request.cookies?.[SESSION_COOKIE];
  }

  /**
   * Sends the kept answer for this host, URL and `variant` (what else the answer depends on: a
   * visitor's own inputs must say everything the answer is made of), built by `build` when missing
   * or out of date. The caller checked `keeps(request)`.
   */
  async send(request: FastifyRequest, reply: FastifyReply, build: () => Promise<Omit<KeptBody, 'gzip' | 'brotli'>>, variant?: string): Promise<FastifyReply> {
    const entries = this.entries.of(request);
    const key = `${request.headers.host ?? ''}|${request.url}${variant === undefined ? '' : `\u0000${variant}`}`;
    // Pages that link glossary terms also change with the glossary.
    const version = this.feed!.version([...this.tables, ...request.server.platform.glossary.tables]);
    let kept = entries.get(key);
    if (!kept || kept.version !== version || Date.now() - kept.at > (this.options.maxAgeMs ?? 60_000)) {
      const body: Promise<KeptBody> = build();
      kept = { version, at: Date.now(), body };
      keepBounded(entries, key, kept, this.options.maxEntries ?? 500);
      const mine = kept;
      body.catch(() => {
        if (entries.get(key) === mine) entries.delete(key);
      });
    }
    const body = await kept.body;
    return sendCompressed(request, reply.status(body.status).type(body.type), body.text, body);
  }
}

/** A kept answer's compressed forms, each made when first asked. */
export interface Compressed {
  gzip?: Buffer;
  brotli?: Buffer;
}

/**
 * Sends `raw` in the encoding the request accepts (brotli, else gzip, else as it is), compressing
 * it once per encoding into `made` (only the encoding browsers ask for is made). Never for a page
 * holding a CSRF token or another secret next to what a visitor sends (BREACH).
 */
export function sendCompressed(request: FastifyRequest, reply: FastifyReply, raw: string | Buffer, made: Compressed): FastifyReply {
  reply.header('vary', 'accept-encoding');
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) {
    made.brotli ??= brotliCompressSync(typeof raw === 'string' ? Buffer.from(raw) : raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    return reply.header('content-encoding', 'br').send(made.brotli);
  }
  if (/\bgzip\b/.test(accepted)) {
    made.gzip ??= gzipSync(typeof raw === 'string' ? Buffer.from(raw) : raw, { level: 6 });
    return reply.header('content-encoding', 'gzip').send(made.gzip);
  }
  return reply.send(raw);
}

/** Public pages kept rendered and compressed: see KeptAnswers. */
export class KeptPages {
  private readonly answers: KeptAnswers;

  constructor(db: object, tables: readonly string[], options: { maxEntries?: number; maxAgeMs?: number } = {}) {
    this.answers = new KeptAnswers(db, tables, options);
  }

  /**
   * `variant`: what else the page depends on besides its host and URL, for a page made from a
   * visitor's own inputs (the simulator's answers): it must say everything the page is made of.
   */
  async send(request: FastifyRequest, reply: FastifyReply, build: () => Promise<KeptPageSource>, variant?: string): Promise<FastifyReply> {
    if (!this.answers.keeps(request)) return sendBuilt(reply, build);
    return this.answers.send(
      request,
      reply,
      async () => {
        const { view, status, tenant } = await build();
        const site = await siteContext(request, tenant ?? request.tenant());
        return { status: status ?? 200, type: 'text/html; charset=utf-8', text: await renderPage(request, site, view) };
      },
      variant,
    );
  }
}
