import type { ComponentChildren } from 'preact';
import { Notice } from '../../../platform/views/components';
import type { AgendaEvent } from '../tables';
import { AGENDA_PATH, AUDIENCES, KINDS, THEMES } from '../vocabulary';
import { whenLabel } from '../when';

/** schema.org Event (JSON-LD), with `<` escaped so the text can never close the script element. */
export function eventJsonLd(e: AgendaEvent, url: string, organiser: string): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.title,
    description: e.summary || e.description || undefined,
    startDate: e.starts_at.toISOString(),
    endDate: e.ends_at.toISOString(),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
    url,
    location: {
      '@type': 'Place',
      name: e.place_name,
      address: { '@type': 'PostalAddress', streetAddress: e.address || undefined, addressLocality: e.commune_name, addressRegion: 'Bretagne', addressCountry: 'FR' },
      ...(e.latitude !== null && e.longitude !== null ? { geo: { '@type': 'GeoCoordinates', latitude: e.latitude, longitude: e.longitude } } : {}),
    },
    organizer: { '@type': 'Organization', name: e.organiser || organiser },
    audience: e.audiences.length ? { '@type': 'Audience', audienceType: e.audiences.map((a) => AUDIENCES[a] ?? a).join(', ') } : undefined,
    isAccessibleForFree: true,
    ...(e.registration_url ? { offers: { '@type': 'Offer', url: e.registration_url, price: 0, priceCurrency: 'EUR', availability: 'https://schema.org/InStock' } } : {}),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function EventPage({ event: e, past, organiser, jsonLd, jobs, save }: { event: AgendaEvent; past: boolean; organiser: string; jsonLd?: string | undefined; jobs: Array<{ code: string; label: string }>; save?: ComponentChildren }) {
  return (
    <>
      {jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} /> : null}
      {past ? <Notice kind="warning" title="Cet événement est passé." /> : null}
      {e.demo ? <p class="muted">Donnée de démonstration : cet événement n’existe pas.</p> : null}
      {e.summary ? <p class="lead">{e.summary}</p> : null}
      {past ? null : save}
      <dl>
        <dt>Type</dt>
        <dd>{KINDS[e.kind]}</dd>
        <dt>Quand</dt>
        <dd>{whenLabel(e.starts_at, e.ends_at)}</dd>
        <dt>Où</dt>
        <dd>{[e.place_name, e.address, e.commune_name].filter(Boolean).join(', ')}</dd>
        <dt>Pour qui</dt>
        <dd>{e.audiences.length ? e.audiences.map((a) => AUDIENCES[a] ?? a).join(', ') : 'Tout public'}</dd>
        <dt>Thème</dt>
        <dd>{THEMES[e.theme] ?? e.theme}</dd>
        <dt>Organisé par</dt>
        <dd>{e.organiser || organiser}</dd>
      </dl>
      {e.description ? e.description.split(/\n{2,}/).map((p) => <p>{p}</p>) : null}
      {jobs.length ? (
        <>
          <h2>Les métiers présentés</h2>
          <ul class="link-list">
            {jobs.map((j) => (
              <li>
                <a href={`/orientation/metiers/${j.code}`}>{j.label}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!past && e.registration_url ? (
        <p>
          <a href={e.registration_url}>S’inscrire sur le site de l’organisateur</a>
        </p>
      ) : null}
      {!past ? (
        <p>
          <a href={`${AGENDA_PATH}/${encodeURIComponent(e.id)}.ics`} download>
            Ajouter à mon agenda (fichier .ics)
          </a>
        </p>
      ) : null}
      <p>
        <a href={AGENDA_PATH}>Voir les autres événements</a>
      </p>
    </>
  );
}
