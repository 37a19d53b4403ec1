import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, signInAs } from '../../../test/support/app';
import { audit } from '../../platform/audit/audit';
import { JOURNAL_PAGE_SIZE } from './journal.store';
import { textOf } from './test-support';

const PAGE = '/admin/t/brest/journal';

test('the journal shows the tenant’s own entries, paginated and filtered by action', async (t) => {
  const { app, database } = await buildTestApp(t);
  // Signing in is audited in the tenant's journal too (auth.sign_in, mfa.enrol): counted first.
  const admin = await signInAs(app, 'administrateur', 'brest');
  const before = (await database.db.selectFrom('platform_audit').select('id').where('tenant_id', '=', 'brest').execute()).length;
  for (let i = 0; i < JOURNAL_PAGE_SIZE + 5; i++) {
    await audit(database.db, { action: 'content.update', actorLabel: `Rédactrice ${i}`, tenantId: 'brest', details: { title: `Page ${i}` } });
  }
  await audit(database.db, { action: 'branding.update', actorLabel: 'Administratrice', tenantId: 'brest', targetType: 'tenant', details: { changed: ['accent_color', 'name'] } });
  await audit(database.db, { action: 'content.update', actorLabel: 'Agent de Quimper', tenantId: 'quimper', details: { title: 'Secret de Quimper' } });

  const first = await admin.get(PAGE);
  assert.equal(first.statusCode, 200);
  const text = textOf(first.body);
  assert.match(text, new RegExp(`${before + JOURNAL_PAGE_SIZE + 6} actions enregistrées, page 1 sur 2`));
  assert.match(text, /Administratrice Identité visuelle modifiée Couleur principale, Nom de la collectivité/);
  assert.doesNotMatch(text, /Quimper/);
  assert.match(first.body, /href="\/admin\/t\/brest\/journal\?page=2" rel="next"/);
  assert.equal((first.body.match(/<tr>/g) ?? []).length, JOURNAL_PAGE_SIZE + 1);

  const second = await admin.get(`${PAGE}?page=2`);
  assert.equal(second.statusCode, 200);
  assert.match(textOf(second.body), /page 2 sur 2/);
  assert.match(textOf(second.body), /Rédactrice 0 Contenu modifié Page 0/);
  assert.doesNotMatch(textOf(second.body), /Secret de Quimper/);
  assert.equal((await admin.get(`${PAGE}?page=3`)).statusCode, 404);

  const filtered = await admin.get(`${PAGE}?action=branding.update`);
  assert.match(textOf(filtered.body), /1 action enregistrée de type « Identité visuelle modifiée »/);
  assert.doesNotMatch(textOf(filtered.body), /Rédactrice/);
  assert.match(filtered.body, /<option value="branding.update" selected>/);
  // An action of another tenant only: nothing, even when asked for.
  const other = await admin.get(`${PAGE}?action=${encodeURIComponent("x' or 1=1 --")}`);
  assert.equal(other.statusCode, 200);
  assert.match(textOf(other.body), new RegExp(`${before + JOURNAL_PAGE_SIZE + 6} actions enregistrées`));

  const editor = await signInAs(app, 'editeur', 'brest');
  assert.equal((await editor.get(PAGE)).statusCode, 403);
});
