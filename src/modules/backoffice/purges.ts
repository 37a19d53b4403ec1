import { DAY, deleteBefore, type Purge } from '../../platform/housekeeping/purges';

export const backofficePurges: Purge[] = [
  { id: 'backoffice.invitations', what: 'invitations d’agents sans réponse, 30 jours après leur expiration', run: (db, now) => deleteBefore(db, 'backoffice_invitations', 'expires_at', new Date(now.getTime() - 30 * DAY)) },
];
