import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../src/platform/db/tables';
import { withTransaction } from '../../src/platform/db/transaction';
import type { ContentTables } from '../../src/modules/content';
import { seedId } from '../ids';
import { demoTenants } from '../tenants';
import { communeSet } from './commune';
import type { SeedEntry, SeedSet } from './common';
import { departementSet } from './departement';
import { METRO_NETWORKS, metropoleSet } from './metropole';
import { regionSet } from './region';

const DAY = 86_400_000;
/** Publication dates of the demo news: fixed, so that a second seed changes nothing. */
const NEWS_EPOCH = Date.UTC(2026, 9, 30, 9, 0, 0);

function setFor(tenant: (typeof demoTenants)[number]): SeedSet {
  if (tenant.kind === 'region') return regionSet;
  if (tenant.kind === 'departement') return departementSet;
  if (tenant.kind === 'epci') return metropoleSet(METRO_NETWORKS[tenant.id] ?? 'de transports en commun');
  return communeSet;
}

/** Seeds the demo pages, news and menus of every demo tenant. Returns true if it created rows. */
export async function seedContent(platformDb: Kysely<PlatformTables>): Promise<boolean> {
  const db = platformDb.withTables<ContentTables>();
  const present = new Set((await db.selectFrom('content_items').select('id').execute()).map((r) => r.id));
  const tenants = new Set((await db.selectFrom('platform_tenants').select('id').execute()).map((r) => r.id));
  let created = false;

  await withTransaction(db, async (trx) => {
    for (const [tenantIndex, tenant] of demoTenants.entries()) {
      if (!tenants.has(tenant.id)) continue;
      const set = setFor(tenant);
      const fill = (text: string) => text.replaceAll('{name}', tenant.name).replaceAll('{short}', tenant.short_name);
      const entries: Array<{ kind: 'page' | 'news'; entry: SeedEntry; publishedAt: Date | null }> = [
        ...set.pages.map((entry) => ({ kind: 'page' as const, entry, publishedAt: new Date(NEWS_EPOCH - 60 * DAY) })),
        // Rotated per tenant so that authorities of the same kind do not all lead with the same news.
        ...set.news.map((entry, i) => ({
          kind: 'news' as const,
          entry,
          publishedAt: new Date(NEWS_EPOCH - (((i + tenantIndex) % set.news.length) * 7 + tenantIndex) * DAY),
        })),
        { kind: 'news' as const, entry: set.draft, publishedAt: null },
      ];
      for (const { kind, entry, publishedAt } of entries) {
        const id = seedId('content', tenant.id, kind, entry.slug);
        if (present.has(id)) continue;
        created = true;
        await trx
          .insertInto('content_items')
          .values({
            id,
            tenant_id: tenant.id,
            kind,
            slug: entry.slug,
            latest_version: 1,
            published_version: publishedAt ? 1 : null,
            published_at: publishedAt,
            created_at: publishedAt ?? new Date(NEWS_EPOCH),
            updated_at: publishedAt ?? new Date(NEWS_EPOCH),
          })
          .execute();
        await trx
          .insertInto('content_versions')
          .values({
            item_id: id,
            tenant_id: tenant.id,
            version: 1,
            title: fill(entry.title),
            summary: fill(entry.summary),
            body: fill(entry.body),
            image_media_id: null,
            image_alt: null,
            tags: entry.tags ?? [],
            author_id: null,
            author_label: 'Équipe éditoriale (données de démonstration)',
            note: 'Création',
            created_at: publishedAt ?? new Date(NEWS_EPOCH),
          })
          .execute();
      }
      const menu = [...set.menu.map((slug) => ({ slug, label: set.pages.find((p) => p.slug === slug)?.title ?? slug })), { slug: null, label: 'Actualités' }];
      for (const [position, item] of menu.entries()) {
        const id = seedId('menu', tenant.id, item.slug ?? 'actualites');
        const inserted = await trx
          .insertInto('content_menu_entries')
          .values({
            id,
            tenant_id: tenant.id,
            position: position + 1,
            label: shortLabel(item.label),
            target: item.slug ? 'page' : 'news',
            target_item_id: item.slug ? seedId('content', tenant.id, 'page', item.slug) : null,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) created = true;
      }
    }
  });
  return created;
}

/** Menu labels stay short: "Personnes âgées : l'allocation…" becomes "Personnes âgées". */
function shortLabel(title: string): string {
  return title.split(/\s[:(]/)[0]!.slice(0, 60);
}
