-- Periodic background jobs (platform/jobs.ts, issue 15 d.9): one row per job name. An instance
-- runs a job only after claiming its row (an atomic UPDATE … WHERE the lease is free and the
-- interval has passed), so several instances behind a load balancer run it once per interval,
-- and a job taken by an instance that died is taken back when its lease ends.
create table platform_jobs (
  name text primary key,
  locked_until timestamptz,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text
);
