import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD, demoAgentEmail } from '../../../seed/accounts';
import { seedId } from '../../../seed/ids';
import type { Role } from '../../platform/db/tables';
import { Agent, csrfTokenFrom, passSecondFactor } from '../../../test/support/app';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export type Part = string | { filename: string; type: string; data: Buffer };

/** A multipart/form-data body as a browser sends it, fields in the given order. */
export function multipartBody(fields: Array<[string, Part]>) {
  const boundary = `----guichet${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    if (typeof value === 'string') {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: ${value.type}\r\n\r\n`));
      chunks.push(value.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Signs a demo agent in and keeps the CSRF token of the browser, valid for every form it posts. */
export async function signInWithToken(app: FastifyInstance, role: Role, tenantId: string): Promise<{ agent: Agent; token: string }> {
  const agent = new Agent(app);
  const page = await agent.get('/admin/connexion');
  const token = csrfTokenFrom(page.body);
  const response = await agent.post('/admin/connexion', { _csrf: token, email: demoAgentEmail(role, tenantId), password: DEMO_PASSWORD });
  if (response.statusCode !== 303) throw new Error(`Sign-in as ${role} of ${tenantId} failed: ${response.statusCode}`);
  // Then the second factor, as every agent (enrolled on first sign-in).
  await passSecondFactor(agent, response, demoAgentEmail(role, tenantId));
  return { agent, token };
}

/** Posts a multipart form (the content editor) with the given CSRF token first. */
export function postMultipart(agent: Agent, url: string, token: string, fields: Array<[string, Part]>) {
  const { payload, contentType } = multipartBody([['_csrf', token], ...fields]);
  return agent.request({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
}

export function seededItemId(tenantId: string, kind: 'page' | 'news', slug: string) {
  return seedId('content', tenantId, kind, slug);
}

/** Elements in an HTML page: a cheap stand-in for the DOM size budget. */
export function elementCount(html: string): number {
  return (html.match(/<[a-zA-Z][^>]*>/g) ?? []).length;
}
