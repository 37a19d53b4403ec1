import type { LightMyRequestResponse } from 'fastify';
import { Agent, csrfTokenFrom } from '../../../test/support/app';
import { APPLICATIONS } from './views/docs';

/** Posts a form with repeated fields (the scopes' checkboxes), with the page's CSRF token. */
export async function postForm(agent: Agent, pageUrl: string, action: string, fields: Array<[string, string]>): Promise<LightMyRequestResponse> {
  const token = csrfTokenFrom((await agent.get(pageUrl)).body);
  return agent.request({ method: 'POST', url: action, payload: new URLSearchParams([['_csrf', token], ...fields]).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

/** The key a page shows once (« Voici la clé »). */
export function keyFrom(html: string): string {
  const key = /value="(gk_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
  if (!key) throw new Error('no key on the page');
  return key;
}

/** Registers an application through « Mes applications » as a browser would; returns its id and key. */
export async function registerApplication(agent: Agent, name: string, scopes: readonly string[], owner?: string): Promise<{ id: string; key: string }> {
  const response = await postForm(agent, APPLICATIONS, APPLICATIONS, [['nom', name], ...scopes.map((s) => ['portees', s] as [string, string]), ...(owner ? [['proprietaire', owner] as [string, string]] : [])]);
  if (response.statusCode !== 201) throw new Error(`registering ${name} failed: ${response.statusCode}`);
  const id = /href="\/developpeurs\/applications\/([0-9a-f-]{36})"/.exec(response.body)?.[1];
  if (!id) throw new Error('no application link on the page');
  return { id, key: keyFrom(response.body) };
}
