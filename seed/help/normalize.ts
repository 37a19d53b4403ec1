/** Small helpers to clean the open data of help places before they are seeded. */

/** Lower case, no accents, "st" → "saint", punctuation as spaces: for comparing names. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(ste?)\b/g, (m) => (m === 'st' ? 'saint' : 'sainte'))
    .trim();
}

const STOP_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'au', 'aux', 'en', 'sur', 'sous', 'pour']);

function significantWords(text: string): Set<string> {
  return new Set(normalizeName(text).split(' ').filter((w) => w.length > 0 && !STOP_WORDS.has(w)));
}

/** Share of the shorter name's words found in the other (0–1). */
export function nameSimilarity(a: string, b: string): number {
  const wa = significantWords(a);
  const wb = significantWords(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const word of wa) if (wb.has(word)) common += 1;
  return common / Math.min(wa.size, wb.size);
}

const STREET_ABBREVIATIONS: Record<string, string> = {
  pl: 'place', av: 'avenue', ave: 'avenue', bd: 'boulevard', bld: 'boulevard', r: 'rue', rte: 'route', imp: 'impasse', all: 'allee',
  che: 'chemin', chem: 'chemin', sq: 'square', crs: 'cours', qu: 'quai', esp: 'esplanade', res: 'residence', zi: 'zone industrielle',
};

/** "5 PL DE LA RESISTANCE" → { number: '5', street: 'place resistance' }. */
export function parseAddress(address: string): { number: string | null; street: string } {
  const words = normalizeName(address).split(' ').filter(Boolean);
  const match = /^\d+/.exec(words[0] ?? '');
  const number = match ? match[0] : null;
  const rest = (number ? words.slice(1) : words)
    .filter((w) => !['bis', 'ter', 'b', 'c'].includes(w))
    .map((w) => STREET_ABBREVIATIONS[w] ?? w)
    .filter((w) => !STOP_WORDS.has(w));
  return { number, street: rest.join(' ') };
}

/** Two addresses are the same door when both give the same number in the same street. */
export function sameAddress(a: string, b: string): boolean {
  const pa = parseAddress(a);
  const pb = parseAddress(b);
  if (pa.number === null || pa.number !== pb.number || pa.street === '' || pb.street === '') return false;
  // One address may carry a complement after the street: "3 rue de la Libération, Pôle de services".
  return pa.street === pb.street || pa.street.startsWith(`${pb.street} `) || pb.street.startsWith(`${pa.street} `);
}

/** Distance in metres between two points (haversine). */
export function distanceMetres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** "02.99.21.91.29", "+33298577091", "0299091136" → "02 99 21 91 29"; null when not a French number. */
export function formatPhone(raw: string | undefined | null): string | null {
  const digits = (raw ?? '').replace(/[^\d+]/g, '');
  if (!digits) return null;
  const national = digits.startsWith('+33') ? `0${digits.slice(3)}` : digits.startsWith('0033') ? `0${digits.slice(4)}` : digits;
  if (!/^0\d{9}$/.test(national)) return null;
  return national.replace(/(\d{2})(?=\d)/g, '$1 ');
}

export function cleanEmail(raw: string | undefined | null): string | null {
  const value = (raw ?? '').trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : null;
}

export function cleanWebsite(raw: string | undefined | null): string | null {
  const value = (raw ?? '').trim();
  if (!value) return null;
  const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** A date "YYYY-MM-DD" from the data, or the fallback when missing or malformed. */
export function cleanDate(raw: string | undefined | null, fallback: string): string {
  const value = (raw ?? '').trim().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fallback;
}

/** "SAINT-BRIEUC" → "Saint-Brieuc" (used only when the commune is not in the referential). */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, letter: string) => `${sep}${letter.toUpperCase()}`)
    .trim();
}

/** Access conditions of the médiation numérique schema, in short: "Gratuit", or the sentence. */
export function accessConditions(raw: string | undefined | null): string | null {
  const parts = (raw ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [label, explanation] = p.split(/\s*:\s*/, 2);
      return label === 'Gratuit' || !explanation ? (label ?? p) : explanation;
    });
  return parts.length ? [...new Set(parts)].join('. ') : null;
}
