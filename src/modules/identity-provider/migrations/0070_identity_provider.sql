-- Guichet as an OpenID Connect provider (C3, "fourniture d'identités").

-- Applications of an authority that sign people in with Guichet. The secret is never stored:
-- only its SHA-256 (a 256-bit random secret needs no slow hash), compared in constant time.
create table idp_clients (
  id text primary key,                           -- the OAuth client_id
  tenant_id text not null references platform_tenants (id),
  name text not null,
  secret_hash text not null,                     -- hex SHA-256 of the client secret
  redirect_uris text[] not null,
  post_logout_redirect_uris text[] not null default '{}',
  scopes text[] not null,                        -- allowed among openid profile email address identite_pivot
  auth_method text not null default 'client_secret_basic' check (auth_method in ('client_secret_basic', 'client_secret_post')),
  created_at timestamptz not null default now(),
  created_by uuid references platform_accounts (id) on delete set null,
  updated_at timestamptz not null default now(),
  disabled_at timestamptz
);
create index idp_clients_tenant on idp_clients (tenant_id);

-- What oidc-provider keeps: sessions, interactions, codes, tokens, grants (one row each).
create table idp_payloads (
  model text not null,
  id text not null,
  payload jsonb not null,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  primary key (model, id)
);
create index idp_payloads_grant on idp_payloads (grant_id) where grant_id is not null;
create index idp_payloads_uid on idp_payloads (uid) where uid is not null;
create index idp_payloads_expires on idp_payloads (expires_at);

-- The consents a person gave: one grant per (person, application), listed in /mon-compte/applications.
create table idp_consents (
  account_id uuid not null references platform_accounts (id) on delete cascade,
  client_id text not null references idp_clients (id) on delete cascade,
  grant_id text not null,
  scopes text[] not null,
  granted_at timestamptz not null default now(),
  primary key (account_id, client_id)
);

-- Signing keys (private JWK), created once and kept: restarting never changes the JWKS.
-- The newest active key signs; retired keys leave the JWKS after a grace period.
create table idp_keys (
  kid text primary key,
  alg text not null,
  private_jwk jsonb not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
