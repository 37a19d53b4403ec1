-- Sessions are kept in memory by every instance, by their token's hash (platform/auth/sessions.ts,
-- platform/db/kept-by-key.ts). A row-level trigger tells every instance which session changed or
-- ended ('platform_sessions:<id_hash>', after the commit): a sign-out, a password change, a
-- second factor reset or sessions closed by their owner stop working on every instance at once,
-- while a sign-in elsewhere empties nothing. TRUNCATE forgets every session ('platform_sessions:*').
create or replace function platform_sessions_notify_key() returns trigger language plpgsql as $$
begin
  perform pg_notify('guichet_changes', 'platform_sessions:' || old.id_hash);
  return null;
end;
$$;
create trigger platform_sessions_notify_key after update or delete on platform_sessions
  for each row execute function platform_sessions_notify_key();

-- '<table>:*': every key of the table (a TRUNCATE).
create or replace function platform_notify_all_keys() returns trigger language plpgsql as $$
begin
  perform pg_notify('guichet_changes', tg_table_name || ':*');
  return null;
end;
$$;
create trigger platform_sessions_notify_truncate after truncate on platform_sessions
  for each statement execute function platform_notify_all_keys();
