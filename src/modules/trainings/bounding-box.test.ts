// The box that prefilters « within r km »: it must hold every point of the circle, however large.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundingBox } from './search-store';

const LORIENT = { latitude: 47.7483, longitude: -3.3700 };

/** Great-circle distance in km, the formula of the SQL and of the in-memory index. */
function km(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function inside(box: ReturnType<typeof boundingBox>, p: { latitude: number; longitude: number }): boolean {
  return p.latitude >= box.minLat && p.latitude <= box.maxLat && p.longitude >= box.minLon && p.longitude <= box.maxLon;
}

test('every point within the radius lies in the box, for small and for globe-wide radii', () => {
  for (const radiusKm of [1, 30, 500, 5_000, 10_007, 12_000, 20_000]) {
    const box = boundingBox({ ...LORIENT, radiusKm });
    for (let lat = -89; lat <= 89; lat += 1) {
      for (let lon = -179; lon <= 179; lon += 2) {
        const p = { latitude: lat, longitude: lon };
        if (km(LORIENT, p) <= radiusKm) assert.ok(inside(box, p), `${radiusKm} km: (${lat}, ${lon}) is within reach but outside the box`);
      }
    }
    // Finer near the centre, where small radii live.
    for (let dLat = -0.5; dLat <= 0.5; dLat += 0.01) {
      for (let dLon = -0.5; dLon <= 0.5; dLon += 0.01) {
        const p = { latitude: LORIENT.latitude + dLat, longitude: LORIENT.longitude + dLon };
        if (km(LORIENT, p) <= radiusKm) assert.ok(inside(box, p), `${radiusKm} km: (${p.latitude}, ${p.longitude}) is within reach but outside the box`);
      }
    }
  }
});

test('a small radius keeps a small box', () => {
  const box = boundingBox({ ...LORIENT, radiusKm: 30 });
  assert.ok(box.maxLat - box.minLat < 0.6 && box.maxLon - box.minLon < 0.9, JSON.stringify(box));
});
