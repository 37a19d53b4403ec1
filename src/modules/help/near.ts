/**
 * « Près de chez moi »: the commune a person typed (name or postal code), its centre (a point
 * inside each Breton commune, territories/geo) — used by the one search and the trainings.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { communeCentres } from '../territories';
import { resolveCommune } from './service';

export { communeCentres };

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

