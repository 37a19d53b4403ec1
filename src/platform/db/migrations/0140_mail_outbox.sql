-- Mails waiting to be sent (issue 12): a request writes its mail here, in its own transaction,
-- and answers at once; a worker in every instance sends them (FOR UPDATE SKIP LOCKED, so two
-- instances never send the same row), retries with growing delays, and survives restarts.
create table platform_mail_outbox (
  id bigserial primary key,
  -- 'mail' (payload: to, subject, text) or a kind a module composes when it is sent
  -- (e.g. 'accounts.reset', payload: the address asked for).
  kind text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  -- When the worker may take the row: now for a new row; later after a failure; a claimed row
  -- is pushed a few minutes ahead, so that an instance that died while sending gives it back.
  next_attempt_at timestamptz not null default now(),
  attempts integer not null default 0,
  last_error text,
  -- Given up after too many attempts: the payload is cut down to its recipient and subject.
  failed_at timestamptz
);
create index platform_mail_outbox_due on platform_mail_outbox (next_attempt_at) where failed_at is null;
