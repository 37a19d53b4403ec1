import { indexDocument, removeDocument, type AnyDb, type SearchDocument, type SearchSource } from '../../platform/search';
import { agendaDb } from './store';
import type { AgendaEvent } from './tables';
import { AUDIENCES, EVENT_DOCUMENT_TYPE, KINDS, THEMES } from './vocabulary';
import { parisDay, whenLabel } from './when';

/** An upcoming published event as a search document: found by its title, kind, place and theme; its page by its URL. */
export function eventDocument(e: AgendaEvent): SearchDocument {
  return {
    type: EVENT_DOCUMENT_TYPE,
    objectId: e.id,
    tenantId: e.tenant_id,
    title: e.title,
    body: [KINDS[e.kind], whenLabel(e.starts_at, e.ends_at), `${e.place_name}, ${e.commune_name}`, THEMES[e.theme] ?? '', e.audiences.map((a) => AUDIENCES[a] ?? a).join(', '), e.summary, e.description].filter(Boolean).join('\n'),
    url: `/agenda/${encodeURIComponent(e.id)}`,
    communeCode: e.commune_code,
    latitude: e.latitude,
    longitude: e.longitude,
    opensOn: null,
    closesOn: parisDay(e.ends_at),
    publishedAt: e.updated_at,
  };
}

/** Indexes an event while it is published, public and not over; removes it otherwise (its page stays). */
export async function reindexEvent(db: AnyDb, e: AgendaEvent, now = new Date()): Promise<void> {
  if (e.published && !e.pro_only && e.ends_at >= now) await indexDocument(db, eventDocument(e));
  else await removeDocument(db, EVENT_DOCUMENT_TYPE, e.id);
}

/** Takes the events that are over out of the one search (run at start and every hour). */
export async function sweepPastEvents(db: AnyDb, now = new Date()): Promise<number> {
  const past = await agendaDb(db).selectFrom('agenda_events').select('id').where('ends_at', '<', now).execute();
  if (!past.length) return 0;
  const result = await db.deleteFrom('search_documents').where('type', '=', EVENT_DOCUMENT_TYPE).where('object_id', 'in', past.map((p) => p.id)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const eventsSearchSource: SearchSource = {
  type: EVENT_DOCUMENT_TYPE,
  label: 'Événement',
  weight: 0.8,
  async documentsFor(anyDb: AnyDb): Promise<SearchDocument[]> {
    const rows = await agendaDb(anyDb).selectFrom('agenda_events').selectAll().where('published', '=', true).where('pro_only', '=', false).where('ends_at', '>=', new Date()).orderBy('starts_at').execute();
    return rows.map(eventDocument);
  },
};
