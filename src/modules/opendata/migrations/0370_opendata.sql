-- Open data (issue 16 c). The licence an authority chose for one of its own datasets (c.8): no row
-- means the Licence Ouverte 2.0 (Etalab). dataset_id is a declaration id (« aides »).
create table opendata_licences (
  tenant_id text not null references platform_tenants (id),
  dataset_id text not null,
  licence text not null check (licence in ('lo-2.0', 'odbl', 'restrictive')),
  updated_by uuid,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, dataset_id)
);

-- « Signaler une erreur » (c.10): a report on one public object, in its producer's queue.
create table opendata_reports (
  id uuid primary key,
  tenant_id text not null references platform_tenants (id), -- the producing authority (the portal's for platform data)
  dataset_id text not null,                 -- a declaration id
  object_id text not null,
  object_title text not null,
  object_url text not null,                 -- the object's public page, a path
  message text not null check (length(message) between 1 and 2000),
  email text,                               -- only to answer the reporter; erased once the report is closed for a month
  status text not null default 'nouveau' check (status in ('nouveau', 'en_cours', 'corrige', 'rejete')),
  answer text not null default '',
  handled_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz
);
create index opendata_reports_queue on opendata_reports (tenant_id, status, created_at);
create index opendata_reports_dataset on opendata_reports (dataset_id, tenant_id, status);
