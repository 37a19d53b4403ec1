import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/current-account';
import { changeFeedOf, type ChangeFeed } from '../db/changes';
import { EntriesByDirectory, keepBounded, sendBuilt, type KeptPageSource } from './kept-pages';
import { renderPage, siteContext } from './render';

interface KeptBody {
  status: number;
  /** The page cut where its CSRF token goes: the token is put between each two parts. */
  parts: string[];
}

interface Kept {
  version: string;
  at: number;
  body: Promise<KeptBody>;
}

/** What a CSRF token of @fastify/csrf is made of (base64url and `-`): nothing to escape in an attribute. */
const TOKEN = /^[A-Za-z0-9_-]+$/;

/**
 * A public page holding a form (« Signaler une erreur »), kept rendered for visitors without a
 * session, with a fresh CSRF token put in at every request: each visitor gets their own token of
 * their own secret exactly as if the page were made afresh (`reply.generateCsrf()`, which sets the
 * secret's cookie on a first visit), so the protection of the form's POST is unchanged. What is
 * kept is the page without any token, cut where the token goes (`build` renders it with a marker
 * no text of the database can hold: random, made at start).
 *
 * Kept like KeptPages: per host and URL, while the change feed is live and the versions of its
 * tables (the target's, the menu's, the glossary's) are those it was built under, per tenant
 * directory (a tenant changed, or every 30 s), at most `maxAgeMs` old. Only a 200 is kept (an
 * error, a 404, is thrown by `build` and kept by nobody). Concurrent requests for a missing page
 * share one build. Sent uncompressed with `cache-control: no-store` set by the caller, like every
 * page carrying a CSRF token (no BREACH oracle).
 */
export class KeptForms {
  private readonly entries = new EntriesByDirectory<Kept>();
  private readonly feed: ChangeFeed | undefined;
  private readonly marker = `csrf${randomBytes(16).toString('hex')}`;

  constructor(
    db: object,
    private readonly tables: readonly string[],
    private readonly options: { maxEntries?: number; maxAgeMs?: number } = {},
  ) {
    this.feed = changeFeedOf(db);
  }

  /** `tables`: what this page's own data is read from, besides the tables given at construction. */
  async send(request: FastifyRequest, reply: FastifyReply, tables: readonly string[], build: (csrfToken: string) => Promise<KeptPageSource>): Promise<FastifyReply> {
    if (!this.feed?.live || request.cookies?.[SESSION_COOKIE]) return sendBuilt(reply, async () => build(await reply.generateCsrf()));
    const entries = this.entries.of(request);
    const key = `${request.headers.host ?? ''}|${request.url}`;
    const version = this.feed.version([...this.tables, ...tables, ...request.server.platform.glossary.tables]);
    let kept = entries.get(key);
    if (!kept || kept.version !== version || Date.now() - kept.at > (this.options.maxAgeMs ?? 60_000)) {
      const body = this.render(request, build);
      kept = { version, at: Date.now(), body };
      keepBounded(entries, key, kept, this.options.maxEntries ?? 1_000);
      const mine = kept;
      body.then(
        ({ status }) => {
          if (status !== 200 && entries.get(key) === mine) entries.delete(key);
        },
        () => {
          if (entries.get(key) === mine) entries.delete(key);
        },
      );
    }
    const { status, parts } = await kept.body;
    const token = await reply.generateCsrf();
    if (!TOKEN.test(token)) throw new Error('a CSRF token with characters that would need escaping');
    return reply.status(status).type('text/html; charset=utf-8').send(parts.join(token));
  }

  private async render(request: FastifyRequest, build: (csrfToken: string) => Promise<KeptPageSource>): Promise<KeptBody> {
    const { view, status, tenant } = await build(this.marker);
    const site = await siteContext(request, tenant ?? request.tenant());
    return { status: status ?? 200, parts: (await renderPage(request, site, view)).split(this.marker) };
  }
}
