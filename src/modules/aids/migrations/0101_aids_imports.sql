-- Imports of aids (docs/aid-format.md, « Import »): the dry run is kept here between the two
-- steps, so that « Importer » applies exactly what was shown — never a payload sent back by the
-- browser. `items` holds the checked definitions (only when the file has no error); `lines` the
-- report, line by line. Kept for the journal; an applied import cannot be applied again.
create table aids_imports (
  id uuid primary key,
  tenant_id text not null references platform_tenants (id),
  created_by uuid,
  created_at timestamptz not null default now(),
  file_name text not null,
  file_format text not null check (file_format in ('json', 'csv')),
  file_hash text not null,                  -- SHA-256 of the file, hex
  counts jsonb not null,                    -- {created, updated, unchanged, errors, lines}
  lines jsonb not null,                     -- [{line, id, action, errors: [{field, message}]}]
  items jsonb,                              -- [{aid, action}] when there is no error
  applied_at timestamptz
);
create index aids_imports_tenant on aids_imports (tenant_id, created_at);
