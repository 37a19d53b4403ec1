import type { IdpDb } from './adapter';
import { destroyGrant } from './adapter';

export function findConsent(db: IdpDb, accountId: string, clientId: string) {
  return db.selectFrom('idp_consents').selectAll().where('account_id', '=', accountId).where('client_id', '=', clientId).executeTakeFirst();
}

/** Records (or widens) the person's consent to an application, with the grant that carries it. */
export async function saveConsent(db: IdpDb, accountId: string, clientId: string, grantId: string, scopes: string[]): Promise<void> {
  const row = { grant_id: grantId, scopes, granted_at: new Date() };
  await db
    .insertInto('idp_consents')
    .values({ account_id: accountId, client_id: clientId, ...row })
    .onConflict((oc) => oc.columns(['account_id', 'client_id']).doUpdateSet(row))
    .execute();
}

export interface ConsentView {
  clientId: string;
  clientName: string;
  tenantId: string;
  tenantName: string;
  scopes: string[];
  grantedAt: Date;
  disabled: boolean;
}

/** The applications a person allowed, with the authority that registered each. */
export async function listConsents(db: IdpDb, accountId: string): Promise<ConsentView[]> {
  const rows = await db
    .selectFrom('idp_consents as c')
    .innerJoin('idp_clients as a', 'a.id', 'c.client_id')
    .innerJoin('platform_tenants as t', 't.id', 'a.tenant_id')
    .select(['c.client_id', 'a.name as client_name', 'a.disabled_at', 't.id as tenant_id', 't.name as tenant_name', 'c.scopes', 'c.granted_at'])
    .where('c.account_id', '=', accountId)
    .orderBy('c.granted_at', 'desc')
    .execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    clientName: r.client_name,
    tenantId: r.tenant_id,
    tenantName: r.tenant_name,
    scopes: r.scopes,
    grantedAt: new Date(r.granted_at),
    disabled: r.disabled_at !== null,
  }));
}

/**
 * Withdraws a consent: the grant and every code, access and refresh token issued under it are
 * deleted at once, so the application can no longer read anything, and the next sign-in asks
 * again. Returns false when there was no such consent.
 */
export async function revokeConsent(db: IdpDb, accountId: string, clientId: string): Promise<boolean> {
  const consent = await findConsent(db, accountId, clientId);
  if (!consent) return false;
  await db.deleteFrom('idp_consents').where('account_id', '=', accountId).where('client_id', '=', clientId).execute();
  await destroyGrant(db, consent.grant_id);
  return true;
}
