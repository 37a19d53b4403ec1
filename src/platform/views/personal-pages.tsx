import type { FastifyReply, FastifyRequest } from 'fastify';
import { tokenHash } from '../auth/sessions';
import { changeFeedOf, type ChangeFeed } from '../db/changes';
import { EntriesByDirectory, keepBounded, sendBuilt, sendCompressed, type Compressed, type KeptPageSource } from './kept-pages';
import { Layout } from './layout';
import { renderDocument, siteContext } from './render';

interface Kept extends Compressed {
  version: string;
  deps: readonly unknown[];
  at: number;
  status: number;
  /** Encoded once: the same bytes are sent each time. */
  body: Buffer;
  /** Sent compressed (see PersonalPages). */
  compressible: boolean;
}

/** Whether the reply is about to set a cookie (@fastify/cookie keeps them until onSend). */
function setsCookies(reply: FastifyReply): boolean {
  if (reply.getHeader('set-cookie') !== undefined) return true;
  const symbol = Object.getOwnPropertySymbols(reply).find((s) => s.description === 'fastify.reply.setCookies');
  const pending = symbol ? (reply as unknown as Record<symbol, unknown>)[symbol] : undefined;
  // Cannot tell (another version of the plugin): as if it did, so nothing is kept.
  return !(pending instanceof Map) || pending.size > 0;
}

/**
 * A signed-in person's page, kept rendered for the next time *the same session* asks the same
 * URL with the same cookies, as long as nothing it was made of changed: its session is checked
 * first on every request (a closed session gets nothing from here), the key holds the session's
 * hash, the CSRF cookie and the page's own inputs (`key`), `deps` are compared by identity (a
 * kept list or profile: platform/db/kept-by-key.ts gives the same object until it changes), and
 * `tables` by their change feed's version (the menu and the pages' content, platform/db/changes.ts).
 * A page that sets a cookie, or any status but 200, is not kept; `maxAgeMs` bounds a page's age.
 * Kept pages are sent uncompressed, like every page carrying a CSRF token (no BREACH oracle); with
 * `compress`, for a page that holds no form and shows nothing a visitor sends (« Mes données »),
 * compressed once per kept page — and never if it holds a CSRF token after all.
 */
export class PersonalPages {
  private readonly entries = new EntriesByDirectory<Kept>();
  private readonly feed: ChangeFeed | undefined;

  constructor(
    db: object,
    private readonly tables: readonly string[],
    private readonly options: { maxEntries?: number; maxAgeMs?: number; compress?: boolean } = {},
  ) {
    this.feed = changeFeedOf(db);
  }

  async send(request: FastifyRequest, reply: FastifyReply, input: { key: string; deps: readonly unknown[] }, build: () => Promise<KeptPageSource>): Promise<FastifyReply> {
    const feed = this.feed;
    const account = await request.currentAccount();
    if (!feed?.live || !account) return sendBuilt(reply, build);
    const entries = this.entries.of(request);
    const key = [request.headers.host ?? '', request.url, tokenHash(account.sessionToken), request.cookies.guichet_csrf ?? '', account.displayName, account.roles.size, input.key].join('\u0000');
    const version = feed.version(this.tables);
    const kept = entries.get(key);
    if (kept && kept.version === version && Date.now() - kept.at <= (this.options.maxAgeMs ?? 60_000) && kept.deps.length === input.deps.length && kept.deps.every((d, i) => d === input.deps[i])) {
      reply.status(kept.status).type('text/html; charset=utf-8');
      return kept.compressible ? sendCompressed(request, reply, kept.body, kept) : reply.send(kept.body);
    }
    const { view, status = 200, tenant } = await build();
    const site = await siteContext(request, tenant ?? request.tenant());
    const html = renderDocument(<Layout site={site} view={view} />);
    if (status === 200 && !setsCookies(reply)) {
      keepBounded(entries, key, { version, deps: input.deps, at: Date.now(), status, body: Buffer.from(html), compressible: this.compresses(html) }, this.options.maxEntries ?? 1_000);
    } else entries.delete(key);
    return reply.status(status).type('text/html; charset=utf-8').send(html);
  }

  /** Whether this kept page may be sent compressed: asked for, and no CSRF token in it. */
  private compresses(html: string): boolean {
    return this.options.compress === true && !html.includes(CSRF_FIELD);
  }
}

/** How every form carries its token (platform/views/form.tsx). */
const CSRF_FIELD = 'name="_csrf"';
