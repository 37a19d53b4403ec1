-- A saved training shows its organisme's name (saved-kind.ts): pages kept with it are told when
-- the organismes change, as for the formations, actions and sessions (0310).
create trigger trainings_organismes_notify_change after insert or update or delete or truncate on trainings_organismes
  for each statement execute function platform_notify_change();
