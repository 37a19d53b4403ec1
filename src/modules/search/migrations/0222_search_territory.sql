-- The « Territoire » facet of the one search (issue 13, point 4): the départements of each
-- document's territory codes and commune, computed when the document is written
-- (src/platform/search/territory.ts). An index built before this migration gets them from
-- `npm run reindex` (the seed rebuilds it too).
alter table search_documents add column departements text[] not null default '{}';
