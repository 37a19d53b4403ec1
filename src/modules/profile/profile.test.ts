import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildTestApp, csrfTokenFrom, type Agent } from '../../../test/support/app';
import { personWithPassword } from '../franceconnect/test-support';
import { readProfile, writeCertified } from './store';

describe('/mon-compte/profil', () => {
  let app: FastifyInstance;
  let agent: Agent;
  let id: string;
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ({ app } = await buildTestApp({ after: (fn) => void cleanups.push(fn as () => unknown) }));
    ({ agent, id } = await personWithPassword(app, 'gwenaelle.riou@exemple.fr', 'Gwenaëlle Riou'));
  });
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const submit = async (group: string, fields: Record<string, string>) => {
    const page = await agent.get(`/mon-compte/profil/${group}`);
    assert.equal(page.statusCode, 200, page.body.slice(0, 300));
    return agent.post(`/mon-compte/profil/${group}`, { _csrf: csrfTokenFrom(page.body), ...fields });
  };

  test('a visitor is asked to sign in; a person sees every field, not given yet', async () => {
    const visitor = await app.inject({ method: 'GET', url: '/mon-compte/profil', headers: { host: 'localhost' } });
    assert.equal(visitor.statusCode, 303);
    assert.equal(visitor.headers.location, '/connexion?suite=%2Fmon-compte%2Fprofil');
    const page = await agent.get('/mon-compte/profil');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Prénoms/);
    assert.match(page.body, /Non renseigné/);
    assert.match(page.body, /liez FranceConnect à votre compte/);
  });

  test('address: the postal code offers its communes, then the chosen one is kept', async () => {
    // A postal code of the referential shared by several communes.
    const shared = await sql<{ pc: string }>`
      select pc from (select unnest(postal_codes) as pc from territory_communes) t group by pc having count(*) > 1 order by pc limit 1`.execute(app.platform.db);
    const pc = shared.rows[0]!.pc;
    const first = await submit('adresse', { street: '3 rue des Lilas', postal_code: pc });
    assert.equal(first.statusCode, 422);
    assert.match(first.body, /Plusieurs communes ont le code postal/);
    assert.match(first.body, /value="3 rue des Lilas"/, 'input kept');
    const code = /name="commune_code" value="(\d[0-9AB]\d{3})"/.exec(first.body)![1]!;
    const saved = await agent.post('/mon-compte/profil/adresse', { _csrf: csrfTokenFrom(first.body), street: '3 rue des Lilas', postal_code: pc, commune_code: code });
    assert.equal(saved.statusCode, 303);
    const profile = await readProfile(app.platform.db, id);
    assert.equal(profile.address?.value.commune_code, code);
    assert.equal(profile.address?.source, 'declared');
    // A commune of another postal code is not accepted; a code outside Bretagne is explained.
    const wrong = await submit('adresse', { street: '3 rue des Lilas', postal_code: '75001' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Aucune commune de Bretagne n’a ce code postal/);
    // One commune for the code (Brest): chosen without asking.
    const brest = await submit('adresse', { street: '1 place de la Liberté', postal_code: '29200' });
    assert.equal(brest.statusCode, 303);
    assert.equal((await readProfile(app.platform.db, id)).address?.value.commune_name, 'Brest');
  });

  test('phone, household and situation: French messages next to fields, then saved', async () => {
    const bad = await submit('telephone', { phone: '12 34' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /id="erreur-phone"[^>]*>.*n’est pas un numéro français/s);
    assert.match(bad.body, /value="12 34"/);
    assert.equal((await submit('telephone', { phone: '+33 6 12 34 56 78' })).statusCode, 303);
    assert.equal((await readProfile(app.platform.db, id)).phone?.value, '06 12 34 56 78');
    assert.equal((await submit('foyer', { adults: '0', children: 'deux' })).statusCode, 422);
    assert.equal((await submit('foyer', { adults: '2', children: '1' })).statusCode, 303);
    assert.equal((await submit('situation', { situation: 'astronaute' })).statusCode, 422);
    assert.equal((await submit('situation', { situation: 'etudiant' })).statusCode, 303);
    const page = await agent.get('/mon-compte/profil');
    assert.match(page.body, /2 adultes, 1 enfant/);
    assert.match(page.body, /Étudiant ou étudiante/);
    assert.match(page.body, /Déclaré par vous le/);
  });

  test('organisation: the SIRET check digit is verified and explained', async () => {
    const bad = await submit('organisation', { siret: '732 829 320 00075', type: 'entreprise', name: 'Ar Vag' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /un chiffre est sans doute mal recopié/);
    assert.match(bad.body, /value="732 829 320 00075"/);
    const short = await submit('organisation', { siret: '1234', type: '' });
    assert.match(short.body, /Le numéro SIRET a 14 chiffres/);
    assert.match(short.body, /Choisissez le type d’organisation/);
    assert.equal((await submit('organisation', { siret: '73282932000074', type: 'association', name: 'Ar Vag' })).statusCode, 303);
    assert.deepEqual((await readProfile(app.platform.db, id)).organisation?.value, { siret: '73282932000074', type: 'association', name: 'Ar Vag' });
  });

  test('identity: declared fields are editable, certified ones cannot be changed even by a crafted form', async () => {
    assert.equal((await submit('identite', { given_name: 'Gwenaëlle', family_name: 'Riou', birthdate: '1990-13-01' })).statusCode, 422);
    assert.equal((await submit('identite', { given_name: 'Gwenaëlle', family_name: 'Riou', birthdate: '1990-05-01', gender: 'female' })).statusCode, 303);
    assert.equal((await readProfile(app.platform.db, id)).family_name?.source, 'declared');
    await writeCertified(app.platform.db, id, { given_name: 'Gwenaëlle Marie', family_name: 'Riou', birthdate: '1990-05-01', gender: 'female' });
    const page = await agent.get('/mon-compte/profil/identite');
    assert.doesNotMatch(page.body, /name="given_name"/, 'no input for a certified field');
    const crafted = await agent.post('/mon-compte/profil/identite', { _csrf: csrfTokenFrom(page.body), given_name: 'Pirate', preferred_username: '' });
    assert.equal(crafted.statusCode, 422);
    assert.match(crafted.body, /certifiée par FranceConnect/);
    const profile = await readProfile(app.platform.db, id);
    assert.equal(profile.given_name?.value, 'Gwenaëlle Marie');
    assert.equal(profile.given_name?.source, 'franceconnect');
    const overview = await agent.get('/mon-compte/profil');
    assert.match(overview.body, /Certifié par FranceConnect \(reçu le/);
  });

  test('every change is audited with field names only', async () => {
    const rows = await app.platform.db.selectFrom('platform_audit').select(['action', 'details']).where('actor_id', '=', id).where('action', 'like', 'profile.%').execute();
    assert.ok(rows.length >= 6);
    const text = JSON.stringify(rows);
    assert.match(text, /"fields":\["phone"\]/);
    for (const value of ['06 12 34 56 78', '73282932000074', 'Lilas', 'Riou']) assert.ok(!text.includes(value), `no value (${value}) in the audit`);
  });
});
