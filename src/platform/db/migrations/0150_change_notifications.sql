-- Tells every instance which table changed (platform/db/changes.ts): a statement-level trigger
-- on a watched table runs this function, and PostgreSQL delivers the notification after the
-- commit to every listening session (one per instance), so caches are emptied at once.
-- Notifications of one transaction with the same table name are delivered once.
create or replace function platform_notify_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('guichet_changes', tg_table_name);
  return null;
end;
$$;
