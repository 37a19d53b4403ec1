-- The referential of public aids (C5 a). One row per aid: its definition (docs/aid-format.md,
-- validated before it is written) and columns copied from it to prefilter without reading JSON.
-- Every aid belongs to exactly one tenant, its publisher on Guichet (national aids: 'bretagne').
create table aids (
  id text primary key,                      -- stable slug, also the definition's id
  tenant_id text not null references platform_tenants (id),
  status text not null default 'draft' check (status in ('draft', 'published')),
  name text not null,
  porteur_kind text not null,
  porteur_name text not null,
  definition jsonb not null,
  territory_codes text[] not null default '{}', -- FR, R53, D29, E<siren>, C<cog>: where it applies
  age_min integer,                          -- null: no bound that holds for every case
  age_max integer,
  audiences text[] not null default '{}',
  themes text[] not null default '{}',
  search tsvector not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz
);
create index aids_tenant_status on aids (tenant_id, status);
create index aids_status_name on aids (status, name);
create index aids_territory on aids using gin (territory_codes);
create index aids_audiences on aids using gin (audiences);
create index aids_themes on aids using gin (themes);
create index aids_search on aids using gin (search);

-- Every written definition, kept (who changed what, when); the back office will show them.
create table aids_versions (
  aid_id text not null references aids (id) on delete cascade,
  version integer not null,
  status text not null,
  definition jsonb not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (aid_id, version)
);
