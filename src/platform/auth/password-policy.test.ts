import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPasswordPolicy } from './password-policy';

const owner = { email: 'marie.dupont@exemple.fr', name: 'Marie' };

test('the password policy refuses short, common and personal passwords in plain French', () => {
  assert.match(checkPasswordPolicy('court', owner)!, /au moins 12 caractères \(vous en avez saisi 5\)/);
  for (const common of ['motdepasse123', 'azertyuiop123', '123456789012', 'soleil soleil soleil', 'bonjourbonjour']) {
    assert.match(checkPasswordPolicy(common, owner) ?? 'accepté', /trop courant ou trop facile à deviner/, common);
  }
  for (const personal of ['marie.dupont1234', 'Dupont des Landes 29', 'MARIE est la meilleure']) {
    assert.match(checkPasswordPolicy(personal, owner) ?? 'accepté', /ni votre nom ni votre adresse électronique/, personal);
  }
  assert.match(checkPasswordPolicy('x'.repeat(201), owner)!, /200 caractères au maximum/);
});

test('the password policy accepts a passphrase of unrelated words', () => {
  for (const good of ['trois chats gris sur le quai', 'le phare de la pointe du raz', 'Guichet-demo-2026']) {
    assert.equal(checkPasswordPolicy(good, owner), null, good);
  }
  // A short identifier (2 letters) is not a reason to refuse everything that contains it.
  assert.equal(checkPasswordPolicy('trois chats gris sur le quai', { email: 'ai@exemple.fr' }), null);
});
