-- The format of the search index that was last built whole (src/platform/search/index.ts,
-- SEARCH_INDEX_FORMAT). A migration can add a column to search_documents with a default
-- (départements 0222, EPCI 0223) but cannot compute it: the code fills it when it writes a
-- document. When the code's format is newer than the one recorded here, or nothing is recorded
-- (a database indexed before this table), Guichet rebuilds the index at start, once.
create table search_index_format (
  singleton boolean primary key default true check (singleton),
  format integer not null,
  built_at timestamptz not null default now()
);
