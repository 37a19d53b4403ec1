-- The agenda of orientation events (issue 15 c.7): salons, forums, portes ouvertes, job datings,
-- ateliers, each published by one authority (tenant) and written by its agents or imported.
create table agenda_events (
  id text primary key,                      -- stable: a UUID for an agent's event, 'oa-<tenant>-<uid>' for OpenAgenda, a seed id for the demo
  tenant_id text not null references platform_tenants (id),
  kind text not null check (kind in ('salon', 'forum', 'portes_ouvertes', 'job_dating', 'atelier')),
  title text not null,
  summary text not null default '',
  description text not null default '',
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place_name text not null,
  address text not null default '',
  commune_code text,                        -- INSEE code, when the place is in Bretagne
  commune_name text not null,
  latitude double precision,
  longitude double precision,
  audiences text[] not null default '{}',
  theme text not null,
  rome_codes text[] not null default '{}',  -- job sheets it is about (« D1102 »)
  domains text[] not null default '{}',     -- ROME grand (« D ») or professional (« D11 ») domains
  registration_url text,
  organiser text not null default '',
  demo boolean not null default false,      -- « Donnée de démonstration »
  source text not null default 'editeur' check (source in ('editeur', 'openagenda', 'demo')),
  external_id text,                         -- the OpenAgenda uid of an imported event
  published boolean not null default true,
  version integer not null default 1,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at >= starts_at),
  unique (tenant_id, external_id)
);
create index agenda_events_upcoming on agenda_events (ends_at) where published;
create index agenda_events_tenant on agenda_events (tenant_id, starts_at);
create index agenda_events_rome on agenda_events using gin (rome_codes);

create table agenda_imports (
  id uuid primary key,
  tenant_id text not null references platform_tenants (id),
  created_by uuid,
  created_at timestamptz not null default now(),
  file_name text not null,
  file_hash text not null,                  -- SHA-256 of the file, hex
  counts jsonb not null,                    -- {lines, created, updated, unchanged, errors}
  lines jsonb not null,                     -- [{line, id, title, action, errors: [{field, message}]}]
  items jsonb,                              -- the checked events, when no line has an error
  applied_at timestamptz
);
create index agenda_imports_tenant on agenda_imports (tenant_id, created_at);

-- The agenda's pages and the job sheets are kept rendered; every instance empties them when events change.
create trigger agenda_events_notify_change after insert or update or delete or truncate on agenda_events
  for each statement execute function platform_notify_change();
