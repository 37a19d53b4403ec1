-- A fourth role beside éditeur: instructeur, who instructs the applications (issue 6, 11).
alter table platform_memberships drop constraint platform_memberships_role_check;
alter table platform_memberships add constraint platform_memberships_role_check check (role in ('administrateur', 'editeur', 'instructeur', 'lecteur'));
