-- Invitations to become an agent of a tenant (issue 12, point a.1). An administrator invites an
-- address with a role; the holder of that address signs in (or creates an account with it) and
-- accepts or declines: only then does the membership exist. A row lives while the invitation is
-- pending: accepting, declining or cancelling deletes it (the audit trail keeps the history).
-- Only the SHA-256 of the mailed token is kept; re-inviting the same address replaces it.
create table backoffice_invitations (
  id uuid primary key,
  tenant_id text not null references platform_tenants (id) on delete cascade,
  email text not null,                      -- lower-cased
  role text not null check (role in ('administrateur', 'editeur', 'instructeur', 'lecteur')),
  token_hash text not null unique,
  invited_by uuid references platform_accounts (id) on delete set null,
  invited_by_label text not null default '',
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create unique index backoffice_invitations_tenant_email on backoffice_invitations (tenant_id, email);
create index backoffice_invitations_email on backoffice_invitations (email);
