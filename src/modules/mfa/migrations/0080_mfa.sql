-- Second factor (TOTP, RFC 6238) of an account: mandatory for agents, optional for people.
-- The secret is encrypted at rest (AES-256-GCM, key derived from SESSION_SECRET, see crypto.ts);
-- last_used_step is the last 30 s time step accepted, so a code is never accepted twice.
create table mfa_factors (
  account_id uuid primary key references platform_accounts (id) on delete cascade,
  secret_encrypted text not null,
  enrolled_at timestamptz not null default now(),
  last_used_step bigint not null default 0
);

-- Single-use recovery codes: only a salted SHA-256 of each code is kept.
create table mfa_recovery_codes (
  id uuid primary key,
  account_id uuid not null references platform_accounts (id) on delete cascade,
  salt text not null,
  code_hash text not null,
  created_at timestamptz not null default now(),
  used_at timestamptz
);
create index mfa_recovery_codes_account on mfa_recovery_codes (account_id);
