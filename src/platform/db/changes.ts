import {
  DeleteQueryNode,
  InsertQueryNode,
  TableNode,
  UpdateQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import pg from 'pg';

/**
 * Which tables changed, told to every instance: caches of what is read from them (public pages,
 * parsed aid definitions) compare versions instead of expiring after a guess.
 *
 * - Every instance: a statement-level trigger on each watched table runs
 *   `pg_notify('guichet_changes', <table>)` (platform_notify_change(), migration 0150); PostgreSQL
 *   delivers it after the commit to every session that listens — on the `pg` engine a dedicated
 *   client per instance (reconnected when lost), on PGlite its own listen/notify.
 * - This instance, at once: writes made through Kysely (insert, update, delete on a table) are
 *   seen by `ChangeWatcher` as soon as the statement has run, before the notification arrives.
 * While the listening client is disconnected the feed is not `live`: a cache must then read the
 * database every time (notifications of other instances may be missed); every reconnection
 * starts a new epoch, so nothing cached before it is used again.
 */
export const CHANGES_CHANNEL = 'guichet_changes';

export class ChangeFeed {
  private readonly counters = new Map<string, number>();
  private readonly keyListeners = new Map<string, Set<(key: string) => void>>();
  /** Keyed notifications received lately (payload → time), for writers waiting for theirs. */
  private readonly recent = new Map<string, number>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private epoch = 0;
  live: boolean;

  constructor(live = true) {
    this.live = live;
  }

  /** A value that differs as soon as any of these tables changed (or notifications were lost). */
  version(tables: readonly string[]): string {
    let v = `${this.epoch}`;
    for (const t of tables) v += `.${this.counters.get(t) ?? 0}`;
    return v;
  }

  /**
   * A notification's payload: `<table>` (a statement-level trigger: anything in the table may
   * have changed) or `<table>:<key>` (a row-level trigger naming what changed, e.g. one session
   * or one account's applications: only the caches of that key forget it).
   */
  changed(payload: string): void {
    const colon = payload.indexOf(':');
    if (colon < 0) {
      this.counters.set(payload, (this.counters.get(payload) ?? 0) + 1);
      return;
    }
    const table = payload.slice(0, colon);
    const key = payload.slice(colon + 1);
    for (const listener of this.keyListeners.get(table) ?? []) listener(key);
    this.recent.delete(payload);
    this.recent.set(payload, Date.now());
    if (this.recent.size > 4096) this.recent.delete(this.recent.keys().next().value!);
    const waiting = this.waiters.get(payload);
    if (waiting) {
      this.waiters.delete(payload);
      for (const resolve of waiting) resolve();
    }
  }

  /** Calls `listener` with the key of every keyed notification of this table. */
  onKey(table: string, listener: (key: string) => void): () => void {
    let listeners = this.keyListeners.get(table);
    if (!listeners) this.keyListeners.set(table, (listeners = new Set()));
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /**
   * Waits until this instance received the keyed notifications of a write it committed (at most
   * `timeoutMs`): every instance is sent them at the same moment, so a writer that waits for its
   * own (e.g. a sign-out) answers only once the others are told too. `since`: when the write
   * started (a notification received before it is not this write's). Does not wait while the
   * feed is not live (no cache is used then).
   */
  async received(table: string, keys: readonly string[], since: number, timeoutMs = 2000): Promise<void> {
    if (!this.live) return;
    const registered: Array<[string, () => void]> = [];
    const pending = keys
      .map((key) => `${table}:${key}`)
      .filter((payload) => (this.recent.get(payload) ?? -1) < since)
      .map(
        (payload) =>
          new Promise<void>((resolve) => {
            let waiting = this.waiters.get(payload);
            if (!waiting) this.waiters.set(payload, (waiting = new Set()));
            waiting.add(resolve);
            registered.push([payload, resolve]);
          }),
      );
    if (pending.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(pending), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    for (const [payload, resolve] of registered) {
      const waiting = this.waiters.get(payload);
      waiting?.delete(resolve);
      if (waiting?.size === 0) this.waiters.delete(payload);
    }
  }

  /** The listening connection is lost (live = false) or back (live = true): a new epoch either way. */
  setLive(live: boolean): void {
    this.live = live;
    this.epoch++;
  }
}

const feeds = new WeakMap<object, ChangeFeed>();

/** The feed of a database handle (the root Kysely of `openDatabase`); undefined for any other. */
export function changeFeedOf(db: object): ChangeFeed | undefined {
  return feeds.get(db);
}

export function registerChangeFeed(db: object, feed: ChangeFeed): void {
  feeds.set(db, feed);
}

/** The table a write statement targets, or undefined (reads, raw SQL). */
function writtenTable(node: RootOperationNode): string | undefined {
  const nameOf = (n: OperationNode | undefined): string | undefined => (n && TableNode.is(n) ? n.table.identifier.name : undefined);
  if (InsertQueryNode.is(node)) return nameOf(node.into);
  if (UpdateQueryNode.is(node)) return nameOf(node.table);
  if (DeleteQueryNode.is(node)) return nameOf(node.from.froms[0]);
  return undefined;
}

/** Moves the feed's versions after each write made through Kysely (this instance sees it at once). */
export class ChangeWatcher implements KyselyPlugin {
  private readonly pending = new WeakMap<object, string>();

  constructor(private readonly feed: ChangeFeed) {}

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const table = writtenTable(node);
    if (table) this.pending.set(queryId, table);
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const table = this.pending.get(queryId);
    if (table) this.feed.changed(table);
    return result;
  }
}

/**
 * Listens on PostgreSQL with one dedicated client (outside the pool: a pooled connection is
 * shared and released). Lost connections are retried every `retryMs`; returns the way to stop.
 */
export function listenOnPostgres(connectionString: string, feed: ChangeFeed, retryMs = 1000): { ready: Promise<void>; stop: () => Promise<void> } {
  let stopped = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    timer.unref();
  };
  const connect = async () => {
    const current = new pg.Client({ connectionString });
    client = current;
    const lost = () => {
      if (client !== current) return;
      client = undefined;
      if (feed.live) feed.setLive(false);
      void current.end().catch(() => undefined);
      retry();
    };
    current.on('error', lost);
    current.on('end', lost);
    current.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && message.payload) feed.changed(message.payload);
    });
    try {
      await current.connect();
      await current.query(`listen ${CHANGES_CHANNEL}`);
      if (!stopped) feed.setLive(true);
    } catch {
      lost();
    }
  };
  feed.live = false;
  const ready = connect();
  return {
    ready,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await ready;
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
