-- Issue 15 c.6: information and orientation places (CIO, Missions locales, Information Jeunesse,
-- Maisons de l'emploi, Carif-Oref) are help places of their own kinds. An authority's agents
-- manage their own places (tenant_id; null: open data loaded by the seed), may unpublish them,
-- and import them from a CSV file whose lines are named by an external id (idempotent).
alter table help_places drop constraint help_places_kind_check;
alter table help_places add constraint help_places_kind_check check (kind in (
  'france_services', 'mediation_numerique', 'cio', 'mission_locale', 'information_jeunesse', 'maison_emploi', 'carif_oref'));
alter table help_places add column tenant_id text references platform_tenants (id);
alter table help_places add column external_id text;
alter table help_places add column published boolean not null default true;
-- Made up for the demonstration (the page says « Donnée de démonstration »).
alter table help_places add column demo boolean not null default false;
alter table help_places add column updated_at timestamptz not null default now();
create unique index help_places_tenant_external on help_places (tenant_id, external_id) where external_id is not null;
create index help_places_tenant on help_places (tenant_id, name) where tenant_id is not null;
create index help_places_kind on help_places (kind);

-- The dry runs of the CSV import of places: checked line by line, then applied all or nothing.
create table help_place_imports (
  id uuid primary key,
  tenant_id text not null references platform_tenants (id),
  created_by uuid,
  created_at timestamptz not null default now(),
  file_name text not null,
  file_hash text not null,                  -- SHA-256 of the file, hex
  counts jsonb not null,                    -- {lines, created, updated, unchanged, errors}
  lines jsonb not null,                     -- [{line, id, action, errors: [{field, message}]}]
  items jsonb,                              -- the checked places, when no line has an error
  applied_at timestamptz
);
create index help_place_imports_tenant on help_place_imports (tenant_id, created_at);
