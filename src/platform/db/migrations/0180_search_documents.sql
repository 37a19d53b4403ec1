-- The one search index (issue 13): one row per published object of any type, written by the module
-- that owns the object in the same transaction as its publication or withdrawal.
create table search_documents (
  type text not null,                       -- 'aide', 'page', 'actualite', 'lieu-aide', 'collectivite'…
  object_id text not null,
  tenant_id text references platform_tenants (id) on delete cascade,
  title text not null,
  body text not null default '',
  url text not null,
  audiences text[] not null default '{}',
  themes text[] not null default '{}',
  territory_codes text[] not null default '{}',
  commune_code text,
  latitude double precision,
  longitude double precision,
  opens_on date,
  closes_on date,
  published_at timestamptz,
  indexed_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('french_unaccent', title), 'A') || setweight(to_tsvector('french_unaccent', body), 'B')
  ) stored,
  primary key (type, object_id)
);
create index search_documents_search on search_documents using gin (search);
create index search_documents_title_trgm on search_documents using gin (immutable_unaccent(lower(title)) gin_trgm_ops);
create index search_documents_tenant on search_documents (tenant_id);

-- Every word of the indexed titles and bodies (lower case, without accents), to correct typos:
-- « permsi » is closest by trigrams to « permis ».
create table search_words (
  word text primary key
);
create index search_words_trgm on search_words using gin (word gin_trgm_ops);
