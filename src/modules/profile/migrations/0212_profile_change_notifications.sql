-- The simulator's results read the person's profile on every page; it is kept in memory per
-- account (modules/eligibility/routes.tsx) and a row-level trigger tells every instance whose
-- profile changed ('profile_fields:<account_id>', after the commit). TRUNCATE forgets them all
-- ('profile_fields:*', platform_notify_all_keys(), migration 0210).
create or replace function profile_fields_notify_key() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform pg_notify('guichet_changes', 'profile_fields:' || old.account_id);
  else
    perform pg_notify('guichet_changes', 'profile_fields:' || new.account_id);
    if tg_op = 'UPDATE' and old.account_id <> new.account_id then
      perform pg_notify('guichet_changes', 'profile_fields:' || old.account_id);
    end if;
  end if;
  return null;
end;
$$;
create trigger profile_fields_notify_key after insert or update or delete on profile_fields
  for each row execute function profile_fields_notify_key();
create trigger profile_fields_notify_truncate after truncate on profile_fields
  for each statement execute function platform_notify_all_keys();
