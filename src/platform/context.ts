import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Asset } from './assets/bundle';
import type { CounterStore } from './auth/counters';
import type { SessionStore } from './auth/sessions';
import type { Database } from './db/database';
import type { PlatformTables, Tenant } from './db/tables';
import type { Mailer } from './mail/mailer';
import type { DatasetDeclaration } from './open-data';
import type { PeriodicJobs } from './jobs';
import type { PersonalDataRegister } from './personal-data';
import type { FavouritesPort, SavedKinds } from './saved';
import type { TenantDirectory } from './tenancy/directory';
import type { MenuLink } from './views/site';

/** One route of the built app, as the `onRoute` hook saw it (read by the route-walking tests). */
export interface RegisteredRoute {
  method: string | string[];
  url: string;
  config: FastifyContextConfig | undefined;
  /** What the route declared it reads (params, querystring, body), checked by route-schemas.test. */
  schema?: { params?: unknown; querystring?: unknown; body?: unknown };
}

/** A back-office section a module offers, relative to /admin/t/:tenant (e.g. '/contenus'). */
export interface AdminSectionDefinition {
  path: string;
  label: string;
  description: string;
  /** Where the sidebar and the tenant's back-office home list it (ADMIN_GROUPS in views/admin.tsx). */
  group: AdminGroup;
}

/** The groups of a tenant's back office, in the sidebar's order. */
export type AdminGroup = 'contenus' | 'aides' | 'orientation' | 'equipe' | 'reglages';

/** A section of a person's space (/mon-compte), offered by the module that serves it. */
export interface AccountSectionDefinition {
  href: string;
  label: string;
  description: string;
  /** Sections are listed by increasing order. */
  order: number;
}

/**
 * Called by the sign-out route after Guichet's session is closed, with that session's data: a
 * module whose sign-in method has its own session elsewhere (FranceConnect) returns the address
 * that ends it there; the first address returned wins, none means home.
 */
export type SignOutHandoff = (request: FastifyRequest, reply: FastifyReply, closedSession: Record<string, unknown>) => Promise<string | undefined>;

/**
 * The glossary module's linker: for a tenant's space (`base` as in SiteContext), a function that
 * links the first use of each term in a page's main HTML. Pages ask for it with PageView.glossary.
 */
export type GlossaryLinker = (tenant: Tenant, base: string) => Promise<(html: string) => string>;

/**
 * Names the objects of one target type of the audit trail (`content_item`, `aid`…) for the journal,
 * from their current titles: rows written before the journal stored a title still read well.
 * Registered by the module that owns the type; reads only the given tenant's rows.
 */
export type AuditTargetNamer = (tenantId: string, ids: string[]) => Promise<Map<string, string>>;

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
  /** Filled by the glossary module; `tables` are those the linker reads (kept pages compare their versions). */
  glossary: { linker?: GlossaryLinker; tables: readonly string[] };
  /** Sections of a tenant's back office, registered by the modules that serve them. */
  adminSections: AdminSectionDefinition[];
  /** Sections of a person's own space, registered by the modules that serve them. */
  accountSections: AccountSectionDefinition[];
  /** Who names each audit target type for the journal (see AuditTargetNamer). */
  auditTargets: Map<string, AuditTargetNamer>;
  /** Where sign-out continues after Guichet's session is closed (see SignOutHandoff). */
  signOutHandoffs: SignOutHandoff[];
  /** What Guichet keeps about people: the platform's and every module's declarations. */
  personalData: PersonalDataRegister;
  /** Things people save and counsellors select, by kind id (every module's `savedKinds`). */
  savedKinds: SavedKinds;
  /** Filled by the members module: which things an account saved (the « Enregistrer » control). */
  favourites?: FavouritesPort;
  /** Every module's public datasets (`datasets`), in registration order: the /donnees catalogue. */
  datasets: DatasetDeclaration[];
  /** Periodic background jobs shared by every instance (platform/jobs.ts). */
  jobs: PeriodicJobs;
  /** Every route registered on the app, filled as modules register them. */
  routes: RegisteredRoute[];
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}
