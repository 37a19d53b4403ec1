-- Events reserved to orientation professionals (issue 15 d.10), like content pages (0345): an
-- event flagged pro_only is never listed, put in a feed, indexed nor saved by the public; its page
-- is served only to an account holding the role conseiller in some tenant, or any role in the
-- event's own tenant, signed in with the second factor. Anyone else gets a 404.
alter table agenda_events add column pro_only boolean not null default false;
