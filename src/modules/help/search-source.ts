import { indexDocument, removeDocument, type AnyDb, type SearchDocument, type SearchSource } from '../../platform/search';
import { KIND_LABELS, ORIENTATION_KINDS } from './kinds';
import type { HelpPlacesTable } from './tables';
import { HELP_PATH } from './views/search-page';

export const PLACE_DOCUMENT_TYPE = 'lieu-aide';

type PlaceRow = Pick<
  HelpPlacesTable,
  'id' | 'kind' | 'name' | 'address' | 'postal_code' | 'commune_code' | 'commune_name' | 'latitude' | 'longitude' | 'services' | 'access_conditions'
> & { tenant_id: string | null; published: boolean };

const COLUMNS = ['id', 'kind', 'name', 'address', 'postal_code', 'commune_code', 'commune_name', 'latitude', 'longitude', 'services', 'access_conditions', 'tenant_id', 'published'] as const;

function placeDocument(place: PlaceRow): SearchDocument {
  const where = `${place.address}, ${place.postal_code} ${place.commune_name}`;
  const orientation = ORIENTATION_KINDS.includes(place.kind);
  return {
    type: PLACE_DOCUMENT_TYPE,
    objectId: place.id,
    tenantId: place.tenant_id,
    title: place.name,
    // The kind's label is indexed: « mission locale lorient » finds the Mission locale of Lorient.
    body: [KIND_LABELS[place.kind], orientation ? 'Lieu d’orientation : conseiller' : '', place.commune_name, where, place.services.join(', '), place.access_conditions ?? ''].filter(Boolean).join('\n'),
    // Its own page (address, hours, services, « Enregistrer », and the other places near it).
    url: `${HELP_PATH}/lieux/${place.id}`,
    communeCode: place.commune_code,
    latitude: place.latitude,
    longitude: place.longitude,
  };
}

/** Keeps the index in step with a place, inside the transaction that writes it (back office, import). */
export async function indexPlace(trx: AnyDb, id: string): Promise<void> {
  const row = (await trx.selectFrom('help_places').select(COLUMNS).where('id', '=', id).executeTakeFirst()) as PlaceRow | undefined;
  if (row && row.published) await indexDocument(trx, placeDocument(row));
  else await removeDocument(trx, PLACE_DOCUMENT_TYPE, id);
}

/**
 * Help places come from open data files loaded at seed time and from the authorities' back
 * office and CSV import (which index them as they write): `npm run reindex` and the seed rebuild them.
 */
export const helpPlacesSearchSource: SearchSource = {
  type: PLACE_DOCUMENT_TYPE,
  label: 'Lieu d’aide',
  async documentsFor(db: AnyDb) {
    const rows = (await db.selectFrom('help_places').select(COLUMNS).where('published', '=', true).execute()) as PlaceRow[];
    return rows.map(placeDocument);
  },
};
