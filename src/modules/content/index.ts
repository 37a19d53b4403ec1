import { contentApiRoutes } from './api.routes';
import { sql } from 'kysely';
import { contentDataset } from './dataset';
import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import type { AdminSectionDefinition } from '../../platform/views/admin';
import type { MenuLink } from '../../platform/views/site';
import { adminRoutes } from './admin.routes';
import { listMenu } from './menu-store';
import { menuRoutes } from './menu.routes';
import { TenantMemo } from './page-cache';
import { publicRoutes } from './public.routes';
import { contentDb } from './store';
import { latestNewsTagged } from './public-store';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { contentPersonalData } from './personal-data';

export type { ContentTables } from './tables';
export { contentPagesSearchSource, contentNewsSearchSource } from './search-source';

/** The latest news tagged `tag`, of every tenant, with their address seen from the portal (/orientation shows « orientation »). */
export async function newsTagged(db: Kysely<PlatformTables>, portalId: string, tag: string, limit: number): Promise<Array<{ title: string; summary: string; href: string; tenantId: string; publishedAt: Date }>> {
  return (await latestNewsTagged(contentDb(db), tag, limit)).map((n) => ({
    title: n.title,
    summary: n.summary,
    href: `${n.tenant_id === portalId ? '' : `/collectivites/${n.tenant_id}`}/actualites/${n.slug}`,
    tenantId: n.tenant_id,
    publishedAt: n.published_at,
  }));
}

/** The content module's back-office sections, relative to /admin/t/:tenant. */
const contentSections: AdminSectionDefinition[] = [
  { path: '/contenus', label: 'Pages et actualités', description: 'Créer, modifier, prévisualiser et publier les pages et les actualités.', group: 'contenus' },
  { path: '/contenus/nouveau?type=actualite', label: 'Créer une actualité', description: 'Rédiger une nouvelle actualité (brouillon).', group: 'contenus' },
  { path: '/menu', label: 'Menu du site', description: 'Choisir les liens du menu et leur ordre.', group: 'contenus' },
];

export const contentModule: GuichetModule = {
  name: 'content',
  datasets: [contentDataset],
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: contentPersonalData,
  plugin: async (app) => {
    app.platform.adminSections.push(...contentSections);
    const db = contentDb(app.platform.db);
    app.platform.auditTargets.set('content_item', async (tenantId, ids) => {
      const rows = await db
        .selectFrom('content_items as i')
        .innerJoin('content_versions as v', (join) => join.onRef('v.item_id', '=', 'i.id').onRef('v.tenant_id', '=', 'i.tenant_id').onRef('v.version', '=', 'i.latest_version'))
        .select(['i.id', 'i.kind', 'v.title'])
        .where('i.tenant_id', '=', tenantId)
        .where(sql<boolean>`i.id::text in (${sql.join(ids)})`)
        .execute();
      return new Map(rows.map((row) => [String(row.id), `${row.kind === 'news' ? 'Actualité' : 'Page'} « ${row.title} »`]));
    });
    const menus = new TenantMemo<MenuLink[]>(app.platform.db);
    // The layout's menu: links to published pages and to the news list, in the editors' order.
    app.platform.menu.provider = (tenant, base) =>
      menus.getOrBuild(tenant, base, async () =>
        (await listMenu(db, tenant.id))
          .filter((entry) => entry.published)
          .map((entry) => ({ label: entry.label, href: entry.target === 'news' ? `${base}/actualites` : `${base}/pages/${entry.slug}` })),
      );
    await app.register(publicRoutes);
    await app.register(contentApiRoutes);
    await app.register(adminRoutes);
    await app.register(menuRoutes);
  },
};
