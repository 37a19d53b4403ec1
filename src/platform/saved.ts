import type { Kysely } from 'kysely';
import type { PlatformTables } from './db/tables';
import { formatDate, formatDateTime } from './views/format';

/**
 * Things a person can save (« Mes favoris ») and a counsellor can put in a selection (issue 15
 * d.9, d.10): jobs, help places, and — when their modules join — trainings and events. Each
 * module that owns such things declares a `SavedKind` in its GuichetModule (`savedKinds`); the
 * members module stores only (kind, key) pairs and asks the kind for the rest when it shows them.
 */
export interface SavedItem {
  /** What the thing is called (« Boulanger / Boulangère »). */
  title: string;
  /** Its page on Guichet, a path starting with « / » (« /orientation/metiers/D1102 »). */
  url: string;
  /** One short line under the title (« Fiche ROME D1102 », « France Services · Brest »). */
  detail?: string;
  /**
   * When it happens (an event, a training session): drives the reminder mailed two days before
   * to the people who saved it, and is shown in lists. Things without a date have none.
   */
  date?: Date;
  /** The date is a day without an hour (a training session starts on a day): shown as « 4 mars 2027 ». */
  dateOnly?: boolean;
  /** Where it happens, in plain words (« Parc des expositions, Brest »). */
  place?: string;
}

export interface SavedKind {
  /** Stable identifier, lower case (« metier », « lieu », « formation », « evenement »): stored in rows. */
  id: string;
  /** French label of one thing and of a list (« Métier » / « Métiers »). */
  label: string;
  plural: string;
  /** Whether `key` has the shape of a key of this kind, before any query (junk is refused). */
  isKey(key: string): boolean;
  /**
   * The things that exist (and are public) among `keys`, by key: a missing key is gone,
   * unpublished or never existed. Called with at most 200 keys at once; one query, please.
   * `now` (default: the clock): a thing that happens more than once (a training's sessions) is
   * dated by its next occurrence from then on — the reminder job passes the time of its sweep.
   */
  resolve(db: Kysely<PlatformTables>, keys: readonly string[], now?: Date): Promise<Map<string, SavedItem>>;
  /**
   * The tables `resolve` reads: a page showing saved things (« Mes favoris ») is kept until one of
   * them changes (their change notifications, platform/db/changes.ts).
   */
  tables: readonly string[];
  /**
   * Whether this kind's things have dates (events): only then does the reminder job resolve the
   * saved ones to look for those happening within two days.
   */
  dated?: boolean;
  /**
   * The key named by one of this kind's addresses, so that a counsellor can paste a page's address
   * into a selection (« /orientation/metiers/D1102 » → « D1102 »); undefined if it is not one.
   */
  keyFromPath?(path: string): string | undefined;
}

/** « 4 mars 2027 à 09:30 », or « 4 mars 2027 » for a day without an hour. */
export function savedDateLabel(item: SavedItem): string {
  if (!item.date) return '';
  return item.dateOnly ? formatDate(item.date) : formatDateTime(item.date);
}

/** The registered kinds, by id (app.ts fills it from every module's `savedKinds`). */
export type SavedKinds = ReadonlyMap<string, SavedKind>;

export function registerSavedKinds(kinds: readonly SavedKind[]): Map<string, SavedKind> {
  const byId = new Map<string, SavedKind>();
  for (const kind of kinds) {
    if (!/^[a-z][a-z0-9-]{0,30}$/.test(kind.id)) throw new Error(`saved kind ${kind.id}: not a valid id`);
    if (byId.has(kind.id)) throw new Error(`saved kind ${kind.id} declared twice`);
    byId.set(kind.id, kind);
  }
  return byId;
}

/** Resolves (kind, key) pairs of any kinds, 200 keys per call; unknown kinds resolve to nothing. */
export async function resolveSaved(db: Kysely<PlatformTables>, kinds: SavedKinds, pairs: ReadonlyArray<{ kind: string; key: string }>): Promise<Map<string, SavedItem>> {
  const found = new Map<string, SavedItem>();
  const byKind = new Map<string, Set<string>>();
  for (const { kind, key } of pairs) {
    if (!kinds.has(kind)) continue;
    let keys = byKind.get(kind);
    if (!keys) byKind.set(kind, (keys = new Set()));
    keys.add(key);
  }
  for (const [kindId, keySet] of byKind) {
    const kind = kinds.get(kindId)!;
    const keys = [...keySet].filter((k) => kind.isKey(k));
    for (let i = 0; i < keys.length; i += 200) {
      for (const [key, item] of await kind.resolve(db, keys.slice(i, i + 200))) found.set(savedId(kindId, key), item);
    }
  }
  return found;
}

/** The map key of a (kind, key) pair in `resolveSaved`'s answer. */
export function savedId(kind: string, key: string): string {
  return `${kind}\u0000${key}`;
}

/**
 * The members module's port (filled when it registers): which of these keys the account saved.
 * Pages of other modules use it, through `saveControl`, to show « Enregistré » instead of the button.
 */
export interface FavouritesPort {
  savedKeys(accountId: string, kind: string, keys: readonly string[]): Promise<Set<string>>;
}

/** Where the « Enregistrer » form posts (the members module serves it). */
export const SAVE_ACTION = '/mon-compte/favoris';
export const FAVOURITES_PAGE = '/mon-compte/favoris';
