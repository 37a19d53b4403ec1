-- C6 Orientation, part b: trainings on the model of LHEO 2.3 (Carif-Oref's exchange format):
-- an organisme offers formations; a formation has actions (one place, modality, price); an action
-- has sessions (dates, places left). Demo rows are marked « demo » (generated, not real offers).
create table trainings_organismes (
  id text primary key,
  tenant_id text not null references platform_tenants(id),
  name text not null,
  siret text,
  activity_number text,
  phone text,
  email text,
  web text,
  demo boolean not null default false
);

create table trainings_formations (
  id text primary key,
  tenant_id text not null references platform_tenants(id),
  organisme_id text not null references trainings_organismes(id),
  title text not null,
  objective text not null default '',
  content text not null default '',
  results text not null default '',
  entry_level smallint not null default 0,
  exit_level smallint,
  certifying boolean not null default false,
  rncp text,
  rs text,
  url text,
  contact_name text,
  contact_phone text,
  contact_email text,
  rome_codes text[] not null default '{}',
  demo boolean not null default false,
  -- The canonical JSON of what was imported: an unchanged formation is not written again.
  fingerprint text not null default '',
  updated_at timestamptz not null default now()
);
create index trainings_formations_tenant on trainings_formations (tenant_id);

create table trainings_actions (
  id text primary key,
  formation_id text not null references trainings_formations(id) on delete cascade,
  tenant_id text not null references platform_tenants(id),
  position smallint not null,
  modality text not null check (modality in ('presentiel', 'mixte', 'distance')),
  alternance boolean not null default false,
  hours integer,
  price_euros integer,
  publics text[] not null default '{}',
  public_text text not null default '',
  financers text[] not null default '{}',
  address_line text not null default '',
  postal_code text not null default '',
  commune_code text,
  commune_name text not null default '',
  latitude double precision,
  longitude double precision,
  housing text not null default '',
  transport text not null default '',
  meals text not null default '',
  -- Copied from the formation and the sessions for the faceted search (one row read per result).
  level smallint not null default 0,
  rome_codes text[] not null default '{}',
  search_title text not null default '',
  next_start date
);
create index trainings_actions_formation on trainings_actions (formation_id, position);
create index trainings_actions_rome on trainings_actions using gin (rome_codes);
create index trainings_actions_position on trainings_actions (latitude, longitude);
create index trainings_actions_start on trainings_actions (next_start, id);
create index trainings_actions_title on trainings_actions using gin (search_title gin_trgm_ops);

create table trainings_sessions (
  id text primary key,
  action_id text not null references trainings_actions(id) on delete cascade,
  start_on date not null,
  end_on date not null,
  places_left integer,
  state text not null default 'ouvert' check (state in ('ouvert', 'ferme', 'suspendu')),
  enrol_until date
);
create index trainings_sessions_action on trainings_sessions (action_id, start_on);

create table trainings_imports (
  id text primary key,
  tenant_id text not null references platform_tenants(id),
  created_by uuid references platform_accounts (id) on delete set null,
  created_at timestamptz not null default now(),
  file_name text not null,
  file_hash text not null,
  counts jsonb not null,
  lines jsonb not null,
  items jsonb,
  applied_at timestamptz
);
create index trainings_imports_tenant on trainings_imports (tenant_id, created_at);

create trigger trainings_formations_notify_change after insert or update or delete or truncate on trainings_formations
  for each statement execute function platform_notify_change();
create trigger trainings_actions_notify_change after insert or update or delete or truncate on trainings_actions
  for each statement execute function platform_notify_change();
create trigger trainings_sessions_notify_change after insert or update or delete or truncate on trainings_sessions
  for each statement execute function platform_notify_change();
