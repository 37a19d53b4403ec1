-- When an instructeur last opened each application (issue 6, 11): the list of the back office
-- marks « Nouveau » a file no instructeur has opened, and « Réponse de la personne » a file where the
-- person acted (message, document, withdrawal) after that. One row per application.
-- No foreign key to applications: this file is numbered before 0120_applications (on a new
-- database it runs first). A row left by a deleted application holds only an id and a time.
create table application_reads (
  application_id uuid primary key,
  tenant_id text not null,
  seen_at timestamptz not null
);
