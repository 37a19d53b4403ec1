-- « Mes favoris » keeps each person's list in memory (favourites.routes.tsx): every instance is
-- told whose favourites changed ('members_favourites:<account_id>'); TRUNCATE forgets every list.
create trigger members_favourites_notify_key after insert or update or delete on members_favourites
  for each row execute function platform_notify_row_key('account_id');
create trigger members_favourites_notify_truncate after truncate on members_favourites
  for each statement execute function platform_notify_all_keys();
