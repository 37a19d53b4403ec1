-- The « Intercommunalité » level of the territory facet (issue 13, point 4): for each document,
-- the SIREN of the EPCI it lies in or applies to, and `D<code>` for each département it covers
-- whole (a région's or a département's object applies in every EPCI there). Computed when the
-- document is written (epciKeysOf in src/platform/search/territory.ts); an index built before this
-- migration gets it from `npm run reindex` (the seed rebuilds the index too).
alter table search_documents add column epcis text[] not null default '{}';
