/**
 * Import of OpenAgenda's JSON export (the `events` of `…/events.v2.json`, or the array itself).
 * Like the aids' import: step 1, the dry run, reads and checks every event, compares it with what
 * exists and stores the report (`agenda_imports`); step 2 applies the stored events all or nothing,
 * in one transaction, and only when no line has an error. Idempotent: an event keeps the id
 * `oa-<tenant>-<uid>`, an unchanged one is not written again, so the same file twice changes nothing.
 *
 * Fields read (OpenAgenda v2): uid, title, description, longDescription (texts as {fr: …} or plain),
 * keywords ({fr: […]}), timings [{begin, end}] (ISO 8601 with offset; the first begin and the last end
 * make the event's span), location {name, address, city, postalCode, insee, latitude, longitude},
 * registration [{type: 'link'|'email'|'phone', value}], status (6: cancelled, skipped), age {min, max}.
 */
import { communeCentres } from '../territories';
import type { AgendaDb } from './store';
import { eventsByIds } from './store';
import { dryRunOf, importRuns, type DryRun as ImportDryRun } from '../../platform/imports';
import type { AgendaEvent, EventInput, ImportLine } from './tables';
import { kindFromWords } from './vocabulary';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_EVENTS = 5_000;

type Item = EventInput & { external_id: string; id: string };

const fr = (v: unknown): string => {
  if (typeof v === 'string') return v.trim();
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const first = o.fr ?? Object.values(o).find((x) => typeof x === 'string');
    return typeof first === 'string' ? first.trim() : '';
  }
  return '';
};
const words = (v: unknown): string[] => {
  const list = Array.isArray(v) ? v : v && typeof v === 'object' ? ((v as Record<string, unknown>).fr ?? []) : [];
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
};
const plain = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/[ \t]+/g, ' ').replace(/ ([.,)])/g, '$1').trim();

export type ParsedFile = { ok: true; records: Array<{ line: number; value: unknown }> } | { ok: false; error: string };

export function parseOpenAgenda(bytes: Buffer): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `Le fichier n’est pas du JSON valide : ${(e as Error).message.replace(/^Unexpected/, 'caractère inattendu')}.` };
  }
  const events = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { events?: unknown }).events) ? (data as { events: unknown[] }).events : undefined;
  if (!events) return { ok: false, error: 'Le fichier doit être l’export JSON d’OpenAgenda : un objet avec « events », ou un tableau d’événements.' };
  if (events.length > MAX_IMPORT_EVENTS) return { ok: false, error: `Le fichier contient ${events.length} événements : ${MAX_IMPORT_EVENTS} au plus par import.` };
  return { ok: true, records: events.map((value, i) => ({ line: i + 1, value })) };
}

/** One OpenAgenda event as our event, or the French reasons it cannot be. */
export function eventFromOpenAgenda(value: unknown, tenantId: string): { item: Item } | { id: string; title: string; errors: ImportLine['errors'] } {
  const errors: ImportLine['errors'] = [];
  const o = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const uid = typeof o.uid === 'number' || (typeof o.uid === 'string' && /^[\w-]{1,40}$/.test(o.uid)) ? String(o.uid) : '';
  const title = fr(o.title).slice(0, 201);
  const id = uid ? `oa-${tenantId}-${uid}` : '';
  if (!uid) errors.push({ field: 'uid', message: 'L’événement n’a pas d’identifiant OpenAgenda (« uid »).' });
  if (!title) errors.push({ field: 'titre', message: 'L’événement n’a pas de titre.' });
  else if (title.length > 200) errors.push({ field: 'titre', message: 'Le titre dépasse 200 caractères.' });
  const timings = Array.isArray(o.timings) ? o.timings : [];
  const spans = timings.flatMap((t) => {
    const b = Date.parse(String((t as { begin?: unknown })?.begin ?? ''));
    const e = Date.parse(String((t as { end?: unknown })?.end ?? ''));
    return Number.isFinite(b) && Number.isFinite(e) && e > b ? [{ b, e }] : [];
  });
  if (!spans.length || spans.length !== timings.length) errors.push({ field: 'horaires', message: 'Les horaires (« timings ») manquent ou ne sont pas des dates ISO 8601 avec un début avant la fin.' });
  const location = (o.location && typeof o.location === 'object' ? o.location : {}) as Record<string, unknown>;
  const place = String(location.name ?? '').trim().slice(0, 200);
  const city = String(location.city ?? '').trim().slice(0, 100);
  if (!place || !city) errors.push({ field: 'lieu', message: 'Le lieu (« location ») doit avoir un nom et une commune.' });
  const insee = typeof location.insee === 'string' && /^\d[\dAB]\d{3}$/.test(location.insee) ? location.insee : null;
  const lat = typeof location.latitude === 'number' ? location.latitude : null;
  const lon = typeof location.longitude === 'number' ? location.longitude : null;
  const centre = insee ? communeCentres().get(insee) : undefined;
  const keywords = words(o.keywords);
  const kind = kindFromWords(`${keywords.join(' ')} ${title}`);
  if (!kind) errors.push({ field: 'type', message: 'Le type n’a pas été reconnu : ajoutez un mot-clé « salon », « forum », « portes ouvertes », « job dating » ou « atelier ».' });
  const link = (Array.isArray(o.registration) ? o.registration : []).find((r) => (r as { type?: unknown })?.type === 'link' && typeof (r as { value?: unknown }).value === 'string') as { value: string } | undefined;
  let registration: string | null = null;
  if (link) {
    try {
      const url = new URL(link.value);
      if (['http:', 'https:'].includes(url.protocol)) registration = url.toString();
      else errors.push({ field: 'inscription', message: 'Le lien d’inscription doit commencer par https://' });
    } catch {
      errors.push({ field: 'inscription', message: 'Le lien d’inscription n’est pas une adresse web.' });
    }
  }
  if (o.status === 6) errors.push({ field: 'statut', message: 'L’événement est annulé dans OpenAgenda : retirez-le du fichier.' });
  if (errors.length || !kind) return { id, title, errors };
  const age = (o.age ?? {}) as { min?: unknown; max?: unknown };
  const audiences = typeof age.max === 'number' && age.max <= 15 ? ['collegiens'] : typeof age.min === 'number' && age.min >= 18 ? ['adultes'] : ['lyceens', 'etudiants'];
  const lower = keywords.join(' ').toLowerCase();
  const theme = /altern|apprenti/.test(lower) ? 'alternance' : /emploi|recrut/.test(lower) || kind === 'job_dating' ? 'emploi' : /formation|études|etudes|lycée|lycee/.test(lower) ? 'formations' : 'metiers';
  return {
    item: {
      id,
      external_id: uid,
      kind,
      title,
      summary: plain(fr(o.description)).slice(0, 300),
      description: plain(fr(o.longDescription)).slice(0, 5000),
      starts_at: new Date(Math.min(...spans.map((s) => s.b))).toISOString(),
      ends_at: new Date(Math.max(...spans.map((s) => s.e))).toISOString(),
      place_name: place,
      address: String(location.address ?? '').trim().slice(0, 300),
      commune_code: centre ? insee : null,
      commune_name: city,
      latitude: lat ?? centre?.lat ?? null,
      longitude: lon ?? centre?.lon ?? null,
      audiences,
      theme,
      rome_codes: keywords.map((k) => k.trim().toUpperCase()).filter((k) => /^[A-N]\d{4}$/.test(k)),
      domains: [],
      registration_url: registration,
      organiser: '',
      published: true,
    },
  };
}

const comparable = (e: EventInput) =>
  JSON.stringify([e.kind, e.title, e.summary, e.description, new Date(e.starts_at).toISOString(), new Date(e.ends_at).toISOString(), e.place_name, e.address, e.commune_code, e.commune_name, e.latitude, e.longitude, e.audiences, e.theme, e.rome_codes, e.domains, e.registration_url, e.organiser, e.published]);
export const sameEvent = (row: AgendaEvent, item: EventInput) =>
  comparable({ ...row, starts_at: row.starts_at.toISOString(), ends_at: row.ends_at.toISOString() }) === comparable(item);

export type DryRun = ImportDryRun<Item>;
const runs = importRuns<Item>('agenda_imports', 'export.json');
/** Keeps a dry run for the second step; returns its id. */
export const storeDryRun = runs.store;
export const importOf = runs.get;
export const markImportApplied = runs.markApplied;

/** Checks every event and compares it with what exists; writes nothing. */
export async function dryRun(db: AgendaDb, tenantId: string, records: Array<{ line: number; value: unknown }>): Promise<DryRun> {
  const read = records.map((r) => ({ line: r.line, ...eventFromOpenAgenda(r.value, tenantId) }));
  const existing = new Map((await eventsByIds(db, read.flatMap((r) => ('item' in r ? [r.item.id] : [])))).map((e) => [e.id, e]));
  const seen = new Map<string, number>();
  const lines: ImportLine[] = [];
  const items: Item[] = [];
  for (const r of read) {
    if (!('item' in r)) {
      lines.push({ line: r.line, id: r.id, title: r.title, action: 'error', errors: r.errors });
      continue;
    }
    const { item } = r;
    if (seen.has(item.id)) {
      lines.push({ line: r.line, id: item.id, title: item.title, action: 'error', errors: [{ field: 'uid', message: `Cet événement est déjà à la ligne ${seen.get(item.id)} du fichier.` }] });
      continue;
    }
    seen.set(item.id, r.line);
    const before = existing.get(item.id);
    items.push(item);
    lines.push({ line: r.line, id: item.id, title: item.title, action: !before ? 'created' : sameEvent(before, item) ? 'unchanged' : 'updated', errors: [] });
  }
  return dryRunOf(lines, items);
}

