-- The « aide de proximité » search pages are kept; every instance empties them when a place
-- is added, changed or removed (platform/db/changes.ts).
create trigger help_places_notify_change after insert or update or delete or truncate on help_places
  for each statement execute function platform_notify_change();
