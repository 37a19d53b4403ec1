import type { ColumnType } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/tables';

export interface FranceConnectLinksTable {
  account_id: string;
  sub: string;
  linked_at: Timestamp;
  last_seen_at: Timestamp;
}

export type FlowIntent = 'sign_in' | 'link';

export interface FranceConnectFlowsTable {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  intent: FlowIntent;
  account_id: string | null;
  next_path: string;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface FranceConnectStandinKeysTable {
  kid: string;
  jwk: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface FranceConnectStandinStoreTable {
  model: string;
  id: string;
  payload: Json<Record<string, unknown>>;
  grant_id: string | null;
  uid: string | null;
  expires_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export type FranceConnectTables = {
  franceconnect_standin_store: FranceConnectStandinStoreTable;
  franceconnect_links: FranceConnectLinksTable;
  franceconnect_flows: FranceConnectFlowsTable;
  franceconnect_standin_keys: FranceConnectStandinKeysTable;
};
