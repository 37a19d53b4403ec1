/**
 * Search outcomes kept in memory, shared by the page and the API: the same words, facets,
 * commune, tenant and page give the same outcome until the index (or the tenants' directory, or
 * the application forms that decide « Déposer une demande ») changes on any instance. Correct
 * behind a load balancer: an entry is used only while the change feed is live and the versions
 * of these tables are those it was built under (platform/db/changes.ts, the triggers of
 * migrations 0150 and 0181). Concurrent requests for the same missing entry share one search.
 */
import { changeFeedOf, type ChangeFeed } from '../../platform/db/changes';

const READS = ['search_documents', 'search_words', 'search_synonyms', 'application_forms'] as const;

interface Entry<T> {
  version: string;
  at: number;
  value: Promise<T>;
}

export class SearchCache<T> {
  private byDirectory = new WeakMap<object, Map<string, Entry<T>>>();
  private readonly feed: ChangeFeed | undefined;

  constructor(
    db: object,
    private readonly options: { maxEntries?: number; maxAgeMs?: number } = {},
  ) {
    this.feed = changeFeedOf(db);
  }

  /** `directory`: the tenants' directory object (replaced when a tenant changes): names are in the results. */
  get(directory: object, key: string, compute: () => Promise<T>): Promise<T> {
    const feed = this.feed;
    if (!feed?.live) return compute();
    let entries = this.byDirectory.get(directory);
    if (!entries) this.byDirectory.set(directory, (entries = new Map()));
    const version = feed.version(READS);
    const kept = entries.get(key);
    if (kept && kept.version === version && Date.now() - kept.at <= (this.options.maxAgeMs ?? 300_000)) {
      // Most recently used last: the first key is the one to forget.
      entries.delete(key);
      entries.set(key, kept);
      return kept.value;
    }
    const value = compute();
    const entry = { version, at: Date.now(), value };
    if (entries.size >= (this.options.maxEntries ?? 2000)) entries.delete(entries.keys().next().value!);
    entries.set(key, entry);
    const map = entries;
    value.catch(() => {
      if (map.get(key) === entry) map.delete(key);
    });
    return value;
  }
}
