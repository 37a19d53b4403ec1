import { createHash } from 'node:crypto';

/** The largest document a person may send (the multipart limit in src/app.ts is set to match). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export type DocumentType = 'application/pdf' | 'image/jpeg' | 'image/png';

export type DocumentCheck = { ok: true; contentType: DocumentType; sha256: string } | { ok: false; message: string };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Decides what a document is from its first bytes, never from its name or declared type: a
 * program renamed « .pdf » is refused. PDF (%PDF-), JPEG (FF D8 FF), PNG (8-byte signature).
 */
export function sniffDocument(bytes: Buffer): DocumentType | undefined {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG)) return 'image/png';
  return undefined;
}

export function checkDocument(bytes: Buffer): DocumentCheck {
  if (bytes.length === 0) return { ok: false, message: 'Le fichier est vide : choisissez un autre fichier.' };
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return { ok: false, message: `Le fichier pèse ${(bytes.length / 1024 / 1024).toFixed(1).replace('.', ',')} Mo : un document ne doit pas dépasser 5 Mo.` };
  }
  const contentType = sniffDocument(bytes);
  if (!contentType) return { ok: false, message: 'Ce fichier n’est pas accepté : envoyez un PDF, une photo JPEG ou une image PNG.' };
  return { ok: true, contentType, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const EXTENSIONS: Record<DocumentType, string[]> = { 'application/pdf': ['pdf'], 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'] };

/**
 * The name a person gave their file, kept as they know it (« Attestation CAF mars.pdf »): only its
 * folders, control characters and excess length go; an extension that does not say what the bytes
 * are gets the right one added. Without a name, `fallback` (the field's label) made safe.
 */
export function documentName(original: string | undefined, fallback: string, contentType: DocumentType): string {
  // Control characters (below a space, and DEL) and double quotes go.
  const kept = [...(original ?? '').split(/[\\/]/).pop()!].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"').join('');
  const base = kept.replace(/\s+/g, ' ').trim();
  if (!base || /^\.+$/.test(base)) return safeFilename(fallback, contentType);
  const ext = /\.([^.]+)$/.exec(base)?.[1]?.toLowerCase();
  const named = ext && EXTENSIONS[contentType].includes(ext) ? base : `${base}.${EXTENSIONS[contentType][0]}`;
  if (named.length <= 150) return named;
  const suffix = named.slice(named.lastIndexOf('.'));
  return `${named.slice(0, 150 - suffix.length).trimEnd()}${suffix}`;
}

/** The content-disposition header of a document: its name as is for browsers (RFC 6266), a plain one for older ones. */
export function attachmentHeader(filename: string): string {
  const plain = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** A file name safe to show and to put in a content-disposition header. */
export function safeFilename(name: string, contentType: DocumentType): string {
  const ext = contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg';
  const base = name.replace(/\.[^.]*$/, '').normalize('NFD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${base || 'document'}.${ext}`;
}
