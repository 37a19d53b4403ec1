-- Pages kept by other modules (aids, help) carry the tenant's menu (published pages in the
-- editors' order): every instance empties them when the menu or a page changes
-- (platform/db/changes.ts).
create trigger content_menu_entries_notify_change after insert or update or delete or truncate on content_menu_entries
  for each statement execute function platform_notify_change();
create trigger content_items_notify_change after insert or update or delete or truncate on content_items
  for each statement execute function platform_notify_change();
