import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, signInAs } from '../../../test/support/app';
import { demoAgentEmail } from '../../../seed/accounts';
import { audit } from '../../platform/audit/audit';
import { createPerson } from '../accounts/test-support';
import { postMultipart, signInWithToken } from '../content/test-support';
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

test('the journal names each actor for what they are: a person, an agent with their role, the platform operator, the system; an applicant is not an agent', async (t) => {
  const { app, database } = await buildTestApp(t);
  const idOf = async (email: string) => (await database.db.selectFrom('platform_accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const applicant = await createPerson(database.db, { email: 'camille.demandeuse@example.fr', name: 'Camille Demandeuse' });
  const instructeur = await idOf(demoAgentEmail('instructeur', 'brest'));
  const operator = await idOf(demoAgentEmail('administrateur', 'bretagne'));
  const person = { id: applicant, label: 'Camille Demandeuse', ip: null };
  await audit(database.db, { action: 'applications.submit', actor: person, tenantId: 'brest', targetType: 'application', targetId: 'x', details: { reference: 'BR-2026-000001' } });
  await audit(database.db, { action: 'applications.view', actor: { id: instructeur, label: 'Ines Instructrice', ip: null }, tenantId: 'brest', targetType: 'account', targetId: applicant, details: { reference: 'BR-2026-000001' } });
  await audit(database.db, { action: 'profile.update', actor: { id: instructeur, label: 'Ines Instructrice', ip: null }, tenantId: 'brest', targetType: 'account', targetId: applicant });
  await audit(database.db, { action: 'profile.update', actor: { id: operator, label: 'Olivier Opérateur', ip: null }, tenantId: 'brest', targetType: 'account', targetId: instructeur });
  await audit(database.db, { action: 'aid.import_applied', tenantId: 'brest' });

  const admin = await signInAs(app, 'administrateur', 'brest');
  const rows = [...(await admin.get(PAGE)).body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => textOf(m[1]!).trim());
  const row = (pattern: RegExp) => rows.find((r) => pattern.test(r)) ?? '';
  assert.match(row(/Demande d’aide déposée/), /Camille Demandeuse Personne \(usager\) Demande d’aide déposée Demande BR-2026-000001/);
  assert.match(row(/Demande d’aide consultée/), /Ines Instructrice Agent, instructeur Demande d’aide consultée Demande BR-2026-000001/);
  assert.match(row(/Olivier/), /Olivier Opérateur Opérateur de la plateforme .* Compte d’agent/);
  assert.match(row(/Ines Instructrice Agent, instructeur Profil modifié/), /Profil modifié Compte d’une personne$/);
  assert.match(row(/Import d’aides appliqué/), /à \d\d:\d\d Système Import d’aides appliqué$/);
  assert.doesNotMatch(rows.join('\n'), /Camille Demandeuse[^\n]*Compte d’agent|BR-2026-000001[^\n]*Compte d’agent/);
});

test('the « Sur » column names the object acted on: the aid, the page or news item by their titles, in the journal and on the home page', async (t) => {
  const { app, database } = await buildTestApp(t);
  const { agent: editor, token } = await signInWithToken(app, 'editeur', 'brest');
  assert.equal((await editor.post('/admin/t/brest/aides/brest-subvention-associations/depublier', { _csrf: token })).statusCode, 303);
  const created = await postMultipart(editor, '/admin/t/brest/contenus/nouveau?type=actualite', token, [
    ['title', 'Fête de la musique à Brest'],
    ['slug', ''],
    ['summary', 'Concerts dans les quartiers.'],
    ['body', 'Des concerts partout.'],
    ['tags', 'culture'],
  ]);
  assert.equal(created.statusCode, 303, created.body.slice(0, 300));
  const itemUrl = String(created.headers.location).replace(/\?.*$/, '');
  assert.equal((await editor.post(`${itemUrl}/publier`, { _csrf: token })).statusCode, 303);
  // A row written before the journal kept names: its kind and address at least.
  await audit(database.db, { action: 'aid.update', actorLabel: 'Ancienne ligne', tenantId: 'brest', targetType: 'aid', targetId: 'brest-aide-ancienne', details: { part: 'fiche' } });
  await audit(database.db, { action: 'content.publish', actorLabel: 'Ancienne ligne', tenantId: 'brest', targetType: 'content_item', targetId: 'x', details: { kind: 'news', slug: 'vieille-actualite' } });
  // Old rows about objects that still exist: named from their current titles, within this tenant only.
  const itemId = itemUrl.split('/').at(-1)!;
  await audit(database.db, { action: 'aid.update', actorLabel: 'Ligne sans titre', tenantId: 'brest', targetType: 'aid', targetId: 'brest-subvention-associations', details: { part: 'fiche' } });
  await audit(database.db, { action: 'content.update', actorLabel: 'Ligne sans titre', tenantId: 'brest', targetType: 'content_item', targetId: itemId, details: { kind: 'news', slug: 'fete-de-la-musique' } });
  await audit(database.db, { action: 'aid.publish', actorLabel: 'Ligne sans titre', tenantId: 'brest', targetType: 'aid', targetId: 'bretagne-aide-code-permis', details: {} });


  const admin = await signInAs(app, 'administrateur', 'brest');
  const rows = [...(await admin.get(PAGE)).body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => textOf(m[1]!).trim());
  const row = (pattern: RegExp) => rows.find((r) => pattern.test(r)) ?? '';
  assert.match(row(/Aide dépubliée/), /Aide dépubliée Ville de Brest : subvention aux associations brestoises$/);
  assert.match(row(/Éditeur.*Contenu créé/), /Contenu créé Fête de la musique à Brest$/);
  assert.match(row(/Éditeur.*Contenu publié/), /Contenu publié Fête de la musique à Brest$/);
  assert.match(row(/Ancienne ligne .*Aide modifiée/), /Aide « brest-aide-ancienne »$/);
  assert.match(row(/Ancienne ligne .*Contenu publié/), /Actualité « vieille-actualite »$/);
  assert.match(row(/Ligne sans titre .*Aide modifiée/), /Aide « Ville de Brest : subvention aux associations brestoises »$/);
  assert.match(row(/Ligne sans titre .*Contenu modifié/), /Actualité « Fête de la musique à Brest »$/);
  assert.match(row(/Ligne sans titre .*Aide publiée/), /Aide « bretagne-aide-code-permis »$/, 'another authority’s aid is not named from its title');
  const home = textOf((await admin.get('/admin/t/brest/')).body);
  assert.match(home, /Aide modifiée \(Aide « Ville de Brest : subvention aux associations brestoises »\)/, 'the home page names old rows too');
  assert.match(home, /Contenu publié \(Fête de la musique à Brest\)/);
});

test('« Sur » names every kind of object that still exists, from its id alone: an event, a place, a selection, a job sheet’s note; a glossary term is a term', async (t) => {
  const { app, database } = await buildTestApp(t);
  const db = database.db;
  // An authority with an agenda event; one of the seeded places made its own.
  const event = (await sql<{ id: string; title: string; tenant_id: string }>`select id, title, tenant_id from agenda_events order by id limit 1`.execute(db)).rows[0];
  assert.ok(event, 'the demo has an event');
  const tenant = event.tenant_id;
  await sql`update help_places set tenant_id = ${tenant} where id = (select id from help_places order by id limit 1)`.execute(db);
  const place = (await sql<{ id: string; name: string }>`select id::text as id, name from help_places where tenant_id = ${tenant} order by id limit 1`.execute(db)).rows[0];
  const fiche = (await sql<{ label: string }>`select label from orientation_fiches where code = 'D1102'`.execute(db)).rows[0];
  assert.ok(place && fiche, 'a place of that authority and the sheet D1102');
  const selection = '6f1c1a52-6c1e-4c53-9d0e-6d8f3f0b2a11';
  await sql`insert into members_selections (id, tenant_id, title) values (${selection}, ${tenant}, 'Métiers du soin')`.execute(db);
  const row = (targetType: string, targetId: string, details: Record<string, unknown> = {}) => audit(db, { action: `${targetType}.old`, actorLabel: `Ancienne ligne ${targetType}`, tenantId: tenant, targetType, targetId, details });
  await row('agenda_event', event.id);
  await row('help_place', place.id, { kind: 'france_services' });
  await row('selection', selection, { kind: 'metier', key: 'D1102' });
  await row('orientation_note', 'D1102', { version: 2 });
  await row('glossary_term', '00000000-0000-4000-8000-000000000002', { scope: tenant, term: 'QF' });
  // An agenda event of another authority is not named from this journal.
  const foreign = (await sql<{ id: string }>`select id from agenda_events where tenant_id <> ${tenant} order by id limit 1`.execute(db)).rows[0];
  if (foreign) await audit(db, { action: 'agenda_event.foreign', actorLabel: 'Ligne étrangère', tenantId: tenant, targetType: 'agenda_event', targetId: foreign.id });

  const admin = await signInAs(app, 'administrateur', tenant);
  const rows = [...(await admin.get(`/admin/t/${tenant}/journal`)).body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => textOf(m[1]!).trim());
  const sur = (label: string) => rows.find((r) => r.includes(label)) ?? '';
  assert.match(sur('Ancienne ligne agenda_event'), new RegExp(`Événement « ${escape(event.title)} »$`));
  assert.match(sur('Ancienne ligne help_place'), new RegExp(`Lieu « ${escape(place.name)} »$`));
  assert.match(sur('Ancienne ligne selection'), /Sélection « Métiers du soin »$/);
  assert.match(sur('Ancienne ligne orientation_note'), new RegExp(`Mot sur la fiche « ${escape(fiche.label)} » \\(D1102\\)$`));
  assert.match(sur('Ancienne ligne glossary_term'), /Terme « QF »$/);
  if (foreign) assert.match(sur('Ligne étrangère'), /Événement$/);
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
