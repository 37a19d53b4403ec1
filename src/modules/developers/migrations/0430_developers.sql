-- API management (issue 16 b): developers' applications, their keys (only the SHA-256 is kept),
-- their quotas and the usage counted per day, operation, status and latency bucket.
create table developer_applications (
  id uuid primary key,
  name text not null,
  description text not null default '',
  -- The owner: a person's account, or an authority (registered by one of its agents).
  owner_account_id uuid references platform_accounts(id) on delete cascade,
  owner_tenant_id text references platform_tenants(id) on delete cascade,
  created_by uuid references platform_accounts(id) on delete set null,
  scopes text[] not null default '{}',
  -- Quotas of the whole application; per scope in developer_quotas.
  per_minute integer not null default 600,
  per_day integer not null default 100000,
  suspended_at timestamptz,
  suspended_reason text,
  created_at timestamptz not null default now(),
  check ((owner_account_id is null) <> (owner_tenant_id is null))
);
create index developer_applications_account on developer_applications (owner_account_id);
create index developer_applications_tenant on developer_applications (owner_tenant_id);

create table developer_quotas (
  application_id uuid not null references developer_applications(id) on delete cascade,
  scope text not null,
  per_minute integer not null,
  per_day integer not null,
  primary key (application_id, scope)
);

create table developer_keys (
  id uuid primary key,
  application_id uuid not null references developer_applications(id) on delete cascade,
  -- The first characters of the key (gk_xxxxxxxx), shown to recognise it; never enough to use it.
  prefix text not null,
  hash bytea not null unique,
  created_at timestamptz not null default now(),
  -- Set on rotation: the old key keeps working 24 hours, time for the clients to change.
  expires_at timestamptz,
  revoked_at timestamptz
);
create index developer_keys_application on developer_keys (application_id);

create table developer_usage (
  day date not null,
  application_id uuid not null references developer_applications(id) on delete cascade,
  operation text not null,
  status integer not null,
  -- Index in the latency buckets of usage.ts (upper bounds in ms).
  latency_bucket smallint not null,
  count integer not null,
  primary key (day, application_id, operation, status, latency_bucket)
);

-- Keys are kept in memory by every instance (platform/db/kept-by-key.ts): a key rotated, revoked
-- or deleted, and any change of its application (suspended, scopes, quotas), is forgotten at once
-- on every instance.
create or replace function developer_keys_notify_key() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform pg_notify('guichet_changes', 'developer_keys:' || encode(new.hash, 'hex'));
  else
    perform pg_notify('guichet_changes', 'developer_keys:' || encode(old.hash, 'hex'));
  end if;
  return null;
end;
$$;
create trigger developer_keys_notify_key after insert or update or delete on developer_keys
  for each row execute function developer_keys_notify_key();

create or replace function developer_applications_notify_keys() returns trigger language plpgsql as $$
begin
  perform pg_notify('guichet_changes', 'developer_keys:*');
  return null;
end;
$$;
create trigger developer_applications_notify_keys after update or delete on developer_applications
  for each statement execute function developer_applications_notify_keys();
create trigger developer_quotas_notify_keys after insert or update or delete on developer_quotas
  for each statement execute function developer_applications_notify_keys();
create trigger developer_keys_notify_truncate after truncate on developer_keys
  for each statement execute function platform_notify_all_keys();
