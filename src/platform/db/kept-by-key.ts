import { changeFeedOf, type ChangeFeed } from './changes';

/**
 * What one table holds for one key (a session by its token's hash, a person's applications or
 * profile by their account), kept in memory and forgotten as soon as it changes on any instance:
 * the table's row-level trigger notifies `<table>:<key>` after each commit (platform/db/changes.ts),
 * and every instance drops that key. Nothing is kept while the change feed is not live, and every
 * reconnection of the feed starts afresh (notifications may have been missed meanwhile).
 *
 * `localWrites`: also forget everything when this instance writes the table through Kysely (seen
 * before the commit's notification arrives, so the writer's next page is right at once). Off for
 * sessions, whose store forgets the keys it deletes itself (a sign-in elsewhere must not empty
 * the cache).
 *
 * A read under way when its key is notified is dropped with the key (it may predate the commit).
 * Concurrent asks for a missing key share one read. Callers must not change what they get.
 */
export class KeptByKey<T> {
  private readonly feed: ChangeFeed | undefined;
  private entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(
    db: object,
    private readonly table: string,
    private readonly options: { localWrites: boolean; maxEntries?: number; keep?: (value: T) => boolean },
  ) {
    this.feed = changeFeedOf(db);
    this.feed?.onKey(table, (key) => {
      if (key === '*') this.entries = new Map();
      else this.entries.delete(key);
    });
  }

  /** The kept value of `key`, or `read()`'s (kept when nothing changed meanwhile). */
  get(key: string, read: () => Promise<T>): Promise<T> {
    const feed = this.feed;
    if (!feed?.live) return read();
    const version = feed.version(this.options.localWrites ? [this.table] : []);
    const kept = this.entries.get(key);
    if (kept && kept.version === version) return kept.value;
    const value = read();
    const entry = { version, value };
    if (this.entries.size >= (this.options.maxEntries ?? 10_000)) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    const drop = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    const keep = this.options.keep;
    value.then((v) => {
      if (keep && !keep(v)) drop();
    }, drop);
    return value;
  }

  /** Forgets one key on this instance at once (the notification will do it on the others). */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every kept key whose value passes `test` (only values already read). */
  async forgetWhere(test: (value: T) => boolean): Promise<void> {
    for (const [key, entry] of [...this.entries]) {
      const value = await entry.value.catch(() => undefined);
      if (value !== undefined && test(value) && this.entries.get(key) === entry) this.entries.delete(key);
    }
  }
}
