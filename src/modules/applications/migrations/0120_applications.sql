-- Applications to aids (C5 c, d, e). Every row carries tenant_id: the authority that instructs it.

-- The application form of an aid that is applied for on Guichet (sections of fields), kept next to
-- the aid (keyed by its id) and checked by checkForm before it is written.
create table application_forms (
  aid_id text primary key,
  tenant_id text not null,
  definition jsonb not null,
  updated_by uuid,
  updated_at timestamptz not null default now()
);
create index application_forms_tenant on application_forms (tenant_id);

-- One application: a draft while the person fills it, then the submitted dossier.
create table applications (
  id uuid primary key,
  tenant_id text not null,
  aid_id text not null,
  aid_name text not null,
  account_id uuid not null references platform_accounts (id) on delete cascade,
  status text not null default 'brouillon' check (status in
    ('brouillon', 'depose', 'en_instruction', 'pieces_demandees', 'accepte', 'refuse', 'classe_sans_suite', 'retire')),
  reference text unique,                        -- BZH-2026-000123, given at submission
  form jsonb not null,                          -- the form as it was when the person filled it
  answers jsonb not null default '{}',          -- field name → value
  sources jsonb not null default '{}',          -- field name → {source, value}: what was prefilled
  consents jsonb not null default '{}',         -- section id → true: the person agreed to prefill
  idempotency_key text unique,                  -- the key of the final form that submitted it
  amount_granted numeric,
  decision_motivation text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  decided_at timestamptz
);
create index applications_account on applications (account_id, created_at desc);
create index applications_tenant_status on applications (tenant_id, status, submitted_at desc);
-- At most one draft per person and aid.
create unique index applications_one_draft on applications (account_id, aid_id) where status = 'brouillon';

-- Documents, stored in the database (never under the web root).
create table application_documents (
  id uuid primary key,
  tenant_id text not null,
  application_id uuid not null references applications (id) on delete cascade,
  field text not null,
  filename text not null,
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size integer not null,
  sha256 text not null,
  bytes bytea not null,
  uploaded_by uuid,
  created_at timestamptz not null default now()
);
create index application_documents_application on application_documents (application_id, field);

-- Who did what to an application, when (shown to the person and to the agents).
create table application_history (
  id uuid primary key,
  tenant_id text not null,
  application_id uuid not null references applications (id) on delete cascade,
  actor_id uuid,
  actor_kind text not null check (actor_kind in ('usager', 'agent', 'systeme')),
  action text not null,
  from_status text,
  to_status text,
  note text,
  created_at timestamptz not null default now()
);
create index application_history_application on application_history (application_id, created_at);

-- Messages between the person and the instructing agents (part d).
create table application_messages (
  id uuid primary key,
  tenant_id text not null,
  application_id uuid not null references applications (id) on delete cascade,
  author_id uuid,
  author_kind text not null check (author_kind in ('usager', 'agent')),
  body text not null,
  requested_documents jsonb,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index application_messages_application on application_messages (application_id, created_at);

-- The counter of reference numbers, per year (BZH-<year>-<6 digits>), taken inside the submission.
create table application_counters (
  year integer primary key,
  last integer not null
);
