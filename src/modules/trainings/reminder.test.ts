/**
 * Issue 15 d.9 for trainings: a person who saved a training (« Enregistrer » on its page) is mailed
 * two days before each of its sessions starts — once, even across a restart (members' reminder job,
 * in-process SMTP of the test support).
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { csrfTokenFrom } from '../../../test/support/app';
import { freshDatabase } from '../../../test/support/database';
import { startTestInbox } from '../../../test/support/mail';
import { createPerson, signInPerson } from '../accounts/test-support';
import { REMINDER_JOB } from '../members';
import type { Training } from './model';
import { insertTrainings, trainingsDb } from './store';

const session = (id: string, start: string, end: string, state: 'ouvert' | 'suspendu' = 'ouvert') => ({ id, start, end, placesLeft: 8, state, enrolUntil: null });
const training: Training = {
  id: 'rappel-cap-boulanger', title: 'CAP Boulanger en un an', objective: 'Devenir boulanger.', content: '', results: '', entryLevel: 3, exitLevel: 3,
  certifying: true, rncp: null, rs: null, url: null, contact: { name: null, phone: null, email: null }, romeCodes: ['D1102'], demo: false,
  organisme: { id: 'rappel-org', name: 'Centre de formation du Scorff', siret: null, activityNumber: null, phone: null, email: null, web: null },
  actions: [{
    id: 'rappel-cap-boulanger-a1', modality: 'presentiel', alternance: false, hours: 800, price: null, publics: [], publicText: '', financers: ['region'],
    place: { address: '3 rue du Port', postalCode: '56100', communeCode: '56121', commune: 'Lorient', latitude: 47.75, longitude: -3.37 },
    housing: '', transport: '', meals: '',
    sessions: [
      session('rappel-s1', '2027-03-10', '2027-07-02'),
      session('rappel-s0', '2027-03-20', '2027-07-12', 'suspendu'),
      session('rappel-s2', '2027-09-06', '2028-01-28'),
    ],
  }],
};

test('a saved training: a reminder two days before each session starts, sent once even across a restart', async (t) => {
  const inbox = await startTestInbox(t);
  const database = await freshDatabase();
  t.after(() => database.close());
  const config = loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent', SMTP_URL: inbox.url });
  await trainingsDb(database.db).transaction().execute((trx) => insertTrainings(trx, 'bretagne', [training]));
  const first = await buildApp({ config, database });
  await first.ready();

  // Saved from its page, as a person does.
  await createPerson(database.db, { email: 'maelle@exemple.fr', name: 'Maëlle' });
  await createPerson(database.db, { email: 'autre@exemple.fr', name: 'Autre' });
  const maelle = await signInPerson(first, 'maelle@exemple.fr');
  const page = await maelle.get(`/orientation/formations/${training.id}`);
  assert.equal(page.statusCode, 200);
  assert.equal((await maelle.post('/mon-compte/favoris', { _csrf: csrfTokenFrom(page.body), type: 'formation', cle: training.id, retour: `/orientation/formations/${training.id}` })).statusCode, 303);

  // Five days before the first session: nothing yet.
  await first.platform.jobs.runNow(REMINDER_JOB, new Date('2027-03-05T08:00:00Z'));
  await first.platform.mailer.drain();
  // A day and a half before: the reminder, with the session's day and place.
  await first.platform.jobs.runNow(REMINDER_JOB, new Date('2027-03-08T12:00:00Z'));
  await first.platform.mailer.drain();
  const mail = await inbox.waitFor('maelle@exemple.fr', /Rappel/);
  assert.match(mail.subject, /CAP Boulanger en un an/);
  assert.match(mail.text, /Cela commence le 10 mars 2027, 3 rue du Port, Lorient\./);
  assert.doesNotMatch(mail.text, /\d{2}:\d{2}/, 'a day, not an hour');
  assert.match(mail.text, /\/orientation\/formations\/rappel-cap-boulanger/);
  assert.match(mail.text, /enregistré cette formation/);
  await first.platform.jobs.runNow(REMINDER_JOB, new Date('2027-03-08T12:15:00Z'));
  await first.platform.mailer.drain();
  await first.close();

  // A restart on the same database: nothing twice; the suspended session is not reminded.
  const second = await buildApp({ config, database });
  t.after(() => second.close());
  await second.ready();
  await second.platform.jobs.runNow(REMINDER_JOB, new Date('2027-03-09T12:00:00Z'));
  await second.platform.jobs.runNow(REMINDER_JOB, new Date('2027-03-18T12:00:00Z'));
  await second.platform.mailer.drain();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const reminders = () => inbox.mails.filter((m) => m.to.includes('maelle@exemple.fr') && /^Rappel/.test(m.subject)).map((m) => m.subject);
  assert.deepEqual(reminders(), ['Rappel : CAP Boulanger en un an, dans deux jours']);

  // Two days before the next session: its own reminder, once.
  await second.platform.jobs.runNow(REMINDER_JOB, new Date('2027-09-04T09:00:00Z'));
  await second.platform.jobs.runNow(REMINDER_JOB, new Date('2027-09-04T09:15:00Z'));
  await second.platform.mailer.drain();
  const next = await inbox.waitFor('maelle@exemple.fr', /Rappel/, 2);
  assert.match(next.text, /6 septembre 2027/);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(reminders().length, 2);
  assert.equal(inbox.mails.filter((m) => m.to.includes('autre@exemple.fr')).length, 0, 'only who saved it');
});
