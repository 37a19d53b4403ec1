-- Signed-in requests keep accounts and their roles in memory (platform/auth/current-account.ts):
-- every instance forgets them as soon as an account or a membership changes (disabled, renamed,
-- a role given or taken), through platform_notify_change() (migration 0150).
create trigger platform_accounts_notify_change after insert or update or delete or truncate on platform_accounts
  for each statement execute function platform_notify_change();
create trigger platform_memberships_notify_change after insert or update or delete or truncate on platform_memberships
  for each statement execute function platform_notify_change();
