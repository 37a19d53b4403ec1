/**
 * « Près de chez moi » in the one search: the commune a person typed (name or postal code,
 * resolved by the help module), its centre (a point inside each Breton commune, open data in
 * ./geo), and the great-circle distance in SQL to the documents that have a place.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { resolveCommune } from '../help';
import { communeCentres } from '../territories';


/** Places farther than this from the commune are left out (as on « Trouver de l’aide près de chez moi »). */
export const RADIUS_KM = 30;

export interface NearPoint {
  /** What the person typed, as typed (kept in the form and the URL). */
  typed: string;
  /** The commune(s) found: one, or the several sharing a postal code. */
  label: string;
  codes: string[];
  latitude: number;
  longitude: number;
}

export type NearResult = { point: NearPoint } | { error: string; typed: string } | undefined;

const resolved = new Map<string, Exclude<NearResult, undefined>>();

/** The commune typed in `commune=`, its centre, or a French message; undefined when nothing was typed. */
export async function nearPoint(db: Kysely<PlatformTables>, raw: unknown): Promise<NearResult> {
  const typed = (typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '').replace(/\s+/g, ' ').trim().slice(0, 100);
  if (!typed) return undefined;
  const key = typed.toLowerCase();
  const known = resolved.get(key);
  if (known) return known;
  const found = await resolveCommune(db, typed);
  let result: Exclude<NearResult, undefined>;
  if ('error' in found) {
    result = { error: found.error, typed };
  } else {
    const points = found.communes.flatMap((c) => communeCentres().get(c.code) ?? []);
    result = points.length
      ? {
          point: {
            typed,
            label: found.communes.map((c) => c.name).join(', '),
            codes: found.communes.map((c) => c.code),
            latitude: points.reduce((s, p) => s + p.lat, 0) / points.length,
            longitude: points.reduce((s, p) => s + p.lon, 0) / points.length,
          },
        }
      : { error: `Nous ne connaissons pas encore la position de la commune « ${typed} ». Essayez une commune voisine.`, typed };
  }
  // The territory referential changes once a year at most: what was typed is resolved once per process.
  if (resolved.size > 5000) resolved.clear();
  resolved.set(key, result);
  return result;
}

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
