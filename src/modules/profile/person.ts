/** A path of this site to go to after signing in: anything else becomes /mon-compte. */
export function safeNext(next: unknown, fallback = '/mon-compte'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.length > 500) return fallback;
  return next;
}
