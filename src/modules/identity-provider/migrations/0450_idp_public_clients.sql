-- Public clients (mobile and desktop applications, RFC 8252): no secret, PKCE S256 only
-- (the provider requires it of every client). token_endpoint_auth_method 'none'.
alter table idp_clients alter column secret_hash drop not null;
alter table idp_clients drop constraint idp_clients_auth_method_check;
alter table idp_clients add constraint idp_clients_auth_method_check
  check (auth_method in ('client_secret_basic', 'client_secret_post', 'none'));
-- A public client has no secret, a confidential one always has one.
alter table idp_clients add constraint idp_clients_secret_if_confidential
  check ((auth_method = 'none') = (secret_hash is null));
