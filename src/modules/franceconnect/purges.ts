import { sql } from 'kysely';
import { deleteBefore, type Purge } from '../../platform/housekeeping/purges';

export const franceConnectPurges: Purge[] = [
  { id: 'franceconnect.flows', what: 'connexions FranceConnect commencées et expirées', run: (db, now) => deleteBefore(db, 'franceconnect_flows', 'expires_at', now) },
  { id: 'franceconnect.standin', what: 'données expirées de la démonstration de FranceConnect', run: (db, now) => deleteBefore(db, 'franceconnect_standin_store', 'expires_at', now, sql`and expires_at is not null`) },
];
