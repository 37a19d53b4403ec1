import { sql } from 'kysely';
import { deleteBefore, type Purge } from '../../platform/housekeeping/purges';

export const identityProviderPurges: Purge[] = [
  { id: 'identity-provider.payloads', what: 'codes et jetons de connexion expirés', run: (db, now) => deleteBefore(db, 'idp_payloads', 'expires_at', now, sql`and expires_at is not null`) },
];
