-- FranceConnect (MISSION.md C3). One FranceConnect identity (its pairwise `sub`) per account and
-- one account per identity.
create table franceconnect_links (
  account_id uuid not null unique references platform_accounts (id) on delete cascade,
  sub text not null unique,
  linked_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);

-- A FranceConnect flow under way: what the callback needs to check the answer (state, nonce,
-- PKCE verifier) is kept here, never in the browser. A row is consumed (deleted) by the
-- callback, so an answer cannot be replayed; the browser holds the state in a signed cookie so
-- that an answer meant for another browser is refused.
create table franceconnect_flows (
  state_hash text primary key,
  nonce text not null,
  code_verifier text not null,
  intent text not null check (intent in ('sign_in', 'link')),
  account_id uuid references platform_accounts (id) on delete cascade,
  next_path text not null,
  expires_at timestamptz not null
);

-- Signing keys of the demonstration stand-in (private JWKs), generated once and kept so that a
-- restart neither invalidates ID tokens nor logs people out.
create table franceconnect_standin_keys (
  kid text primary key,
  jwk jsonb not null,
  created_at timestamptz not null default now()
);
