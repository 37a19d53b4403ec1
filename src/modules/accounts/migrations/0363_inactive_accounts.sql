-- Accounts unused for three years are deleted, after a mail 30 days before (docs/identity.md,
-- « Comptes inutilisés »). One row per warned account, written in the transaction that queues the
-- warning: a restart or another instance never sends it twice. A sign-in since `last_activity_at`
-- makes the notice void (the sweep deletes it); the account's deletion deletes it too.
create table account_inactivity_notices (
  account_id uuid primary key references platform_accounts (id) on delete cascade,
  warned_at timestamptz not null default now(),
  -- The account's last sign-in (or its creation) when it was warned.
  last_activity_at timestamptz not null,
  -- Never less than 30 days after the warning.
  deletes_on timestamptz not null
);
