-- « Le mot des conseillers » (issue 15 a.2): a tenant's counsellors write an editorial note on a
-- job sheet. Every save is a new version (like content_versions): history, who and when, restore.
-- The latest version is the one shown; an empty latest version withdraws the note.
-- Notes name fiches by code (no foreign key: the ROME loader replaces every fiche row).
create table orientation_notes (
  tenant_id text not null references platform_tenants (id) on delete cascade,
  fiche_code text not null check (fiche_code ~ '^[A-N][0-9]{4}$'),
  latest_version integer not null default 0,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, fiche_code)
);
create table orientation_note_versions (
  tenant_id text not null,
  fiche_code text not null,
  version integer not null check (version >= 1),
  body text not null check (length(body) <= 4000),
  author_id uuid references platform_accounts (id) on delete set null,
  author_label text not null default '',
  note text not null default '',
  created_at timestamptz not null default now(),
  primary key (tenant_id, fiche_code, version),
  foreign key (tenant_id, fiche_code) references orientation_notes (tenant_id, fiche_code) on delete cascade
);
-- The sheets are kept pages: a note written on any instance empties them at once.
create trigger orientation_notes_changes after insert or update or delete or truncate on orientation_notes
  for each statement execute function platform_notify_change();
