import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tenant } from '../../platform/db/tables';
import { Layout, type PageView } from '../../platform/views/layout';
import { renderDocument, siteContext } from '../../platform/views/render';

/**
 * Public pages change only when content is saved, published or arranged, or when a tenant
 * changes; they are read far more often. An anonymous visitor's page is kept, rendered:
 * - per tenant object of the directory (reloaded after every tenant change, so branding
 *   changes are seen at once);
 * - per content generation, bumped by every change made through this module's services
 *   (seen at once by this instance);
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

interface Entry<T> {
  value: T;
  generation: number;
  at: number;
}

/** A small per-tenant memo with the rules above. */
export class TenantMemo<T> {
  private byTenant = new WeakMap<Tenant, Map<string, Entry<T>>>();

  constructor(private readonly db: object) {}

  get(tenant: Tenant, key: string): T | undefined {
    const entry = this.byTenant.get(tenant)?.get(key);
    if (!entry || entry.generation !== contentGeneration(this.db) || Date.now() - entry.at > TTL_MS) return undefined;
    return entry.value;
  }

  set(tenant: Tenant, key: string, value: T, generation: number): void {
    let entries = this.byTenant.get(tenant);
    if (!entries) this.byTenant.set(tenant, (entries = new Map()));
    if (entries.size >= MAX_ENTRIES_PER_TENANT) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, generation, at: Date.now() });
  }
}

const SESSION_COOKIE = 'guichet_session';

/**
 * Sends a public page of a tenant's space, from the memo when it can. `build` runs the queries
 * and returns the view; it may throw (NotFoundError), in which case nothing is kept.
 */
export async function sendPublicPage(
  memo: TenantMemo<string>,
  request: FastifyRequest,
  reply: FastifyReply,
  tenant: Tenant,
  base: string,
  build: () => Promise<PageView>,
): Promise<FastifyReply> {
  const anonymous = !request.cookies?.[SESSION_COOKIE];
  const key = `${base}|${request.url}`;
  if (anonymous) {
    const hit = memo.get(tenant, key);
    if (hit !== undefined) return reply.type('text/html; charset=utf-8').send(hit);
  }
  const generation = contentGeneration(request.server.platform.db);
  const view = await build();
  const html = renderDocument(<Layout site={await siteContext(request, tenant)} view={view} />);
  if (anonymous) memo.set(tenant, key, html, generation);
  return reply.type('text/html; charset=utf-8').send(html);
}
