/**
 * Issue 16 c.10: « Signaler une erreur » on every public object's page and in the API; the report
 * lands in the producing authority's queue (nouveau → en cours → corrigé | rejeté), the answer is
 * mailed when an address was given; a robot filling the hidden field keeps nothing; counts show
 * on the dataset page; another tenant sees nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Agent, buildTestApp, csrfTokenFrom } from '../../../test/support/app';
import { startTestInbox } from '../../../test/support/mail';
import { signInWithToken } from '../content/test-support';

const reportLink = (html: string) => /<a href="(\/signaler\/[^"]+)" rel="nofollow">Signaler une erreur/.exec(html)?.[1];

test('every public object page links its report form; a report lands in the producer’s queue and its answer is mailed', async (t) => {
  const inbox = await startTestInbox(t);
  const { app } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const db = app.platform.db;
  const aid = (await sql<{ id: string }>`select id from aids where tenant_id = 'brest' and status = 'published' order by id limit 1`.execute(db)).rows[0]!.id;
  const place = (await sql<{ id: string }>`select id::text as id from help_places where tenant_id is null and published order by id limit 1`.execute(db)).rows[0]!.id;
  const event = (await sql<{ id: string }>`select id from agenda_events where tenant_id = 'lorient' order by id limit 1`.execute(db)).rows[0]!.id;
  const training = (await sql<{ id: string }>`select id from trainings_formations order by id limit 1`.execute(db)).rows[0]!.id;
  const news = (await sql<{ slug: string }>`select slug from content_items where tenant_id = 'brest' and kind = 'news' and published_version is not null limit 1`.execute(db)).rows[0]!.slug;
  for (const [url, href] of [
    [`/aides/${aid}`, `/signaler/aides/${aid}`],
    [`/aide-de-proximite/lieux/${place}`, `/signaler/lieux-aide/${place}`],
    [`/agenda/${event}`, `/signaler/evenements-orientation/${event}`],
    [`/orientation/formations/${training}`, `/signaler/formations/${training}`],
    [`/collectivites/brest/actualites/${news}`, undefined],
    ['/collectivites/brest/', '/signaler/collectivites/brest'],
  ] as const) {
    const page = await app.inject({ url });
    assert.equal(page.statusCode, 200, url);
    const link = reportLink(page.body);
    assert.ok(link, `${url} has the link`);
    if (href) assert.equal(link, href);
    assert.equal((await app.inject({ url: link })).statusCode, 200, link);
  }
  assert.equal((await app.inject({ url: '/signaler/aides/nexiste-pas' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/signaler/fiches-metiers/D1102' })).statusCode, 404, 'a dataset without reports');

  // A person reports an error on a Brest aid, without JavaScript: CSRF, a bad input kept, then sent.
  const person = new Agent(app);
  const form = await person.get(`/signaler/aides/${aid}`);
  assert.match(form.body, /<div hidden><label for="champ-site">/);
  const token = csrfTokenFrom(form.body);
  const bad = await person.post(`/signaler/aides/${aid}`, { _csrf: token, message: 'Non', courriel: 'pas-une-adresse' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /id="erreur-message"/);
  assert.match(bad.body, /id="erreur-courriel"/);
  assert.match(bad.body, /value="pas-une-adresse"/);
  assert.equal((await person.post(`/signaler/aides/${aid}`, { message: 'Le montant a changé en 2026.' })).statusCode, 403, 'no CSRF token');
  const sent = await person.post(`/signaler/aides/${aid}`, { _csrf: token, message: 'Le montant a changé en 2026.', courriel: 'lea@example.org', site: '' });
  assert.equal(sent.statusCode, 200);
  assert.match(sent.body, /Merci, votre signalement est envoyé/);
  // A robot fills the hidden field: same answer, nothing kept.
  const robot = await person.post(`/signaler/aides/${aid}`, { _csrf: token, message: 'Buy cheap watches now', courriel: '', site: 'http://spam.example' });
  assert.match(robot.body, /Merci, votre signalement est envoyé/);

  // The API: problem+json in French, then 201.
  const missing = await app.inject({ method: 'POST', url: '/api/v1/signalements', payload: { jeu: 'aides', objet: 'rien', message: 'Faux.' } });
  assert.equal(missing.statusCode, 404);
  assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
  const invalid = await app.inject({ method: 'POST', url: '/api/v1/signalements', payload: { jeu: 'lieux-aide', objet: place, message: '' } });
  assert.equal(invalid.statusCode, 422);
  assert.ok(invalid.json().errors.message);
  const created = await app.inject({ method: 'POST', url: '/api/v1/signalements', payload: { jeu: 'lieux-aide', objet: place, message: 'Ce lieu a déménagé.' } });
  assert.equal(created.statusCode, 201);
  assert.equal(created.json().statut, 'nouveau');

  const rows = await sql<{ tenant_id: string; dataset_id: string; message: string }>`select tenant_id, dataset_id, message from opendata_reports order by created_at`.execute(db);
  assert.deepEqual(rows.rows, [
    { tenant_id: 'brest', dataset_id: 'aides', message: 'Le montant a changé en 2026.' },
    { tenant_id: 'bretagne', dataset_id: 'lieux-aide', message: 'Ce lieu a déménagé.' },
  ], 'platform data goes to the portal’s authority; the robot left nothing');
  assert.match((await app.inject({ url: '/donnees/aides--brest' })).body, /Nouveau : 1/);

  // Brest's editor handles it: en cours, then corrigé with an answer mailed to the reporter.
  const { agent, token: agentToken } = await signInWithToken(app, 'editeur', 'brest');
  const queue = await agent.get('/admin/t/brest/signalements');
  assert.equal(queue.statusCode, 200);
  const detailHref = /href="(\/admin\/t\/brest\/signalements\/[0-9a-f-]{36})"/.exec(queue.body)![1]!;
  const detail = await agent.get(detailHref);
  assert.match(detail.body, /lea@example\.org/);
  assert.equal((await agent.post(detailHref, { _csrf: agentToken, statut: 'rejete', reponse: '' })).statusCode, 422, 'a rejection says why');
  assert.equal((await agent.post(detailHref, { _csrf: agentToken, statut: 'en_cours', reponse: '' })).statusCode, 303);
  assert.equal((await agent.post(detailHref, { _csrf: agentToken, statut: 'nouveau', reponse: '' })).statusCode, 422, 'no way back');
  assert.equal((await agent.post(detailHref, { _csrf: agentToken, statut: 'corrige', reponse: 'Le montant est mis à jour.' })).statusCode, 303);
  const mail = await inbox.waitFor('lea@example.org', /Erreur corrigée/);
  assert.match(mail.text, /Le montant est mis à jour\./);
  assert.match(mail.text, new RegExp(`/aides/${aid}`));
  assert.match((await app.inject({ url: '/donnees/aides--brest' })).body, /Corrigé : 1/);
  const journal = await sql<{ action: string }>`select action from platform_audit where target_type = 'data_report' order by seq`.execute(db);
  assert.deepEqual(journal.rows.map((r) => r.action), ['opendata.report_read', 'opendata.report_read', 'opendata.report_handled', 'opendata.report_read', 'opendata.report_handled']);

  // Isolation: Quimper's editor neither lists nor opens nor changes Brest's report.
  const other = await signInWithToken(app, 'editeur', 'quimper');
  assert.doesNotMatch((await other.agent.get('/admin/t/quimper/signalements')).body, /signalements\/[0-9a-f-]{36}/);
  assert.equal((await other.agent.get(detailHref)).statusCode, 403);
  const id = detailHref.split('/').pop()!;
  assert.equal((await other.agent.get(`/admin/t/quimper/signalements/${id}`)).statusCode, 404);
  assert.equal((await other.agent.post(`/admin/t/quimper/signalements/${id}`, { _csrf: other.token, statut: 'rejete', reponse: 'Non.' })).statusCode, 404);
});

test('the report form is rate limited per address (429 in French)', async (t) => {
  const { app } = await buildTestApp(t);
  const person = new Agent(app);
  const form = await person.get('/signaler/collectivites/brest');
  const token = csrfTokenFrom(form.body);
  const answers = [];
  for (let i = 0; i < 11; i++) answers.push(await person.post('/signaler/collectivites/brest', { _csrf: token, message: `Le numéro de téléphone est faux (${i}).` }));
  assert.deepEqual(answers.slice(0, 10).map((a) => a.statusCode), Array(10).fill(200));
  assert.equal(answers[10]!.statusCode, 429);
  assert.match(answers[10]!.body, /Trop de tentatives/);
  assert.ok(Number(answers[10]!.headers['retry-after']) > 0);
});
