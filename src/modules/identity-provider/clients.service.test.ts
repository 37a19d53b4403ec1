// The addresses a public client (mobile or desktop application) may be sent back to: RFC 8252.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicRedirectUriProblem, validateClient } from './clients.service';

test('RFC 8252 redirect URIs: a reverse-domain scheme, loopback IP literals in http, claimed https', () => {
  for (const accepted of ['bzh.guichet.monappli:/retour', 'fr.ville-brest.demarches:/oauth2redirect', 'http://127.0.0.1/retour', 'http://[::1]:8080/retour', 'https://app.exemple.fr/retour']) {
    assert.equal(publicRedirectUriProblem(accepted), undefined, accepted);
  }
  const refused: Array<[string, RegExp]> = [
    ['monappli:/retour', /nom de domaine à l’envers/],
    ['http://localhost/retour', /127\.0\.0\.1 plutôt que localhost/],
    ['http://exemple.fr/retour', /seules les adresses de cet ordinateur/],
    ['https://127.0.0.1/retour', /utilisez http:\/\/127\.0\.0\.1/],
    ['javascript:alert(1)', /n'est pas accepté/],
    ['data:text/html,x', /n'est pas accepté/],
    ['file:///etc/passwd', /n'est pas accepté/],
    ['bzh.guichet.monappli:/retour#x', /« # »/],
    ['pas une adresse', /n'est pas une adresse complète/],
  ];
  for (const [value, message] of refused) assert.match(publicRedirectUriProblem(value) ?? '', message, value);
});

test('a public client takes RFC 8252 addresses, a confidential one keeps the web rules; the type cannot change', () => {
  const base = { name: 'Appli', post_logout_redirect_uris: '', scopes: ['demarches:lecture'] };
  const mobile = validateClient({ ...base, auth_method: 'none', redirect_uris: 'bzh.guichet.monappli:/retour' });
  assert.deepEqual(mobile.errors, {});
  assert.equal(mobile.valid?.authMethod, 'none');
  assert.deepEqual(mobile.valid?.scopes, ['openid', 'demarches:lecture']);
  const web = validateClient({ ...base, auth_method: 'client_secret_basic', redirect_uris: 'bzh.guichet.monappli:/retour' });
  assert.match(web.errors.redirect_uris ?? '', /https:\/\//);
  assert.match(validateClient({ ...base, auth_method: 'none', redirect_uris: 'http://127.0.0.1/r' }, 'client_secret_post').errors.auth_method ?? '', /nouvelle application/);
  assert.match(validateClient({ ...base, auth_method: 'client_secret_post', redirect_uris: 'https://a.fr/r' }, 'none').errors.auth_method ?? '', /nouvelle application/);
  assert.match(validateClient({ ...base, auth_method: 'plain', redirect_uris: 'https://a.fr/r' }).errors.auth_method ?? '', /façons proposées/);
});
