/**
 * iCalendar (RFC 5545) of the agenda, written by ical-generator: one event (« Ajouter à mon
 * agenda ») or the feed /agenda.ics. Times in UTC (no VTIMEZONE needed), lines folded at 75 octets
 * and ended by CRLF by the library, UID stable (the event's id), DTSTAMP its last change.
 */
import ical from 'ical-generator';
import type { AgendaEvent } from './tables';
import { KINDS } from './vocabulary';

export function icsOf(events: AgendaEvent[], options: { publicUrl: string; name: string; eventHref: (id: string) => string }): string {
  const calendar = ical({ name: options.name, prodId: { company: 'Guichet', product: 'Agenda de l’orientation', language: 'FR' } });
  for (const e of events) {
    const host = new URL(options.publicUrl).hostname;
    calendar.createEvent({
      id: `${e.id}@${host}`,
      start: e.starts_at,
      end: e.ends_at,
      stamp: e.updated_at,
      lastModified: e.updated_at,
      summary: `${e.title} (${KINDS[e.kind]})`,
      description: [e.summary, e.description, e.registration_url ? `Inscription : ${e.registration_url}` : '', e.demo ? 'Donnée de démonstration.' : ''].filter(Boolean).join('\n\n'),
      location: [e.place_name, e.address, e.commune_name].filter(Boolean).join(', '),
      url: `${options.publicUrl}${options.eventHref(e.id)}`,
      sequence: e.version,
    });
  }
  return calendar.toString();
}
