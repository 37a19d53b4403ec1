-- An application sent to an authority stays with it when the person's account is deleted (by
-- « Supprimer mon compte », or after three years unused): the authority keeps its file for the
-- public archives' rules (/donnees-personnelles, « Vos demandes d'aide »). The application is
-- detached: its account_id becomes null and the ids of the person left on its steps, messages and
-- documents are cleared; what the person answered and sent stays, as the authority received it.
-- Drafts, never sent, go with the account.
alter table applications alter column account_id drop not null;
alter table applications drop constraint applications_account_id_fkey;
alter table applications add constraint applications_account_id_fkey
  foreign key (account_id) references platform_accounts (id) on delete set null;

create function applications_detach_from_account() returns trigger
  language plpgsql
  as $$
begin
  delete from applications where account_id = old.id and status = 'brouillon';
  update application_history set actor_id = null
   where actor_id = old.id and application_id in (select id from applications where account_id = old.id);
  update application_messages set author_id = null
   where author_id = old.id and application_id in (select id from applications where account_id = old.id);
  update application_documents set uploaded_by = null
   where uploaded_by = old.id and application_id in (select id from applications where account_id = old.id);
  return old;
end $$;

create trigger applications_detach_from_account before delete on platform_accounts
  for each row execute function applications_detach_from_account();
