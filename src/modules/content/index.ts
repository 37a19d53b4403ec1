import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import type { MenuLink } from '../../platform/views/site';
import { adminRoutes } from './admin.routes';
import { listMenu } from './menu-store';
import { menuRoutes } from './menu.routes';
import { TenantMemo } from './page-cache';
import { publicRoutes } from './public.routes';
import { contentDb } from './store';

export type { ContentTables } from './tables';

/** The content module's back-office pages for one tenant, for the dashboard. */
export function contentAdminLinks(tenantId: string): Array<{ label: string; href: string; description: string }> {
  const base = `/admin/t/${encodeURIComponent(tenantId)}`;
  return [
    { label: 'Pages et actualités', href: `${base}/contenus`, description: 'Créer, modifier, prévisualiser et publier les pages et les actualités.' },
    { label: 'Créer une actualité', href: `${base}/contenus/nouveau?type=actualite`, description: 'Rédiger une nouvelle actualité (brouillon).' },
    { label: 'Menu du site', href: `${base}/menu`, description: 'Choisir les liens du menu et leur ordre.' },
  ];
}

export const contentModule: GuichetModule = {
  name: 'content',
  migrationsDir: join(import.meta.dirname, 'migrations'),
  plugin: async (app) => {
    const db = contentDb(app.platform.db);
    const menus = new TenantMemo<MenuLink[]>(app.platform.db);
    // The layout's menu: links to published pages and to the news list, in the editors' order.
    app.platform.menu.provider = (tenant, base) =>
      menus.getOrBuild(tenant, base, async () =>
        (await listMenu(db, tenant.id))
          .filter((entry) => entry.published)
          .map((entry) => ({ label: entry.label, href: entry.target === 'news' ? `${base}/actualites` : `${base}/pages/${entry.slug}` })),
      );
    await app.register(publicRoutes);
    await app.register(adminRoutes);
    await app.register(menuRoutes);
  },
};
