-- One row-level change notification for every table whose rows belong to a key (an account…):
-- `<table>:<key>` after the commit (platform/db/changes.ts, KeptByKey), for the key of the new
-- row and, when it changed or the row went away, of the old one. The key's column is the
-- trigger's argument:
--   create trigger t after insert or update or delete on my_table
--     for each row execute function platform_notify_row_key('account_id');
-- (0211 and 0212 kept their own functions: applied migrations never change.)
create or replace function platform_notify_row_key() returns trigger language plpgsql as $$
declare
  new_key text;
  old_key text;
begin
  if tg_op <> 'DELETE' then new_key := to_jsonb(new) ->> tg_argv[0]; end if;
  if tg_op <> 'INSERT' then old_key := to_jsonb(old) ->> tg_argv[0]; end if;
  if new_key is not null then
    perform pg_notify('guichet_changes', tg_table_name || ':' || new_key);
  end if;
  if old_key is not null and old_key is distinct from new_key then
    perform pg_notify('guichet_changes', tg_table_name || ':' || old_key);
  end if;
  return null;
end;
$$;
