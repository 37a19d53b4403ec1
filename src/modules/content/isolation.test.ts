import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp } from '../../../test/support/app';
import { seededItemId, signInWithToken } from './test-support';

const CONTENT_ADMIN = /^\/admin\/t\/:tenant\/(contenus|menu)/;

test('an agent of another tenant is refused on every content admin route', async (t) => {
  const { app, database } = await buildTestApp(t);
  const routes = app.platform.routes.filter((r) => CONTENT_ADMIN.test(r.url));
  assert.ok(routes.length >= 10, `${routes.length} content admin routes found`);
  for (const route of routes) assert.ok(route.config?.guard?.tenantRole, `${route.method} ${route.url} is guarded`);

  // An administrator of Quimper (the highest role) against Brest's content.
  const { agent, token } = await signInWithToken(app, 'administrateur', 'quimper');
  const brestPage = seededItemId('brest', 'page', 'etat-civil');
  const changes = () => database.db.selectFrom('platform_audit').select('id').where('action', '!=', 'access.cross_tenant_refused').execute();
  const auditBefore = (await changes()).length;
  let refused = 0;
  for (const route of routes) {
    const url = route.url.replace(':tenant', 'brest').replace(':id', brestPage).replace(':version', '1');
    const methods = ([] as string[]).concat(route.method).filter((m) => m === 'GET' || m === 'POST');
    for (const method of methods) {
      const response =
        method === 'GET'
          ? await agent.get(url)
          : await agent.post(url, { _csrf: token, title: 'Pirate', op: 'add', label: 'Pirate', target: 'actualites' });
      assert.equal(response.statusCode, 403, `${method} ${url}`);
      refused += 1;
      assert.match(response.body, /Vous n(&#39;|')êtes pas agent de cette collectivité/, `${method} ${url}`);
      assert.doesNotMatch(response.body, /État civil<\/a><\/td>|Pirate/, `${method} ${url}`);
    }
  }
  const auditAfter = (await changes()).length;
  assert.equal(auditAfter, auditBefore, 'nothing was changed');
  // Each refusal is in Brest's journal.
  const crossings = await database.db.selectFrom('platform_audit').select('id').where('action', '=', 'access.cross_tenant_refused').where('tenant_id', '=', 'brest').execute();
  assert.equal(crossings.length, refused);

  // Not signed in: pages send to the sign-in form, posts are refused.
  const anonymous = new Agent(app);
  const list = await anonymous.get('/admin/t/brest/contenus');
  assert.equal(list.statusCode, 303);
  assert.match(String(list.headers.location), /^\/admin\/connexion\?suite=/);
});

test('through its own tenant, an agent can neither read nor change another tenant’s item or menu', async (t) => {
  const { app, database } = await buildTestApp(t);
  const { agent, token } = await signInWithToken(app, 'editeur', 'quimper');
  const brestPage = seededItemId('brest', 'page', 'etat-civil');
  const brestDraft = seededItemId('brest', 'news', 'brouillon-horaires-d-ete');
  for (const id of [brestPage, brestDraft]) {
    for (const path of ['', '/apercu', '/historique', '/versions/1']) {
      const response = await agent.get(`/admin/t/quimper/contenus/${id}${path}`);
      assert.equal(response.statusCode, 404, path);
      assert.doesNotMatch(response.body, /Brest|horaires d’été/, path);
    }
    for (const path of ['', '/publier', '/depublier', '/versions/1/restaurer']) {
      const response = await agent.post(`/admin/t/quimper/contenus/${id}${path}`, { _csrf: token, title: 'Pirate' });
      assert.equal(response.statusCode, 404, path);
    }
  }
  const brestMenu = await database.db
    .selectFrom('content_menu_entries' as never)
    .select('id' as never)
    .where('tenant_id' as never, '=', 'brest' as never)
    .execute() as Array<{ id: string }>;
  for (const op of ['up', 'down', 'remove', 'rename']) {
    const response = await agent.post('/admin/t/quimper/menu', { _csrf: token, op, entry: brestMenu[0]!.id, [`label-${brestMenu[0]!.id}`]: 'Pirate' });
    assert.equal(response.statusCode, 404, op);
  }
  const add = await agent.post('/admin/t/quimper/menu', { _csrf: token, op: 'add', label: 'Pirate', target: brestPage });
  assert.equal(add.statusCode, 422);

  // Quimper's list shows nothing of Brest; a Brest-only item stays out of it.
  const { agent: brestEditor, token: brestToken } = await signInWithToken(app, 'editeur', 'brest');
  const created = await brestEditor.post('/admin/t/brest/contenus/nouveau?type=page', { _csrf: brestToken, title: 'Spécial Brest rade' });
  assert.equal(created.statusCode, 303);
  const quimperList = await agent.get('/admin/t/quimper/contenus');
  assert.doesNotMatch(quimperList.body, /Spécial Brest rade/);
  assert.doesNotMatch(quimperList.body, new RegExp(brestPage));

  // Nothing changed at Brest: still published, same menu, no audit row by the Quimper agent.
  assert.equal((await new Agent(app).get('/collectivites/brest/pages/etat-civil')).statusCode, 200);
  const audits = await database.db.selectFrom('platform_audit').select('action').where('actor_label', '=', 'Éditeur Quimper').where('action', 'like', '%.%').execute();
  assert.deepEqual(audits.map((a) => a.action).filter((a) => a !== 'auth.sign_in' && a !== 'mfa.enrol'), []);
  // The public space of one tenant never shows another's item.
  assert.equal((await new Agent(app).get('/collectivites/quimper/pages/spécial-brest-rade')).statusCode, 404);
});
