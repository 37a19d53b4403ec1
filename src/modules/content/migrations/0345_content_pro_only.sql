-- Pages reserved to orientation professionals (issue 15 d.10): a page flagged pro_only is never
-- listed, indexed nor kept for the public; it is served only to an account holding the role
-- conseiller in some tenant, or any role in the page's own tenant (its editors).
alter table content_items add column pro_only boolean not null default false;
