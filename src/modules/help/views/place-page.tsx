import type { ComponentChildren } from 'preact';
import { formatMonth } from '../../../platform/views/format';
import { KIND_LABELS } from '../kinds';
import type { HelpPlace } from '../tables';
import { HELP_PATH, PlaceContact } from './search-page';

/** The page of one help place: /aide-de-proximite/lieux/<id>. */
export const PLACE_PATH = `${HELP_PATH}/lieux`;


/** One help place on its own page, with the « Enregistrer » control (issue 15 d.9). */
export function PlacePage({ place, save }: { place: HelpPlace; save: ComponentChildren }) {
  const where = [place.address, `${place.postal_code} ${place.commune_name}`.trim()].filter(Boolean).join(', ');
  return (
    <>
      <p class="lead">
        {KIND_LABELS[place.kind]}
        {place.access_conditions ? ` · ${place.access_conditions}` : ''}
        {place.demo ? (
          <>
            {' · '}
            <strong>Donnée de démonstration</strong>
          </>
        ) : null}
      </p>
      {save}
      <h2>Adresse et contact</h2>
      <p>{where || `${place.commune_name} : adresse non publiée.`}</p>
      <PlaceContact place={place} />
      <h2>Horaires</h2>
      <p class="help-place__hours">{place.opening_hours ?? 'Horaires non publiés : appelez avant de venir.'}</p>
      {place.services.length > 0 ? (
        <>
          <h2>Services proposés</h2>
          <p>{place.services.join(' ; ')}.</p>
        </>
      ) : null}
      <p class="muted">Informations de {formatMonth(place.source_date)}.</p>
      <p>
        <a href={`${HELP_PATH}?commune=${encodeURIComponent(place.postal_code)}#resultats`}>Voir les autres lieux d’aide près de {place.commune_name}</a>
      </p>
    </>
  );
}
