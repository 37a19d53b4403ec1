-- A person's profile, one row per field, each with its provenance (MISSION.md C3 and C8):
-- 'franceconnect' values are certified and read-only; 'declared' ones the person typed;
-- 'application' ones were given in an earlier application.
create table profile_fields (
  account_id uuid not null references platform_accounts (id) on delete cascade,
  field text not null,
  value jsonb not null,
  source text not null check (source in ('franceconnect', 'declared', 'application')),
  received_at timestamptz not null default now(),
  primary key (account_id, field)
);
