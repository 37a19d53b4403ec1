-- Least privilege on the audit trail (docs/audit.md). The application may only INSERT and
-- SELECT audit rows: every right to change or empty them is taken back from every role that
-- holds one (PUBLIC, an application role given "all tables", the owner itself). The owner and
-- superusers bypass grants anyway: the triggers of 0130 are what stops them, and the chain is what
-- shows a change made by someone who disabled the triggers. On PGlite there is one superuser and
-- these grants change nothing.
--
-- The head of the chain is written only by platform_audit_append (SECURITY DEFINER, run as the
-- owner): the owner keeps its rights there, everyone else loses them.
revoke update, delete, truncate on platform_audit from public;
revoke all on platform_audit_head from public;

do $$
declare
  r record;
begin
  for r in
    select distinct c.relname as tbl, c.relowner as owner, a.grantee
      from pg_class c, aclexplode(c.relacl) a
     where c.oid in ('platform_audit'::regclass, 'platform_audit_head'::regclass)
       and a.privilege_type in ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
       and a.grantee <> 0
  loop
    if r.tbl = 'platform_audit' then
      execute format('revoke update, delete, truncate on platform_audit from %I', pg_get_userbyid(r.grantee));
    elsif r.grantee <> r.owner then
      execute format('revoke all on platform_audit_head from %I', pg_get_userbyid(r.grantee));
    end if;
  end loop;
end $$;
