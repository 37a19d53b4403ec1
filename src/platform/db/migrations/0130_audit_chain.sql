-- Tamper-evident audit trail (docs/audit.md).
--
-- ONE chain for the whole platform, not one per tenant: a row's place is its `seq` (1, 2, 3…
-- without gaps), `prev_hash` is the `row_hash` of the row before it, and
--   row_hash = sha256(prev_hash || canonical content of the row)   (hex)
-- A single chain gives one total order, so that a row deleted anywhere (a person's rows have no
-- tenant) shows as a gap; the cost is one row lock per insert, held until the inserting
-- transaction commits (audit rows are written at the end of short transactions).
-- The canonical content is a JSON object with sorted keys, no spaces, every value a string or
-- null (the timestamp in UTC with microseconds, the details as jsonb's own text):
-- src/platform/audit/chain.ts computes it again, independently, when `npm run audit:verify` walks
-- the chain.

-- Old instances still running while this migrates must not insert rows the backfill misses.
lock table platform_audit in exclusive mode;

alter table platform_audit
  add column seq bigint,
  add column prev_hash text,
  add column row_hash text;

-- The end of the chain: one row, updated by the insert trigger only.
create table platform_audit_head (
  id boolean primary key default true check (id),
  seq bigint not null,
  row_hash text not null
);

create function platform_audit_canonical(
  p_seq bigint, p_id bigint, p_at timestamptz, p_actor_id uuid, p_actor_label text, p_tenant_id text,
  p_action text, p_target_type text, p_target_id text, p_ip text, p_details jsonb
) returns text
  language sql stable
  set search_path = pg_catalog
  as $$
    select '{"action":' || coalesce(to_json(p_action)::text, 'null')
      || ',"actor_id":' || coalesce(to_json(p_actor_id::text)::text, 'null')
      || ',"actor_label":' || coalesce(to_json(p_actor_label)::text, 'null')
      || ',"at":' || coalesce(to_json(to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text, 'null')
      || ',"details":' || coalesce(to_json(p_details::text)::text, 'null')
      || ',"id":' || coalesce(to_json(p_id::text)::text, 'null')
      || ',"ip":' || coalesce(to_json(p_ip)::text, 'null')
      || ',"seq":' || coalesce(to_json(p_seq::text)::text, 'null')
      || ',"target_id":' || coalesce(to_json(p_target_id)::text, 'null')
      || ',"target_type":' || coalesce(to_json(p_target_type)::text, 'null')
      || ',"tenant_id":' || coalesce(to_json(p_tenant_id)::text, 'null')
      || '}'
  $$;

-- Rows written before this migration are chained in the order they were written.
do $$
declare
  r record;
  n bigint := 0;
  prev text := repeat('0', 64);
  hash text;
begin
  for r in select * from platform_audit order by id loop
    n := n + 1;
    hash := encode(sha256(convert_to(prev || platform_audit_canonical(
      n, r.id, r.at, r.actor_id, r.actor_label, r.tenant_id, r.action, r.target_type, r.target_id, r.ip, r.details), 'UTF8')), 'hex');
    update platform_audit set seq = n, prev_hash = prev, row_hash = hash where id = r.id;
    prev := hash;
  end loop;
  insert into platform_audit_head (id, seq, row_hash) values (true, n, prev);
end $$;

alter table platform_audit
  alter column seq set not null,
  alter column prev_hash set not null,
  alter column row_hash set not null;
-- Two rows can never take the same place: a fork is refused, never written.
create unique index platform_audit_seq on platform_audit (seq);

-- Appends a row to the chain. SECURITY DEFINER: the application's role needs INSERT on
-- platform_audit only, never a right on the head. `for update` serialises concurrent inserts
-- on PostgreSQL (in READ COMMITTED the waiting insert then reads the head the other committed;
-- in REPEATABLE READ or SERIALIZABLE it fails rather than fork the chain). PGlite has a single
-- backend: writes are serialised already.
create function platform_audit_append() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  head record;
begin
  select seq, row_hash into head from platform_audit_head where id for update;
  if not found then
    raise exception 'platform_audit_head is missing: the audit chain cannot be extended';
  end if;
  new.seq := head.seq + 1;
  new.prev_hash := head.row_hash;
  new.row_hash := encode(sha256(convert_to(new.prev_hash || platform_audit_canonical(
    new.seq, new.id, new.at, new.actor_id, new.actor_label, new.tenant_id, new.action,
    new.target_type, new.target_id, new.ip, new.details), 'UTF8')), 'hex');
  update platform_audit_head set seq = new.seq, row_hash = new.row_hash where id;
  return new;
end $$;

create trigger platform_audit_append before insert on platform_audit
  for each row execute function platform_audit_append();

-- Append-only, even for the table's owner (who bypasses grants): only a superuser or the owner
-- disabling the trigger on purpose can change a row, and the chain then shows it.
create function platform_audit_refuse_change() returns trigger
  language plpgsql
  as $$
begin
  raise exception 'the audit trail is append-only: % on % is refused', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end $$;

create trigger platform_audit_no_update before update or delete on platform_audit
  for each row execute function platform_audit_refuse_change();
create trigger platform_audit_no_truncate before truncate on platform_audit
  for each statement execute function platform_audit_refuse_change();

-- The head changes only from inside platform_audit_append (trigger depth 2).
create function platform_audit_head_guard() returns trigger
  language plpgsql
  as $$
begin
  if pg_trigger_depth() < 2 then
    raise exception 'platform_audit_head changes only when an audit row is appended'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;

create trigger platform_audit_head_guard before update or delete on platform_audit_head
  for each row execute function platform_audit_head_guard();
create trigger platform_audit_head_no_truncate before truncate on platform_audit_head
  for each statement execute function platform_audit_refuse_change();
