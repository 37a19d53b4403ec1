-- Instruction by agents (C5 d): private annotations, never shown to the person.
create table application_annotations (
  id uuid primary key,
  tenant_id text not null,
  application_id uuid not null references applications (id) on delete cascade,
  author_id uuid,
  author_label text not null,
  body text not null,
  created_at timestamptz not null default now()
);
create index application_annotations_application on application_annotations (application_id, created_at);
create index applications_tenant_aid on applications (tenant_id, aid_id);
