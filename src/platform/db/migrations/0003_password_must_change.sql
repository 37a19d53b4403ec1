-- An account given a temporary password (an agent created by an administrator) must choose its
-- own before reaching anything else in the back office.
alter table platform_accounts add column password_must_change boolean not null default false;
