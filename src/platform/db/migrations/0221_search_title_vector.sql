-- The one search at 100,000 documents (issue 13, point 11): the title's own vector, small and kept
-- in the row (the whole document's vector is often stored out of line, and reading it for every
-- match cost most of a broad query's time). It serves: title matches first when a query matches
-- more documents than are ranked (their own GIN index), the cheap first ranking of every match,
-- and « exact title » without parsing each matched title again.
alter table search_documents
  add column title_search tsvector generated always as (to_tsvector('french_unaccent', title)) stored;
create index search_documents_title_search on search_documents using gin (title_search);

-- GIN indexes write new entries to a pending list that every search then reads whole, until a
-- vacuum merges it; PGlite has no autovacuum, so the list only grew (up to 4 MB). The index is
-- written once per publication: written in place, searches never read a pending list.
alter index search_documents_search set (fastupdate = off);
alter index search_documents_title_search set (fastupdate = off);
alter index search_documents_title_trgm set (fastupdate = off);
alter index search_words_trgm set (fastupdate = off);
select gin_clean_pending_list(i::regclass)
  from unnest(array['search_documents_search', 'search_documents_title_search', 'search_documents_title_trgm', 'search_words_trgm']) as i;
