-- Platform tables: tenants, accounts and their roles, sessions, audit trail, counters, media.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE; indexes need an IMMUTABLE wrapper naming its dictionary.
create or replace function immutable_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- French full text search that forgives accents (used by the shared search index).
create text search configuration french_unaccent (copy = french);
alter text search configuration french_unaccent
  alter mapping for hword, hword_part, word with unaccent, french_stem;

create table platform_tenants (
  id text primary key,                      -- the slug, stable: collectivites/<id>/
  name text not null,
  short_name text not null,
  kind text not null check (kind in ('region', 'departement', 'epci', 'commune')),
  cog_code text not null,                   -- official territory code (COG / SIREN for EPCI)
  parent_id text references platform_tenants (id),
  host text unique,                         -- own host name, e.g. brest.localhost
  accent_color text not null default '#0b5394',
  logo_media_id uuid,
  description text not null default '',
  contact_email text not null default '',
  contact_phone text not null default '',
  contact_address text not null default '',
  joined_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table platform_media (
  id uuid primary key,
  tenant_id text not null references platform_tenants (id),
  content_type text not null,
  bytes bytea not null,
  sha256 text not null,
  created_at timestamptz not null default now(),
  created_by uuid
);
create index platform_media_tenant on platform_media (tenant_id);

alter table platform_tenants add constraint platform_tenants_logo
  foreign key (logo_media_id) references platform_media (id);

create table platform_accounts (
  id uuid primary key,
  email text not null,
  display_name text not null,
  password_hash text,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  last_sign_in_at timestamptz
);
create unique index platform_accounts_email on platform_accounts (lower(email));

create table platform_memberships (
  account_id uuid not null references platform_accounts (id) on delete cascade,
  tenant_id text not null references platform_tenants (id),
  role text not null check (role in ('administrateur', 'editeur', 'lecteur')),
  created_at timestamptz not null default now(),
  primary key (account_id, tenant_id)
);

create table platform_sessions (
  id_hash text primary key,                 -- sha256 of the cookie value: a stolen table gives no session
  account_id uuid references platform_accounts (id) on delete cascade,
  data jsonb not null default '{}',
  user_agent text not null default '',
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index platform_sessions_expiry on platform_sessions (expires_at);
create index platform_sessions_account on platform_sessions (account_id);

create table platform_audit (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_label text not null default '',
  tenant_id text,
  action text not null,                     -- e.g. auth.sign_in, content.publish
  target_type text,
  target_id text,
  ip text,
  details jsonb not null default '{}'
);
create index platform_audit_tenant_at on platform_audit (tenant_id, at desc);
create index platform_audit_actor_at on platform_audit (actor_id, at desc);

create table platform_counters (
  key text primary key,
  count integer not null,
  reset_at timestamptz not null
);
