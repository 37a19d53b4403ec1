/**
 * Malformed requests for the fuzz walk (src/platform/http/fuzz-walk.test.ts): every choice comes
 * from a seeded generator, so a failure is reproduced by running the walk with the same seed.
 */

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof seededRandom>;

/** Values a person or a robot may type, decoded (what a handler receives). */
export const HOSTILE_VALUES: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001f\u007f',
  '\r\n\r\nSet-Cookie: x=1',
  '\t\v\f',
  '\u202eevil',
  '\ud800',
  '\udfff\ud800',
  '\ufeff',
  '😀'.repeat(40),
  'é'.repeat(400),
  'x'.repeat(105),
  'x'.repeat(5_000),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '-1',
  '0',
  '1e999',
  '99999999999999999999999999',
  '-99999999999999999999',
  'NaN',
  'Infinity',
  '1.5',
  '0x1F',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '2026-13-45',
  '0000-00-00',
  '99999-12-31',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '../../etc/passwd',
  '//evil.example/',
  'javascript:alert(1)',
  '%00',
  '%C3%28',
  '${7*7}',
];

/** Raw, still-encoded URL fragments, some of them invalid UTF-8 or invalid escapes. */
export const RAW_URL_PIECES: readonly string[] = [
  '%00',
  'a%00b',
  '%01%1F%7F',
  '%C3%28',
  '%FF',
  '%FE%FF',
  '%C0%AF',
  '%ED%A0%80',
  '%F0%28%8C%BC',
  '%E0%A4%A',
  '%',
  '%ZZ',
  '%2e%2e%2f',
  '..',
  '__proto__',
  'constructor',
  '%5F%5Fproto%5F%5F',
  'x'.repeat(105),
  'x'.repeat(600),
  '%C3%A9'.repeat(60),
  '%E2%80%AE',
  '+',
  '%20',
];

/** Keys a form or query string should never be able to abuse. */
export const HOSTILE_KEYS: readonly string[] = [
  '__proto__',
  '__proto__[admin]',
  'constructor',
  'constructor[prototype][admin]',
  'prototype',
  'toString',
  'hasOwnProperty',
  'a[]',
  'a[b][c]',
  'k'.repeat(3_000),
  '',
  '\u0000',
  'é',
];

/** Field names the application's forms and pages really read (so handlers get past "missing"). */
export const KNOWN_FIELDS: readonly string[] = (
  'action password field type statut email q op description decision accord summary suite role new_password message label jeton ' +
  'fichier display_name current_password confirm commune code certifie aide titre title themes theme territory target tags street slug ' +
  'situation siret short_name session result reprise redirect_uris recurrence recherche public phone permanent options obligatoire nom ' +
  'niveau new_email motivation montant logo libelle intro image_remove image_alt image given_name gender family_name documents departement ' +
  'definition current_code contact_phone contact_email contact_address confirmation confirm_password commune_code cle children body birthdate ' +
  'adults account accent_color page fait liste etiquette adresse hote etat lien delie state age postal_code name siret amount_unit'
).split(' ');

/** Percent-encodes a decoded value, but leaves some values raw to produce invalid encodings. */
export function encodeValue(random: Random, value: string): string {
  if (random.chance(0.25)) return random.pick(RAW_URL_PIECES);
  // encodeURIComponent refuses lone surrogates: send them as the raw bytes a robot would.
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/** A query string (without the "?") made of known and hostile keys, duplicated at times. */
export function hostileQuery(random: Random): string {
  const pairs: string[] = [];
  const count = 1 + random.int(4);
  for (let i = 0; i < count; i++) {
    const key = random.chance(0.6) ? random.pick(KNOWN_FIELDS) : random.pick(HOSTILE_KEYS);
    const encodedKey = random.chance(0.2) ? random.pick(RAW_URL_PIECES) : encodeURIComponent(key);
    const value = encodeValue(random, random.pick(HOSTILE_VALUES));
    pairs.push(`${encodedKey}=${value}`);
    if (random.chance(0.2)) pairs.push(`${encodedKey}=${encodeValue(random, random.pick(HOSTILE_VALUES))}`);
  }
  if (random.chance(0.1)) pairs.push('&&=&=');
  return pairs.join('&');
}

export interface Body {
  label: string;
  contentType?: string;
  payload: string | Buffer;
}

/** Known and hostile fields, the CSRF token first when there is one. */
function hostileFields(random: Random, token: string | undefined): Array<[string, string]> {
  const fields: Array<[string, string]> = token ? [['_csrf', token]] : [];
  const count = 1 + random.int(6);
  for (let i = 0; i < count; i++) {
    const key = random.chance(0.7) ? random.pick(KNOWN_FIELDS) : random.pick(HOSTILE_KEYS);
    fields.push([key, random.pick(HOSTILE_VALUES)]);
    if (random.chance(0.15)) fields.push([key, random.pick(HOSTILE_VALUES)]);
  }
  return fields;
}

function urlencoded(random: Random, token: string | undefined): Body {
  const fields = hostileFields(random, token);
  const parts = fields.map(([k, v]) => `${random.chance(0.1) ? random.pick(RAW_URL_PIECES) : encodeURIComponent(k)}=${k === '_csrf' ? encodeURIComponent(v) : encodeValue(random, v)}`);
  let payload: string | Buffer = parts.join('&');
  // Raw bytes that are not UTF-8 at all.
  if (random.chance(0.15)) payload = Buffer.concat([Buffer.from(`${payload}&nom=`), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x00])]);
  const contentType = random.pick(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=UTF-8', 'application/x-www-form-urlencoded; charset=latin1']);
  return { label: 'urlencoded', contentType, payload };
}

const BOUNDARY = 'fuzzboundary1234';

function part(name: string, value: string, file = false): string {
  const filename = file ? `; filename="${value.slice(0, 20).replace(/"/g, '')}.pdf"\r\nContent-Type: application/pdf` : '';
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '')}"${filename}\r\n\r\n${value}\r\n`;
}

function multipart(random: Random, token: string | undefined): Body {
  const fields = hostileFields(random, token);
  const wellFormed = fields.map(([k, v], i) => part(k, v, i > 0 && random.chance(0.15))).join('') + `--${BOUNDARY}--\r\n`;
  const csrf = token ? part('_csrf', token) : '';
  const variants: Array<[string, () => Body]> = [
    ['multipart well formed', () => ({ label: '', contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: wellFormed })],
    ['multipart without boundary', () => ({ label: '', contentType: 'multipart/form-data', payload: wellFormed })],
    ['multipart with another boundary', () => ({ label: '', contentType: 'multipart/form-data; boundary=autre', payload: wellFormed })],
    ['multipart with an empty boundary', () => ({ label: '', contentType: 'multipart/form-data; boundary=', payload: wellFormed })],
    ['multipart truncated', () => ({ label: '', contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: wellFormed.slice(0, Math.max(1, random.int(wellFormed.length))) })],
    ['multipart without closing boundary', () => ({ label: '', contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: `${csrf}--${BOUNDARY}\r\nContent-Disposition: form-data; name="nom"\r\n\r\nx` })],
    ['multipart with a huge part header', () => ({ label: '', contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: `${csrf}--${BOUNDARY}\r\nContent-Disposition: form-data; name="${'n'.repeat(90_000)}"\r\n\r\nx\r\n--${BOUNDARY}--\r\n` })],
    ['multipart with a malformed part header', () => ({ label: '', contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: `${csrf}--${BOUNDARY}\r\nnot a header\r\n\r\nx\r\n--${BOUNDARY}--\r\n` })],
    ['multipart without content-disposition', () => ({ label: '', contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: `${csrf}--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${BOUNDARY}--\r\n` })],
    ['multipart garbage', () => ({ label: '', contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: Buffer.from([0xff, 0x00, 0x2d, 0x2d, 0x0d, 0x0a, 0xfe]) })],
    ['multipart empty', () => ({ label: '', contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: '' })],
    ['multipart with many fields', () => ({ label: '', contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: csrf + Array.from({ length: 80 }, (_, i) => part(`f${i}`, 'x')).join('') + `--${BOUNDARY}--\r\n` })],
    ['multipart with two files', () => ({ label: '', contentType: `multipart/form-data; boundary=${BOUNDARY}`, payload: csrf + part('fichier', 'a', true) + part('image', 'b', true) + `--${BOUNDARY}--\r\n` })],
  ];
  const [label, make] = random.pick(variants);
  return { ...make(), label };
}

function json(random: Random, token: string | undefined): Body {
  const fields = Object.fromEntries(hostileFields(random, token).filter(([k]) => k !== '__proto__'));
  const variants: Array<[string, string]> = [
    ['json object', JSON.stringify(fields)],
    ['json with __proto__', `{"__proto__":{"admin":true},"_csrf":${JSON.stringify(token ?? '')}}`],
    ['json with constructor.prototype', `{"constructor":{"prototype":{"admin":true}},"_csrf":${JSON.stringify(token ?? '')}}`],
    ['json broken', '{"a":'],
    ['json empty', ''],
    ['json array', '[1,2,3]'],
    ['json string', '"texte"'],
    ['json null', 'null'],
    ['json number', '12'],
    ['json with wrong types', JSON.stringify({ _csrf: token, age: 'vingt', commune: 35238, situation: ['a'], email: { $ne: 1 }, adults: -1 })],
    ['json deeply nested', '['.repeat(5_000) + ']'.repeat(5_000)],
    ['json with NUL', `{"_csrf":${JSON.stringify(token ?? '')},"nom":"a\\u0000b","q":"\\u0000"}`],
    ['json with a lone surrogate', `{"nom":"\\ud800","q":"\\udfff"}`],
  ];
  const [label, payload] = random.pick(variants);
  return { label, contentType: random.pick(['application/json', 'application/json; charset=utf-8', 'application/problem+json']), payload };
}

function wrongType(random: Random): Body {
  const [label, contentType] = random.pick([
    ['text/plain', 'text/plain'],
    ['xml', 'application/xml'],
    ['no content type', undefined],
    ['invalid content type', 'n/importe;quoi'],
    ['octet-stream', 'application/octet-stream'],
    ['utf-16 form', 'application/x-www-form-urlencoded; charset=utf-16'],
    ['multipart/mixed', 'multipart/mixed; boundary=x'],
  ] as Array<[string, string | undefined]>);
  return { label, ...(contentType ? { contentType } : {}), payload: random.chance(0.5) ? 'a=1&b=2' : Buffer.from([0xff, 0xfe, 0x00]) };
}

/** A body of any shape: form, multipart (well or badly framed), JSON, or of a foreign type. */
export function hostileBody(random: Random, token: string | undefined, api: boolean): Body {
  const roll = random.next();
  if (api) return roll < 0.7 ? json(random, token) : roll < 0.85 ? wrongType(random) : urlencoded(random, token);
  if (roll < 0.4) return urlencoded(random, token);
  if (roll < 0.75) return multipart(random, token);
  if (roll < 0.9) return json(random, token);
  return wrongType(random);
}
