-- Content (C1): pages and news of each tenant, every change kept as a version, and each tenant's menu.
-- Every row carries tenant_id; versions and menu entries point to their item through (tenant_id, id),
-- so a row can never be tied to another tenant's item.

create table content_items (
  id uuid primary key,
  tenant_id text not null references platform_tenants (id),
  kind text not null check (kind in ('page', 'news')),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  latest_version integer not null default 0,
  published_version integer,                -- null: never published, or unpublished
  published_at timestamptz,                 -- first publication since the last unpublishing
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, kind, slug),
  unique (tenant_id, id),
  check (published_version is null or published_version between 1 and latest_version)
);
create index content_items_published on content_items (tenant_id, kind, published_at desc) where published_version is not null;
create index content_items_news_all on content_items (published_at desc) where published_version is not null and kind = 'news';

create table content_versions (
  item_id uuid not null,
  tenant_id text not null,
  version integer not null check (version >= 1),
  title text not null check (length(title) between 1 and 200),
  summary text not null default '',
  body text not null default '',
  image_media_id uuid references platform_media (id),
  image_alt text,                           -- '' when the image is decorative; required with an image
  tags text[] not null default '{}',
  author_id uuid,
  author_label text not null default '',
  note text not null default '',
  created_at timestamptz not null default now(),
  primary key (item_id, version),
  foreign key (tenant_id, item_id) references content_items (tenant_id, id) on delete cascade,
  check (image_media_id is null or image_alt is not null)
);
create index content_versions_tags on content_versions using gin (tags);

create table content_menu_entries (
  id uuid primary key,
  tenant_id text not null references platform_tenants (id),
  position integer not null,
  label text not null check (length(label) between 1 and 60),
  target text not null check (target in ('page', 'news')),
  target_item_id uuid,
  foreign key (tenant_id, target_item_id) references content_items (tenant_id, id) on delete cascade,
  check ((target = 'page') = (target_item_id is not null))
);
create index content_menu_entries_tenant on content_menu_entries (tenant_id, position);
