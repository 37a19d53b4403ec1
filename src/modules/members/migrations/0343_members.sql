-- Members and Pro of orientation (issue 15 d.9, d.10).
-- A person's favourites: things of any module that declares a saved kind (platform/saved.ts),
-- named by (kind, key) — « metier » D1102, « lieu » <uuid>, later « formation », « evenement ».
-- Deleted with the account (cascade), one by one or all at once from « Mes favoris ».
create table members_favourites (
  id uuid primary key,
  account_id uuid not null references platform_accounts (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z][a-z0-9-]{0,30}$'),
  item_key text not null check (length(item_key) between 1 and 100),
  note text not null default '' check (length(note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (account_id, kind, item_key)
);

-- The reminders sent (two days before a dated favourite): written in the transaction that queues
-- the mail, so a restart, a second instance or a second sweep never sends one twice. The date is
-- part of the key: an event moved to another day is reminded again.
create table members_reminders (
  account_id uuid not null references platform_accounts (id) on delete cascade,
  kind text not null,
  item_key text not null,
  occurs_at timestamptz not null,
  sent_at timestamptz not null default now(),
  primary key (account_id, kind, item_key, occurs_at)
);

-- A counsellor's selection (Pro): a named list of things for a person, shared by an unguessable
-- link (only its SHA-256 is kept), revocable. Belongs to the counsellor's tenant.
create table members_selections (
  id uuid primary key,
  tenant_id text not null references platform_tenants (id) on delete cascade,
  title text not null check (length(title) between 1 and 120),
  created_by uuid references platform_accounts (id) on delete set null,
  created_by_label text not null default '',
  share_token_hash text unique,
  shared_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id)
);
create index members_selections_tenant on members_selections (tenant_id, updated_at desc);

create table members_selection_items (
  tenant_id text not null,
  selection_id uuid not null,
  kind text not null check (kind ~ '^[a-z][a-z0-9-]{0,30}$'),
  item_key text not null check (length(item_key) between 1 and 100),
  position integer not null,
  added_at timestamptz not null default now(),
  primary key (selection_id, kind, item_key),
  foreign key (tenant_id, selection_id) references members_selections (tenant_id, id) on delete cascade
);
