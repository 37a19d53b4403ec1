-- « Mes démarches » keeps each person's list of applications in memory
-- (modules/applications/store.ts): a row-level trigger tells every instance whose applications
-- changed ('applications:<account_id>', after the commit) so that only that person's list is
-- read again. TRUNCATE forgets every list ('applications:*', platform_notify_all_keys(), 0210).
create or replace function applications_notify_key() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform pg_notify('guichet_changes', 'applications:' || old.account_id);
  else
    perform pg_notify('guichet_changes', 'applications:' || new.account_id);
    if tg_op = 'UPDATE' and old.account_id <> new.account_id then
      perform pg_notify('guichet_changes', 'applications:' || old.account_id);
    end if;
  end if;
  return null;
end;
$$;
create trigger applications_notify_key after insert or update or delete on applications
  for each row execute function applications_notify_key();
create trigger applications_notify_truncate after truncate on applications
  for each statement execute function platform_notify_all_keys();
