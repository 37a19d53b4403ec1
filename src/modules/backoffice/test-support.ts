import type { LightMyRequestResponse } from 'fastify';
import { csrfTokenFrom, type Agent } from '../../../test/support/app';

/** Posts a multipart form (CSRF field first, then the file), as a browser sends a file upload. */
export async function uploadFile(
  agent: Agent,
  formPageUrl: string,
  action: string,
  file: { field: string; filename: string; contentType: string; bytes: Buffer | string },
): Promise<LightMyRequestResponse> {
  const page = await agent.get(formPageUrl);
  const boundary = `----guichet${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfTokenFrom(page.body)}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
    ),
    Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return agent.request({ method: 'POST', url: action, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

/** The text of a page without its tags, entities decoded enough for French messages. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** A valid 1×1 PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
