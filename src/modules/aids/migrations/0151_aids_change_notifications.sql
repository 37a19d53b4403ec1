-- The public pages of aids and the eligibility engine keep what they read from `aids`; every
-- instance empties it when this trigger tells that the table changed (platform/db/changes.ts).
create trigger aids_notify_change after insert or update or delete or truncate on aids
  for each statement execute function platform_notify_change();
