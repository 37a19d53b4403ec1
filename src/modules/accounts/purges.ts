import { DAY, deleteBefore, HOUR, type Purge } from '../../platform/housekeeping/purges';
import { inactiveAccountsPurge } from './inactive';

export const accountsPurges: Purge[] = [
  { id: 'accounts.mail-links', what: 'liens envoyés par courriel, 7 jours après leur expiration', run: (db, now) => deleteBefore(db, 'account_tokens', 'expires_at', new Date(now.getTime() - 7 * DAY)) },
  inactiveAccountsPurge,
  { id: 'accounts.sso-codes', what: 'codes de passage entre les sites, 1 heure après leur expiration', run: (db, now) => deleteBefore(db, 'account_sso_codes', 'expires_at', new Date(now.getTime() - HOUR)) },
];
