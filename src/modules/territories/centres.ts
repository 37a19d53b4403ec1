import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let centres: Map<string, { lat: number; lon: number }> | undefined;

/**
 * INSEE code → a point inside the commune (1,202 communes of Bretagne, 2026 list; geo/SOURCE.txt).
 * Used by the one search (distance to a commune) and by the agenda (events near a commune).
 */
export function communeCentres(): Map<string, { lat: number; lon: number }> {
  centres ??= new Map(
    (JSON.parse(readFileSync(join(import.meta.dirname, 'geo', 'communes-centres.json'), 'utf8')) as Array<{ code: string; lat: number; lon: number }>).map((c) => [
      c.code,
      { lat: c.lat, lon: c.lon },
    ]),
  );
  return centres;
}
