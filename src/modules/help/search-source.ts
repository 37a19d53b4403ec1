import type { AnyDb, SearchDocument, SearchSource } from '../../platform/search';
import type { HelpPlacesTable } from './tables';
import { HELP_PATH } from './views/search-page';

const KIND_LABELS: Record<HelpPlacesTable['kind'], string> = {
  france_services: 'France Services',
  mediation_numerique: 'Médiation numérique',
};

type PlaceRow = Pick<HelpPlacesTable, 'id' | 'kind' | 'name' | 'address' | 'postal_code' | 'commune_code' | 'commune_name' | 'latitude' | 'longitude' | 'services' | 'access_conditions'>;

function placeDocument(place: PlaceRow): SearchDocument {
  const where = `${place.address}, ${place.postal_code} ${place.commune_name}`;
  return {
    type: 'lieu-aide',
    objectId: place.id,
    tenantId: null,
    title: place.name,
    body: [KIND_LABELS[place.kind], place.commune_name, where, place.services.join(', '), place.access_conditions ?? ''].join('\n'),
    // The help search lists the places of the commune, this one among them.
    url: `${HELP_PATH}?commune=${encodeURIComponent(place.postal_code)}#resultats`,
    communeCode: place.commune_code,
    latitude: place.latitude,
    longitude: place.longitude,
  };
}

/**
 * Help places come from open data files loaded at seed time (no back office publishes them):
 * `npm run reindex` and the seed rebuild their documents.
 */
export const helpPlacesSearchSource: SearchSource = {
  type: 'lieu-aide',
  label: 'Lieu d’aide',
  async documentsFor(db: AnyDb) {
    const rows = (await db
      .selectFrom('help_places')
      .select(['id', 'kind', 'name', 'address', 'postal_code', 'commune_code', 'commune_name', 'latitude', 'longitude', 'services', 'access_conditions'])
      .execute()) as PlaceRow[];
    return rows.map(placeDocument);
  },
};
