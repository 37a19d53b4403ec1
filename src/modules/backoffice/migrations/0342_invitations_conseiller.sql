-- An invitation may give the new role conseiller (migration 0340).
alter table backoffice_invitations drop constraint backoffice_invitations_role_check;
alter table backoffice_invitations add constraint backoffice_invitations_role_check check (role in ('administrateur', 'editeur', 'instructeur', 'conseiller', 'lecteur'));
