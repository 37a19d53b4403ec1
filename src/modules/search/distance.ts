/**
 * « Près de chez moi » in the one search: the commune a person typed (name or postal code,
 * resolved by the help module), its centre (a point inside each Breton commune, open data in
 * ./geo), and the great-circle distance in SQL to the documents that have a place.
 */
import { sql, type RawBuilder } from 'kysely';
import type { NearPoint } from '../help';

/** Places farther than this from the commune are left out (as on « Trouver de l’aide près de chez moi »). */
export const RADIUS_KM = 30;

export { communeCentres, nearPoint, type NearPoint, type NearResult } from '../help';

/**
 * Distance in km from the point to the document's place, null without coordinates or without a
 * point: the point is two bound values (null, null when no commune was given), so that the
 * statement's text is the same with or without a commune (query.ts prepares it once).
 */
export function distanceSql(point: NearPoint | undefined): RawBuilder<number | null> {
  const lat = sql`${point ? Number(point.latitude.toFixed(6)) : null}::float8`;
  const lon = sql`${point ? Number(point.longitude.toFixed(6)) : null}::float8`;
  return sql<number | null>`(case when d.latitude is not null and d.longitude is not null and ${lat} is not null then 12742 * asin(least(1, sqrt(
    power(sin(radians(d.latitude - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(d.latitude)) * power(sin(radians(d.longitude - ${lon}) / 2), 2)
  ))) end)`;
}

/** « à 4 km », « à moins de 1 km ». */
export function distanceLabel(km: number): string {
  return km < 1 ? 'à moins de 1 km' : `à ${Math.round(km)} km`;
}
