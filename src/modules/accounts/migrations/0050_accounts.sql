-- Local accounts of people (issue 5, C3): email confirmation, one-time links, SSO codes for
-- tenants' own hosts, and the devices an account has signed in from (new sign-in notice).

-- When the person proved they read mail at this address (confirmation link, password reset
-- link, or an address certified by FranceConnect). Accounts made before this migration were
-- made by operators: they count as confirmed.
alter table platform_accounts add column email_confirmed_at timestamptz;
update platform_accounts set email_confirmed_at = created_at;

-- Links sent by mail. Only the SHA-256 of the token is kept: reading the table gives no link.
create table account_tokens (
  token_hash text primary key,
  account_id uuid not null references platform_accounts (id) on delete cascade,
  purpose text not null check (purpose in ('confirm', 'reset', 'email_change')),
  new_email text,                           -- purpose email_change: the address to confirm
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz                       -- single use: set when used or replaced by a newer link
);
create index account_tokens_account on account_tokens (account_id, purpose);

-- Single-use codes (60 s) that carry a portal session to a tenant's own host name.
create table account_sso_codes (
  code_hash text primary key,
  account_id uuid not null references platform_accounts (id) on delete cascade,
  host text not null,                       -- the tenant host the code may be used on
  parent_session text not null,             -- id (token hash) of the portal session
  data jsonb not null default '{}',         -- what the new session inherits (mfa)
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Devices (browser family, system, kind: hashed with the account id) already used to sign in.
create table account_known_devices (
  account_id uuid not null references platform_accounts (id) on delete cascade,
  device_hash text not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (account_id, device_hash)
);
