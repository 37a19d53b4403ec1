-- One-time sign-in links sent by mail (issue 12): 15 minutes, single use, only their SHA-256 kept.
alter table account_tokens drop constraint account_tokens_purpose_check;
alter table account_tokens add constraint account_tokens_purpose_check check (purpose in ('confirm', 'reset', 'email_change', 'sign_in'));
