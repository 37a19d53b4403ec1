-- The audit trail's rows older than one year are deleted (issue 14; docs/audit.md, « Effacer les
-- lignes de plus d'un an »), and the chain stays verifiable: before deleting the oldest rows, the
-- purge writes an anchor — the place and hash of the last row it deletes, its date, how many rows
-- went — and `npm run audit:verify` starts the chain from the latest anchor.
--
-- Least privilege: only the tables' owner (or a superuser) may purge. The application's role
-- has no right to delete audit rows (0131), no right to write an anchor, and may not call the
-- purge function. The owner itself holds no DELETE right at rest either: the function grants it
-- to the owner for its own transaction and takes it back before it ends.

create table platform_audit_anchors (
  id bigint generated always as identity primary key,
  purged_at timestamptz not null default now(),
  -- The rows written before this moment were the ones the purge was allowed to delete.
  cutoff timestamptz not null,
  -- The last row deleted: its place, its hash (the next row's prev_hash), its date.
  last_seq bigint not null,
  last_hash text not null,
  last_at timestamptz not null,
  deleted bigint not null check (deleted > 0),
  -- The purging transaction: the delete trigger lets through only rows this transaction anchored.
  txid bigint not null default txid_current()
);
create unique index platform_audit_anchors_seq on platform_audit_anchors (last_seq);

-- Anchors are append-only too.
create trigger platform_audit_anchors_no_update before update or delete on platform_audit_anchors
  for each row execute function platform_audit_refuse_change();
create trigger platform_audit_anchors_no_truncate before truncate on platform_audit_anchors
  for each statement execute function platform_audit_refuse_change();

revoke insert, update, delete, truncate on platform_audit_anchors from public;
do $$
declare
  r record;
begin
  for r in
    select distinct a.grantee
      from pg_class c, aclexplode(c.relacl) a
     where c.oid = 'platform_audit_anchors'::regclass
       and a.privilege_type in ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
       and a.grantee <> 0 and a.grantee <> c.relowner
  loop
    execute format('revoke insert, update, delete, truncate on platform_audit_anchors from %I', pg_get_userbyid(r.grantee));
  end loop;
end $$;

-- Rows stay unchangeable; a row may be deleted only when it is more than one year old and an
-- anchor written by the same transaction covers it (that is, by platform_audit_purge).
create function platform_audit_guard_row() returns trigger
  language plpgsql
  as $$
begin
  if tg_op = 'DELETE'
     and old.at < now() - interval '1 year'
     and exists (select 1 from platform_audit_anchors a where a.txid = txid_current() and a.last_seq >= old.seq) then
    return old;
  end if;
  raise exception 'the audit trail is append-only: % on % is refused', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end $$;

drop trigger platform_audit_no_update on platform_audit;
create trigger platform_audit_no_update before update or delete on platform_audit
  for each row execute function platform_audit_guard_row();

-- Deletes the oldest rows written before p_before (at most: one year ago), as one block from the
-- start of the chain: it stops at the first row written since, so that the chain left has no
-- gap (a row's date and place almost always agree; a long transaction may write a row dated a
-- little before the one ahead of it). Returns how many rows went; writes an anchor when any did.
create function platform_audit_purge(p_before timestamptz default now() - interval '1 year') returns bigint
  language plpgsql
  set search_path = pg_catalog, public
  as $$
declare
  first_kept bigint;
  tail_row record;
  n bigint;
begin
  if p_before > now() - interval '1 year' then
    raise exception 'audit rows are kept one year: % is too recent', p_before;
  end if;
  select min(seq) into first_kept from platform_audit where at >= p_before;
  select seq, row_hash, at into tail_row from platform_audit
   where at < p_before and (first_kept is null or seq < first_kept)
   order by seq desc limit 1;
  if not found then
    return 0;
  end if;
  select count(*) into n from platform_audit where seq <= tail_row.seq;
  insert into platform_audit_anchors (cutoff, last_seq, last_hash, last_at, deleted)
    values (p_before, tail_row.seq, tail_row.row_hash, tail_row.at, n);
  execute format('grant delete on platform_audit to %I', current_user);
  delete from platform_audit where seq <= tail_row.seq;
  execute format('revoke delete on platform_audit from %I', current_user);
  return n;
end $$;

revoke execute on function platform_audit_purge(timestamptz) from public;
