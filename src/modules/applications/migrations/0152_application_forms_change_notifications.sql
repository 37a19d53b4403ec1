-- An aid's public page shows « Faire une demande » when the aid has a form: the kept pages are
-- emptied on every instance when a form is added, changed or removed (platform/db/changes.ts).
create trigger application_forms_notify_change after insert or update or delete or truncate on application_forms
  for each statement execute function platform_notify_change();
