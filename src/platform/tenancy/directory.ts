import type { Kysely } from 'kysely';
import type { PlatformTables, Tenant } from '../db/tables';

export const PORTAL_TENANT_ID = 'bretagne';

/**
 * Every tenant, kept in memory: a Région has a few hundred authorities at most, and every
 * request needs its tenant before anything else. Reloaded after a local change and every
 * `refreshMs` so that instances behind a load balancer converge.
 */
export class TenantDirectory {
  private byId = new Map<string, Tenant>();
  private byHost = new Map<string, Tenant>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Kysely<PlatformTables>) {}

  async load(): Promise<void> {
    const tenants = await this.db.selectFrom('platform_tenants').selectAll().orderBy('name').execute();
    this.byId = new Map(tenants.map((t) => [t.id, t]));
    this.byHost = new Map(tenants.filter((t) => t.host).map((t) => [t.host!.toLowerCase(), t]));
  }

  startRefreshing(refreshMs = 30_000): void {
    this.timer = setInterval(() => void this.load().catch(() => undefined), refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  get(id: string): Tenant | undefined {
    return this.byId.get(id);
  }

  /** The tenant mapped to a host name (port ignored), if any. */
  forHost(hostHeader: string | undefined): Tenant | undefined {
    if (!hostHeader) return undefined;
    const host = hostHeader.replace(/:\d+$/, '').toLowerCase();
    return this.byHost.get(host);
  }

  portal(): Tenant {
    const portal = this.byId.get(PORTAL_TENANT_ID) ?? [...this.byId.values()].find((t) => t.kind === 'region');
    if (!portal) throw new Error('No portal tenant: the database has not been seeded');
    return portal;
  }

  all(): Tenant[] {
    return [...this.byId.values()];
  }

  /** Tenants by kind, in the order a person expects: région, départements, EPCI, communes. */
  ordered(): Tenant[] {
    const rank = { region: 0, departement: 1, epci: 2, commune: 3 } as const;
    return this.all().sort((a, b) => rank[a.kind] - rank[b.kind] || a.name.localeCompare(b.name, 'fr'));
  }
}
