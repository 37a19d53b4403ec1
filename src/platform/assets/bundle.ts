import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const stylesDir = join(import.meta.dirname, '..', '..', 'styles');

export interface Asset {
  /** Fingerprinted public path, e.g. /static/guichet.3f2a9c1b.css */
  href: string;
  contentType: string;
  raw: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  etag: string;
}

export function makeAsset(name: string, extension: string, contentType: string, body: string): Asset {
  const raw = Buffer.from(body, 'utf8');
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 12);
  return {
    href: `/static/${name}.${hash}.${extension}`,
    contentType,
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${hash}"`,
  };
}

/** Removes comments and needless whitespace; enough for hand-written CSS. */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

/** The charter: modern-normalize, then our tokens, base, layout and components, in one file. */
export function buildStylesheet(): Asset {
  const parts = [
    readFileSync(require.resolve('modern-normalize/modern-normalize.css'), 'utf8'),
    ...['tokens.css', 'base.css', 'layout.css', 'components.css'].map((f) => readFileSync(join(stylesDir, f), 'utf8')),
  ];
  return makeAsset('guichet', 'css', 'text/css; charset=utf-8', minifyCss(parts.join('\n')));
}

export function buildFavicon(): Asset {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5394"/>' +
    '<path d="M8 22V10h16v12H8zm3-9v6h10v-6H11z" fill="#fff"/></svg>';
  return makeAsset('favicon', 'svg', 'image/svg+xml', svg);
}
