-- The official territory referential (COG), for Bretagne: région, départements, EPCI, communes.
create table territory_regions (
  code text primary key,
  name text not null
);

create table territory_departements (
  code text primary key,
  name text not null,
  region_code text not null references territory_regions (code)
);

create table territory_epci (
  code text primary key,                    -- SIREN of the EPCI
  name text not null,
  kind text not null,                       -- CC, CA, CU, METRO
  population integer
);

create table territory_communes (
  code text primary key,                    -- code INSEE (COG)
  name text not null,
  departement_code text not null references territory_departements (code),
  region_code text not null references territory_regions (code),
  epci_code text references territory_epci (code),
  postal_codes text[] not null default '{}',
  population integer
);
create index territory_communes_epci on territory_communes (epci_code);
create index territory_communes_departement on territory_communes (departement_code);
create index territory_communes_name on territory_communes (lower(immutable_unaccent(name)));

create table territory_meta (
  key text primary key,
  value text not null
);
