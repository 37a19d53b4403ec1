-- C6 Orientation, part a: the jobs of France Travail's ROME 4.0 (version 460), loaded from the open
-- data copy in seed/data/rome/ by the seed and by `npm run reindex` (never downloaded at run time).
-- The professional domains come from the ROME 3 arborescence (July 2021): ROME 4.0 kept its codes.

create table orientation_domains (
  code text primary key check (code ~ '^[A-N][0-9]{2}$'),   -- « D11 »
  label text not null,                                      -- « Commerce alimentaire et métiers de bouche »
  grand_domain_code text not null check (grand_domain_code ~ '^[A-N]$'),
  grand_domain_label text not null                          -- « Commerce, Vente et Grande distribution »
);

create table orientation_fiches (
  code text primary key check (code ~ '^[A-N][0-9]{4}$'),   -- code ROME, « D1102 »
  label text not null,                                      -- ROME 4.0 label, « Boulanger / Boulangère »
  domain_code text not null references orientation_domains (code),
  -- The ROME 3 fiche this one came from (itself for the 532 historical fiches): « D1102 » for « Chef boulanger ».
  parent_code text not null,
  regulated boolean,                                        -- emploi réglementé (null: not said)
  executive boolean                                         -- emploi de cadre (null: not said)
);
create index orientation_fiches_domain on orientation_fiches (domain_code, label);
create index orientation_fiches_parent on orientation_fiches (parent_code);

-- The 13,120 names of the jobs, masculine and feminine forms in one label (« Boulanger / Boulangère »).
create table orientation_appellations (
  ogr_code text primary key,
  long_label text not null,
  short_label text not null,
  fiche_code text not null references orientation_fiches (code),
  classification text not null check (classification in ('principale', 'synonyme')),
  rare boolean not null default false                       -- « peu usité » in ROME
);
create index orientation_appellations_fiche on orientation_appellations (fiche_code);
-- Accent- and case-insensitive search inside the labels (« boulangere » in « Boulanger / Boulangère »).
create index orientation_appellations_label_trgm on orientation_appellations using gin (immutable_unaccent(lower(long_label)) gin_trgm_ops);

-- The sentences of each fiche's definition and « accès au métier », in ROME's order.
create table orientation_texts (
  fiche_code text not null references orientation_fiches (code),
  kind text not null check (kind in ('definition', 'acces')),
  position integer not null,
  text text not null,
  primary key (fiche_code, kind, position)
);

-- The jobs one can move to from a fiche (« mobilités »), in ROME's order.
create table orientation_mobilities (
  fiche_code text not null references orientation_fiches (code),
  target_code text not null references orientation_fiches (code),
  position integer not null,
  primary key (fiche_code, target_code)
);

-- « J'ai envie de créer, construire, rénover »: the 30 centres d'intérêt, and the fiches that answer each.
create table orientation_interests (
  code integer primary key,
  label text not null,
  definition text not null
);
create table orientation_interest_fiches (
  interest_code integer not null references orientation_interests (code),
  fiche_code text not null references orientation_fiches (code),
  principal boolean not null,                               -- the fiche's main interest
  primary key (interest_code, fiche_code)
);
create index orientation_interest_fiches_fiche on orientation_interest_fiches (fiche_code);

-- The orientation pages are kept (platform/views/kept-pages.tsx); every instance empties them when the data is reloaded.
create trigger orientation_fiches_notify_change after insert or update or delete or truncate on orientation_fiches
  for each statement execute function platform_notify_change();
create trigger orientation_appellations_notify_change after insert or update or delete or truncate on orientation_appellations
  for each statement execute function platform_notify_change();
create trigger orientation_texts_notify_change after insert or update or delete or truncate on orientation_texts
  for each statement execute function platform_notify_change();
