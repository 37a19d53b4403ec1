-- Mails caught by the demo SMTP catcher (only when SMTP_URL is empty outside production).
create table platform_demo_mails (
  id bigserial primary key,
  received_at timestamptz not null default now(),
  recipients text not null,
  subject text not null,
  body text not null
);
create index platform_demo_mails_received on platform_demo_mails (received_at desc);
