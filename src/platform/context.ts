import type { FastifyContextConfig } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Asset } from './assets/bundle';
import type { CounterStore } from './auth/counters';
import type { SessionStore } from './auth/sessions';
import type { Database } from './db/database';
import type { PlatformTables, Tenant } from './db/tables';
import type { Mailer } from './mail/mailer';
import type { TenantDirectory } from './tenancy/directory';
import type { MenuLink } from './views/site';

/** One route of the built app, as the `onRoute` hook saw it (read by the route-walking tests). */
export interface RegisteredRoute {
  method: string | string[];
  url: string;
  config: FastifyContextConfig | undefined;
}

/** A back-office section a module offers, relative to /admin/t/:tenant (e.g. '/contenus'). */
export interface AdminSectionDefinition {
  path: string;
  label: string;
  description: string;
}

/** A section of a person's space (/mon-compte), offered by the module that serves it. */
export interface AccountSectionDefinition {
  href: string;
  label: string;
  description: string;
  /** Sections are listed by increasing order. */
  order: number;
}

export type MenuProvider = (tenant: Tenant, base: string) => Promise<MenuLink[]>;

/** What every module receives: the platform's services, built once in app.ts. */
export interface Platform {
  config: Config;
  /** Absolute base URL (PUBLIC_URL, or http://localhost:PORT), without trailing slash. */
  publicUrl: string;
  mailer: Mailer;
  database: Database;
  db: Kysely<PlatformTables>;
  tenants: TenantDirectory;
  sessions: SessionStore;
  counters: CounterStore;
  assets: { stylesheet: Asset; favicon: Asset };
  /** The content module tells the layout which links make a tenant's menu. */
  menu: { provider: MenuProvider };
  /** Sections of a tenant's back office, registered by the modules that serve them. */
  adminSections: AdminSectionDefinition[];
  /** Sections of a person's own space, registered by the modules that serve them. */
  accountSections: AccountSectionDefinition[];
  /** Every route registered on the app, filled as modules register them. */
  routes: RegisteredRoute[];
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}
