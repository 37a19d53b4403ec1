-- Searches that found nothing (issue 13, point 6), counted per day, tenant and normalised words:
-- no person, no address, no cookie, never the query as typed. words = '' gathers the searches of
-- a day beyond the cap of distinct rows per tenant (src/modules/search/misses.ts).
create table search_misses (
  day date not null,
  tenant_id text not null references platform_tenants (id) on delete cascade,
  words text not null,
  count integer not null,
  primary key (day, tenant_id, words)
);
create index search_misses_tenant on search_misses (tenant_id, day);
