-- The one search, faster and with facets (issue 13, points 4 and 11).
-- The title without accents or capitals, kept once instead of computed for every ranked row;
-- a short plain extract source, so that ts_headline reads 600 characters and not whole bodies.
alter table search_documents
  add column title_norm text generated always as (immutable_unaccent(lower(title))) stored,
  add column extract_source text generated always as (left(body, 600)) stored;
create index search_documents_type on search_documents (type);

-- Search results and the typo dictionary are kept in memory by every instance; each one forgets
-- them when the index changes on any instance (platform/db/changes.ts).
create trigger search_documents_notify_change after insert or update or delete or truncate on search_documents
  for each statement execute function platform_notify_change();
create trigger search_words_notify_change after insert or update or delete or truncate on search_words
  for each statement execute function platform_notify_change();
