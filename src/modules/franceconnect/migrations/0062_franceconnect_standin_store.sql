-- What the demonstration stand-in (oidc-provider) keeps between requests: sessions,
-- interactions, grants, codes, tokens. In the database so that a restart keeps them.
create table franceconnect_standin_store (
  model text not null,
  id text not null,
  payload jsonb not null,
  grant_id text,
  uid text,
  expires_at timestamptz,
  primary key (model, id)
);
create index franceconnect_standin_store_grant on franceconnect_standin_store (grant_id);
create index franceconnect_standin_store_uid on franceconnect_standin_store (uid);
