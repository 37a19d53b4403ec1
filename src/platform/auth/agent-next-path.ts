import { DEMO_MAILBOX_PATH } from '../mail/demo-mailbox';

/**
 * Where an agent's sign-in (password, then second factor) goes back to: a page of the back office,
 * or the demo mailbox that sent them to sign in. Never another site (an open redirect), never a
 * person's page.
 */
export function safeAgentPath(next: unknown): string {
  if (typeof next !== 'string' || next.startsWith('//') || next.includes('\\')) return '/admin';
  if (next === '/admin' || next.startsWith('/admin/') || next.startsWith('/admin?')) return next;
  if (next === DEMO_MAILBOX_PATH || next.startsWith(`${DEMO_MAILBOX_PATH}?`)) return next;
  return '/admin';
}
