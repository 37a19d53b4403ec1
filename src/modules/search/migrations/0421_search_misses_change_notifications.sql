-- The open-data catalogue keeps the counts of the « recherches sans résultat » dataset until a
-- missed search is counted (platform/db/changes.ts).
create trigger search_misses_notify_change after insert or update or delete or truncate on search_misses
  for each statement execute function platform_notify_change();
