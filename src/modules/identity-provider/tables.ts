import type { ColumnType, Selectable } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/tables';

/** `none`: a public client (mobile or desktop application, RFC 8252), which has no secret. */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

export interface IdpClientsTable {
  id: string;
  tenant_id: string;
  name: string;
  /** Null for a public client (auth_method `none`). */
  secret_hash: string | null;
  redirect_uris: string[];
  post_logout_redirect_uris: ColumnType<string[], string[] | undefined, string[]>;
  scopes: string[];
  auth_method: ColumnType<ClientAuthMethod, ClientAuthMethod | undefined, ClientAuthMethod>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface IdpPayloadsTable {
  model: string;
  id: string;
  payload: Json<Record<string, unknown>>;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  expires_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  consumed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface IdpConsentsTable {
  account_id: string;
  client_id: string;
  grant_id: string;
  scopes: string[];
  granted_at: Timestamp;
}

export interface IdpKeysTable {
  kid: string;
  alg: string;
  private_jwk: Json<Record<string, unknown>>;
  created_at: Timestamp;
  retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type IdpTables = {
  idp_clients: IdpClientsTable;
  idp_payloads: IdpPayloadsTable;
  idp_consents: IdpConsentsTable;
  idp_keys: IdpKeysTable;
};

export type IdpClient = Selectable<IdpClientsTable>;
