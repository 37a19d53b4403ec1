-- Purges of data kept past its stated retention (src/platform/housekeeping, docs/architecture.md « Purges »):
-- one row per purge, claimed by the instance that runs it (an update that only one instance wins),
-- so that several instances behind a load balancer run each purge once per interval.
create table platform_housekeeping (
  purge text primary key,
  last_run_at timestamptz not null,
  last_deleted integer not null default 0
);
