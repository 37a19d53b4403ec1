import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { ClientAuthMethod, IdpClient, IdpTables } from './tables';

type Db = Kysely<PlatformTables & IdpTables>;

/**
 * The scopes an application may ask for, in the order the consent screen lists them. The first
 * five release OpenID claims; `profil:lecture` and `demarches:lecture` open the person's API
 * (/api/v1/moi…); `offline_access` lets a public client get a refresh token.
 */
export const SCOPES = ['openid', 'profile', 'email', 'address', 'identite_pivot', 'profil:lecture', 'demarches:lecture', 'offline_access'] as const;
export type Scope = (typeof SCOPES)[number];

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function findClient(db: Db, id: string): Promise<IdpClient | undefined> {
  return db.selectFrom('idp_clients').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One tenant's applications only. */
export function listClients(db: Db, tenantId: string): Promise<IdpClient[]> {
  return db.selectFrom('idp_clients').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'asc').execute();
}

export function findTenantClient(db: Db, tenantId: string, id: string): Promise<IdpClient | undefined> {
  return db.selectFrom('idp_clients').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/**
 * The client as oidc-provider reads it. `client_secret` holds the hash: the provider compares
 * it through compareClientSecret, which provider.ts replaces with a hash comparison; no
 * symmetric algorithm (HS256…) is enabled, so the value is used for nothing else.
 */
export function clientMetadata(client: IdpClient): Record<string, unknown> {
  const isPublic = client.auth_method === 'none';
  return {
    client_id: client.id,
    // A public client is a "native" application (RFC 8252): custom schemes and loopback
    // addresses (any port) are allowed as redirect URIs, claimed https ones too.
    ...(isPublic ? { application_type: 'native' } : { client_secret: client.secret_hash, application_type: 'web' }),
    client_name: client.name,
    redirect_uris: client.redirect_uris,
    post_logout_redirect_uris: client.post_logout_redirect_uris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: client.auth_method,
    scope: client.scopes.join(' '),
    tenant_id: client.tenant_id,
  };
}

export interface NewClient {
  tenantId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: Scope[];
  authMethod: ClientAuthMethod;
  createdBy: string | null;
}

/**
 * Creates an application and returns it with its secret, which is never readable again (a
 * public client has none: `secret` is undefined).
 */
export async function createClient(db: Db, input: NewClient): Promise<{ client: IdpClient; secret: string | undefined }> {
  const secret = input.authMethod === 'none' ? undefined : newSecret();
  const client = await db
    .insertInto('idp_clients')
    .values({
      id: `${input.tenantId}-${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').toLowerCase()}`,
      tenant_id: input.tenantId,
      name: input.name,
      secret_hash: secret === undefined ? null : hashSecret(secret),
      redirect_uris: input.redirectUris,
      post_logout_redirect_uris: input.postLogoutRedirectUris,
      scopes: input.scopes,
      auth_method: input.authMethod,
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { client, secret };
}

export async function updateClient(
  db: Db,
  tenantId: string,
  id: string,
  input: Pick<NewClient, 'name' | 'redirectUris' | 'postLogoutRedirectUris' | 'scopes' | 'authMethod'>,
): Promise<boolean> {
  const result = await db
    .updateTable('idp_clients')
    .set({
      name: input.name,
      redirect_uris: input.redirectUris,
      post_logout_redirect_uris: input.postLogoutRedirectUris,
      scopes: input.scopes,
      auth_method: input.authMethod,
      updated_at: new Date(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A confidential client's new secret (a public client has none: undefined). */
export async function regenerateSecret(db: Db, tenantId: string, id: string): Promise<string | undefined> {
  const secret = newSecret();
  const result = await db
    .updateTable('idp_clients')
    .set({ secret_hash: hashSecret(secret), updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('auth_method', '!=', 'none')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? secret : undefined;
}

export async function setDisabled(db: Db, tenantId: string, id: string, disabled: boolean): Promise<boolean> {
  const result = await db
    .updateTable('idp_clients')
    .set({ disabled_at: disabled ? new Date() : null, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
