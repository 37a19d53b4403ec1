-- A fifth role, conseiller (issue 15 d.10): an agent of an orientation structure, who writes the
-- counsellors' note of a job sheet, reads the pro-only pages and builds selections for people.
-- Side by side with éditeur and instructeur (platform/auth/roles.ts).
alter table platform_memberships drop constraint platform_memberships_role_check;
alter table platform_memberships add constraint platform_memberships_role_check check (role in ('administrateur', 'editeur', 'instructeur', 'conseiller', 'lecteur'));
