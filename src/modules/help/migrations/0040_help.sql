-- Places where a person can be helped by someone for their procedures: France Services and
-- digital-help places (médiation numérique). Open data, dated by source_date.
create table help_places (
  id uuid primary key,
  kind text not null check (kind in ('france_services', 'mediation_numerique')),
  name text not null,
  address text not null default '',
  postal_code text not null default '',
  commune_code text,                        -- code INSEE (COG); null when it could not be resolved
  commune_name text not null,
  departement_code text not null,
  latitude double precision,
  longitude double precision,
  phone text,
  email text,
  website text,
  opening_hours text,                       -- readable French text, one line per group of days
  services text[] not null default '{}',
  access_conditions text,
  source text not null,                     -- the dataset (see the public /sources page)
  source_ref text not null,                 -- the record's identifier in that dataset
  source_date text not null check (source_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),  -- when the source last described the place
  created_at timestamptz not null default now(),
  unique (source, source_ref)
);
create index help_places_departement on help_places (departement_code);
create index help_places_commune on help_places (commune_code);
