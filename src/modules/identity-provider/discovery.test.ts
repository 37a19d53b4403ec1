import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/support/app';

const ISSUER = 'https://guichet.example.bzh/oidc';

/** Every URL the discovery document publishes (endpoints, JWKS, the issuer itself). */
function publishedUrls(document: Record<string, unknown>): string[] {
  return Object.entries(document)
    .filter(([key, value]) => typeof value === 'string' && (key === 'issuer' || key.endsWith('_endpoint') || key.endsWith('_uri')))
    .map(([, value]) => value as string);
}

for (const trustProxy of [false, true]) {
  test(`the discovery document names the configured issuer only, whatever Host says (TRUST_PROXY=${trustProxy})`, async (t) => {
    const { app } = await buildTestApp(t, { PUBLIC_URL: 'https://guichet.example.bzh', TRUST_PROXY: trustProxy });
    for (const headers of [
      { host: 'evil.example' },
      { host: 'evil.example:8443', 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'http', forwarded: 'host=attacker.example;proto=http' },
    ]) {
      const response = await app.inject({ method: 'GET', url: '/oidc/.well-known/openid-configuration', headers });
      assert.equal(response.statusCode, 200);
      const document = response.json() as Record<string, unknown>;
      assert.equal(document.issuer, ISSUER);
      const urls = publishedUrls(document);
      assert.ok(urls.length >= 5, `endpoints published: ${urls.join(', ')}`);
      for (const url of urls) assert.ok(url.startsWith(`${ISSUER}`) || url === ISSUER, `${url} starts with the issuer`);
      assert.ok(!response.body.includes('evil.example') && !response.body.includes('attacker.example'));
    }
  });
}
