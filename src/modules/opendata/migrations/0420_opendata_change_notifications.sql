-- The open-data catalogue keeps each dataset's counts and dates, and its pages, until what they
-- were made from changes: licences and reports here, each dataset's own tables in their modules
-- (platform/db/changes.ts).
create trigger opendata_licences_notify_change after insert or update or delete or truncate on opendata_licences
  for each statement execute function platform_notify_change();
create trigger opendata_reports_notify_change after insert or update or delete or truncate on opendata_reports
  for each statement execute function platform_notify_change();
