import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import type { JSDOM } from 'jsdom';

// jsdom (~900 modules, ~0.9 s of CPU to load) is loaded on the first SVG logo only, not by every
// process that builds the application (each test file starts one).
const require = createRequire(import.meta.url);

/** Logos are small: a page shows them at 56 px. */
export const MAX_LOGO_BYTES = 500 * 1024;

const SVG_NS = 'http://www.w3.org/2000/svg';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type LogoCheck =
  | { ok: true; contentType: 'image/svg+xml' | 'image/png'; bytes: Buffer; sha256: string; removed: number }
  | { ok: false; message: string };

/**
 * Decides what an uploaded logo is from its bytes (never from its name or declared type), and
 * returns the bytes to store: a PNG as sent, an SVG rebuilt from what the sanitizer kept.
 */
export function checkLogo(file: unknown): LogoCheck {
  if (!Buffer.isBuffer(file) || file.length === 0) return { ok: false, message: 'Choisissez le fichier de votre logo (SVG ou PNG).' };
  if (file.length > MAX_LOGO_BYTES) {
    return { ok: false, message: `Le fichier pèse ${Math.ceil(file.length / 1024)} Ko : un logo ne doit pas dépasser 500 Ko.` };
  }
  if (isPng(file)) return { ok: true, contentType: 'image/png', bytes: file, sha256: sha256(file), removed: 0 };
  const text = file.toString('utf8');
  if (looksLikeSvg(text)) {
    const result = sanitizeSvg(text);
    if (!result.ok) return result;
    const bytes = Buffer.from(result.svg, 'utf8');
    return { ok: true, contentType: 'image/svg+xml', bytes, sha256: sha256(bytes), removed: result.removed };
  }
  return { ok: false, message: "Ce format de fichier n'est pas accepté. Envoyez votre logo au format SVG ou PNG." };
}

/** The 8-byte PNG signature followed by the IHDR chunk every PNG starts with. */
export function isPng(bytes: Buffer): boolean {
  return bytes.length > 24 && bytes.subarray(0, 8).equals(PNG_MAGIC) && bytes.subarray(12, 16).toString('latin1') === 'IHDR';
}

function looksLikeSvg(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('<') && /<svg[\s>]/i.test(text) && !text.includes('\u0000');
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

let purifier: { window: JSDOM['window']; purify: DOMPurify } | undefined;

/** An external reference: any url(...) that is not a #fragment of the same file. */
const EXTERNAL_URL = /url\s*\(\s*['"]?\s*(?!#)/i;
const SCRIPT_URL = /(?:java|vb)script\s*:|expression\s*\(|@import/i;

function getPurifier() {
  if (purifier) return purifier;
  const { JSDOM: Dom } = require('jsdom') as typeof import('jsdom');
  const { window } = new Dom('');
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue.trim();
    if ((name === 'href' || name === 'xlink:href') && !value.startsWith('#')) data.keepAttr = false;
    else if (EXTERNAL_URL.test(value) || SCRIPT_URL.test(value)) data.keepAttr = false;
  });
  purifier = { window, purify };
  return purifier;
}

export type SvgResult = { ok: true; svg: string; removed: number } | { ok: false; message: string };

/**
 * Keeps only drawing: DOMPurify's SVG profile (no script, no event handler), no
 * foreignObject or animation, no reference to anything outside the file.
 */
export function sanitizeSvg(source: string): SvgResult {
  const notSvg = { ok: false as const, message: "Le fichier n'est pas une image SVG lisible. Vérifiez-le ou envoyez votre logo au format PNG." };
  if (/<!ENTITY/i.test(source)) {
    return { ok: false, message: 'Le fichier SVG contient des déclarations (ENTITY) qui ne sont pas acceptées. Enregistrez-le de nouveau en « SVG simple ».' };
  }
  // A DOCTYPE without internal subset carries nothing a logo needs.
  const text = source.replace(/^\uFEFF/, '').replace(/<!DOCTYPE[^[>]*>/gi, '');
  const { window, purify } = getPurifier();
  let document: Document;
  try {
    document = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  } catch {
    return notSvg;
  }
  const root = document.documentElement;
  if (!root || document.getElementsByTagName('parsererror').length > 0 || root.localName !== 'svg' || root.namespaceURI !== SVG_NS) return notSvg;
  purify.sanitize(root, {
    USE_PROFILES: { svg: true, svgFilters: true },
    IN_PLACE: true,
    ADD_TAGS: ['use'],
    FORBID_TAGS: ['script', 'foreignObject', 'foreignobject', 'animate', 'animateMotion', 'animateTransform', 'animateColor', 'set', 'iframe', 'image'],
  });
  let removed = purify.removed.length;
  for (const style of [...root.getElementsByTagName('style')]) {
    const css = style.textContent ?? '';
    if (EXTERNAL_URL.test(css) || SCRIPT_URL.test(css)) {
      style.remove();
      removed++;
    }
  }
  const drawing = root.querySelector('*:not(title):not(desc):not(metadata):not(defs):not(style)');
  if (!drawing) {
    return { ok: false, message: "Une fois les éléments non autorisés retirés, il ne reste rien à afficher dans ce fichier SVG. Envoyez un logo composé seulement de formes (ou un PNG)." };
  }
  const svg = new window.XMLSerializer().serializeToString(root);
  // Belt and braces: the serialized form must hold nothing active.
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:/i.test(svg)) return notSvg;
  return { ok: true, svg, removed };
}
