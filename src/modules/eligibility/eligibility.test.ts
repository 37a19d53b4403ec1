import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Agent, buildTestApp, csrfTokenFrom } from '../../../test/support/app';
import { personWithPassword } from '../franceconnect/test-support';
import { readProfile, writeCertified, writeDeclared } from '../profile';
import { todayInFrance } from './facts';
import { SituationSchema } from './situation';

/** A birthdate that makes someone `years` old today (and not on their birthday). */
function bornYearsAgo(years: number): string {
  const [y, m, d] = todayInFrance().split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d) - 10 * 86_400_000);
  return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
}

const pathOf = (location: unknown) => String(location ?? '');

describe('eligibility: questionnaire, results, calculation page, API', () => {
  let app: FastifyInstance;
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ({ app } = await buildTestApp({ after: (fn) => void cleanups.push(fn as () => unknown) }));
  });
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** Answers one question page; returns where the questionnaire goes next. */
  async function answer(agent: Agent, href: string, fields: Record<string, string>): Promise<string> {
    const page = await agent.get(href);
    assert.equal(page.statusCode, 200, `${href}: ${page.body.slice(0, 200)}`);
    const action = /<form action="([^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    const response = await agent.post(action, { _csrf: csrfTokenFrom(page.body), ...fields });
    assert.equal(response.statusCode, 303, `${href} ${JSON.stringify(fields)}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    return pathOf(response.headers.location);
  }

  /** Runs the questionnaire with these answers (a question not listed: « je ne sais pas »). */
  async function run(agent: Agent, answers: Record<string, Record<string, string>>): Promise<string[]> {
    const intro = await agent.get('/aides/simulateur');
    assert.equal(intro.statusCode, 200);
    let href = /href="(\/aides\/simulateur\/question\/[^"]+)"/.exec(intro.body)![1]!;
    const asked: string[] = [];
    for (let step = 0; step < 40 && href.startsWith('/aides/simulateur/question/'); step++) {
      const id = href.slice('/aides/simulateur/question/'.length);
      assert.ok(!asked.includes(id), `${id} asked twice`);
      asked.push(id);
      const fields = answers[id] ?? (id.startsWith('t-') ? { reponse: 'ne-sais-pas' } : { action: 'passer' });
      href = await answer(agent, href, { action: 'repondre', ...fields });
    }
    assert.equal(href, '/aides/simulateur/resultats', 'the questionnaire ends on the results');
    return asked;
  }

  async function allPages(agent: Agent, list: string): Promise<string> {
    let html = '';
    for (let page = 1; page < 30; page++) {
      const response = await agent.get(`/aides/simulateur/resultats?liste=${list}&page=${page}`);
      assert.equal(response.statusCode, 200);
      html += response.body;
      if (!response.body.includes('rel="next"')) break;
    }
    return html;
  }

  const student = {
    demandeur: { reponse: 'particulier' },
    commune: { recherche: '35000' },
    age: { reponse: bornYearsAgo(19) },
    situation: { reponse: 'etudiant' },
    boursier: { reponse: 'oui' },
    annee_etude: { reponse: 'licence_2' },
    handicap: { reponse: 'non' },
    quotient_familial: { reponse: '600' },
    revenu_fiscal_par_part: { reponse: '9000' },
    enfants: { reponse: '0' },
  };

  test('a 19-year-old student in Rennes: one question per page, only useful ones, then the results with reasons', async () => {
    const agent = new Agent(app);
    const asked = await run(agent, student);
    assert.equal(asked[0], 'demandeur', 'for whom first: every other question depends on it');
    assert.equal(asked[1], 'commune', 'then where: it decides the most aids');
    assert.ok(asked.length < 25, `${asked.length} questions`);
    assert.ok(!asked.some((id) => id.startsWith('organisation')), 'organisation questions decide no aid for this person');

    // Back: the page of the second question links to the first.
    const second = await agent.get(`/aides/simulateur/question/${asked[1]}`);
    assert.match(second.body, /href="\/aides\/simulateur\/question\/demandeur">Question précédente</);
    const first = await agent.get('/aides/simulateur/question/demandeur');
    assert.match(first.body, /href="\/aides\/simulateur">Question précédente</);

    const results = await agent.get('/aides/simulateur/resultats');
    assert.equal(results.statusCode, 200);
    assert.match(results.body, /Vos résultats/);
    assert.match(results.body, /Rennes \(Ille-et-Vilaine\)/, 'the answers are summed up');
    // Every condition Guichet can check holds: eligible, the informational ones said apart.
    const eligibleFirst = await allPages(agent, 'eligibles');
    assert.match(eligibleFirst, /Aide à la formation au code et au permis de conduire/);
    assert.match(eligibleFirst, /Vous avez 19 ans : cette aide est réservée aux 18–30 ans/);
    assert.match(eligibleFirst, /Vous habitez Rennes \(Ille-et-Vilaine\) : cette aide est réservée aux habitants de Bretagne/);
    assert.match(eligibleFirst, /À vérifier aussi sur la page officielle : les autres conditions décrites par l’organisme/);
    assert.doesNotMatch(eligibleFirst, /Remplissez-vous les autres conditions/);
    const toCheck = await allPages(agent, 'a-verifier');
    assert.doesNotMatch(toCheck, /Aide à la formation au code et au permis de conduire/);
    assert.match(toCheck, /Tarification solidaire transports/);
    assert.match(toCheck, /Vous remplissez les conditions que Guichet peut vérifier/);
    assert.doesNotMatch(toCheck, /Brest métropole.*abonnement/i, 'Brest’s aids are not for Rennes');

    // A real question that belongs to one aid is answered from the results: the aid becomes eligible.
    const link = new RegExp(`href="(/aides/simulateur/question/t-[0-9a-f]{10}\\?aide=rennes-metropole-transport)"`).exec(toCheck.replace(/&amp;/g, '&'));
    assert.ok(link, 'a link answers the aid’s own question');
    assert.equal(await answer(agent, link[1]!, { reponse: 'oui' }), '/aides/simulateur/resultats');
    const eligible = await allPages(agent, 'eligibles');
    assert.match(eligible, /Tarification solidaire transports/);
    assert.match(eligible, /Vous avez répondu oui : le droit et le montant dépendent de vos ressources/);
    assert.match(eligible, /Montant : jusqu’à 1\s500\s€ une fois/);
    assert.match(eligible, /href="https:\/\/www\.bretagne\.bzh\/[^"]*"/, 'the official page');
    assert.match(eligible, /href="\/aides\/bretagne-aide-code-permis\/calcul"/);

    // On request: the aids this person cannot get, with why.
    const refused = await allPages(agent, 'non-eligibles');
    assert.match(refused, /Aide QUALIF Emploi/);
    assert.match(refused, /Vous êtes étudiant ou étudiante : cette aide est pour ces situations : demandeur ou demandeuse d(&#39;|')emploi/);

    // « Comment est-ce calculé ? »: the whole rule, and each leaf for this person.
    const calcul = await agent.get('/aides/bretagne-aide-code-permis/calcul');
    assert.equal(calcul.statusCode, 200);
    assert.match(calcul.body, /Avoir entre 18 et 30 ans/);
    assert.match(calcul.body, /Selon vos réponses, vous avez droit à cette aide/);
    assert.match(calcul.body, /Pour vous : Vous avez 19 ans/);
    const anonymous = await new Agent(app).get('/aides/bretagne-aide-code-permis/calcul');
    assert.match(anonymous.body, /Répondez au questionnaire/);
    assert.doesNotMatch(anonymous.body, /Pour vous :/);
    assert.equal((await new Agent(app).get('/aides/nexiste-pas/calcul')).statusCode, 404);
  });

  test('a retiree in Brest: student questions are skipped; results and refusals say why', async () => {
    const agent = new Agent(app);
    const asked = await run(agent, { demandeur: { reponse: 'particulier' }, commune: { recherche: 'Brest' }, age: { reponse: bornYearsAgo(71) }, situation: { reponse: 'retraite' }, handicap: { reponse: 'non' }, enfants: { reponse: '0' } });
    for (const id of ['boursier', 'annee_etude']) assert.ok(!asked.includes(id), `${id} cannot change a result for a retiree`);
    const toCheck = await allPages(agent, 'a-verifier');
    assert.match(toCheck, /Allocation personnalisée d’autonomie|APA/);
    assert.match(toCheck, /Vous avez 71 ans : cette aide est réservée aux personnes de 60 ans ou plus/);
    assert.match(toCheck, /Vous habitez Brest \(Finistère\)/);
    const refused = await allPages(agent, 'non-eligibles');
    assert.match(refused, /Vous êtes retraité ou retraitée : cette aide est pour ces situations/);
    assert.match(refused, /autres aides ne concernent ni votre commune ni votre âge/);
  });

  test('stop early, bad answers, several communes, « je ne sais pas », start again', async () => {
    const agent = new Agent(app);
    // Several communes share a name prefix: the person chooses.
    const page = await agent.get('/aides/simulateur/question/commune');
    const many = await agent.post('/aides/simulateur/question/commune', { _csrf: csrfTokenFrom(page.body), recherche: 'Saint-M' });
    assert.equal(many.statusCode, 200);
    assert.match(many.body, /Plusieurs communes correspondent/);
    const code = /name="commune" value="([0-9AB]{5})"/.exec(many.body)![1]!;
    // A name typed in full is that commune, not every name it starts: « Quimper » is not « Quimperlé ».
    const other = new Agent(app);
    const otherPage = await other.get('/aides/simulateur/question/commune');
    const quimper = await other.post('/aides/simulateur/question/commune', { _csrf: csrfTokenFrom(otherPage.body), recherche: 'quimper' });
    assert.equal(quimper.statusCode, 303, `Quimper is taken at once: ${quimper.body.slice(0, 0)}`);
    assert.match((await other.get('/aides/simulateur/resultats')).body, /<dt>Commune<\/dt><dd>Quimper \(Finistère\)/);
    const none = await agent.post('/aides/simulateur/question/commune', { _csrf: csrfTokenFrom(page.body), recherche: 'Paris' });
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /Aucune commune de Bretagne ne correspond/);
    assert.match(none.body, /value="Paris"/, 'input kept');
    const chosen = await agent.post('/aides/simulateur/question/commune', { _csrf: csrfTokenFrom(page.body), recherche: 'Saint-M', commune: code });
    assert.equal(chosen.statusCode, 303);
    const next = pathOf(chosen.headers.location);
    assert.match(next, /^\/aides\/simulateur\/question\//);
    // A wrong date: the French message next to the field, the input kept, 422.
    const agePage = await agent.get('/aides/simulateur/question/age');
    const wrong = await agent.post('/aides/simulateur/question/age', { _csrf: csrfTokenFrom(agePage.body), reponse: '31/02/2000' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /Cette date n’est pas valide/);
    assert.match(wrong.body, /aria-describedby="aide-reponse erreur-reponse"/);
    assert.match(wrong.body, /value="31\/02\/2000"/);
    // « Voir mes résultats maintenant » at any time.
    assert.match(agePage.body, /href="\/aides\/simulateur\/resultats">Voir mes résultats maintenant/);
    const results = await agent.get('/aides/simulateur/resultats');
    assert.equal(results.statusCode, 200);
    assert.match(results.body, /Répondre aux questions restantes/);
    // « Je ne sais pas »: not asked again.
    const skipped = await agent.post('/aides/simulateur/question/age', { _csrf: csrfTokenFrom(agePage.body), action: 'passer' });
    assert.doesNotMatch(pathOf(skipped.headers.location), /question\/age$/);
    // Start again: the answers are gone.
    const intro = await agent.get('/aides/simulateur');
    const again = await agent.post('/aides/simulateur/recommencer', { _csrf: csrfTokenFrom(intro.body) });
    assert.equal(again.statusCode, 303);
    assert.equal(agent.hasCookie('guichet_simulateur'), false);
    assert.match((await agent.get('/aides/simulateur')).body, /Commencer/);
    // A forged cookie is ignored.
    const forged = await app.inject({ url: '/aides/simulateur/resultats', headers: { host: 'localhost', cookie: 'guichet_simulateur=AAAA' } });
    assert.equal(forged.statusCode, 200);
    assert.match(forged.body, /Vous n’avez encore rien répondu/);
  });

  test('a signed-in person: answers prefilled from the profile; saved back only with consent, never over certified fields', async () => {
    const { agent, id } = await personWithPassword(app, 'yann.le-goff@exemple.fr', 'Yann Le Goff');
    const db = app.platform.db;
    await writeCertified(db, id, { given_name: 'Yann', family_name: 'Le Goff', birthdate: '1954-03-02', gender: 'male' });
    await writeDeclared(db, id, 'address', { street: '1 place de la Liberté', postal_code: '29200', commune_code: '29019', commune_name: 'Brest' });
    await writeDeclared(db, id, 'situation', 'retraite');
    const intro = await agent.get('/aides/simulateur');
    assert.match(intro.body, /Nous avons repris des informations de votre profil/);
    assert.match(intro.body, /Date de naissance, Commune \(Brest\), Situation/);
    const first = /href="\/aides\/simulateur\/question\/([^"]+)"/.exec(intro.body)![1]!;
    assert.ok(!['commune', 'age', 'situation'].includes(first), `known facts are not asked (${first})`);

    // Changes: another situation, another birthdate (certified in the profile), children.
    await answer(agent, '/aides/simulateur/question/situation', { reponse: 'salarie' });
    await answer(agent, '/aides/simulateur/question/age', { reponse: '02/03/1955' });
    await answer(agent, '/aides/simulateur/question/enfants', { reponse: '2' });
    const results = await agent.get('/aides/simulateur/resultats');
    assert.match(results.body, /J’accepte que Guichet garde dans mon profil : Situation, Enfants à charge\./);
    assert.match(results.body, /Non modifié, car certifié par FranceConnect : Date de naissance/);

    const refused = await agent.post('/aides/simulateur/enregistrer', { _csrf: csrfTokenFrom(results.body) });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Cochez la case/);
    assert.equal((await readProfile(db, id)).situation?.value, 'retraite', 'nothing saved without consent');

    const saved = await agent.post('/aides/simulateur/enregistrer', { _csrf: csrfTokenFrom(results.body), accord: 'oui' });
    assert.equal(saved.statusCode, 303);
    const profile = await readProfile(db, id);
    assert.equal(profile.situation?.value, 'salarie');
    assert.equal(profile.situation?.source, 'declared');
    assert.deepEqual(profile.household?.value, { adults: 1, children: 2 });
    assert.equal(profile.birthdate?.value, '1954-03-02', 'the certified birthdate is untouched');
    assert.equal(profile.birthdate?.source, 'franceconnect');
    assert.equal(profile.address?.value.street, '1 place de la Liberté', 'an unchanged commune keeps the address');
    const audit = await db.selectFrom('platform_audit').select(['details']).where('action', '=', 'profile.update').where('target_id', '=', id).execute();
    assert.deepEqual(audit.map((a) => a.details), [{ fields: ['situation', 'household'], from: 'simulateur' }], 'audited, without the values');
    // A visitor cannot save anything.
    const visitor = new Agent(app);
    const page = await visitor.get('/aides/simulateur/resultats');
    assert.doesNotMatch(page.body, /Garder ces réponses/);
  });

  test('an association in Brest: « pour une organisation », the organisation questions, its aids from the State, the Région, the Finistère and Brest; no aid for people', async () => {
    const agent = new Agent(app);
    const asked = await run(agent, {
      demandeur: { reponse: 'organisation' },
      commune: { recherche: '29200', commune: '29019' },
      organisation_type: { reponse: 'association' },
      organisation_effectif: { reponse: '1' },
      organisation_naf: { reponse: '94.99Z' },
    });
    assert.equal(asked[0], 'demandeur');
    for (const id of ['age', 'situation', 'boursier', 'enfants', 'quotient_familial']) assert.ok(!asked.includes(id), `${id} is not asked for an association`);
    assert.ok(asked.includes('organisation_type'));
    const commune = await agent.get('/aides/simulateur/question/commune');
    assert.match(commune.body, /Dans quelle commune se trouve votre organisation \?/);
    // The activity is chosen in a list of activities in plain words; no NAF code is asked.
    const activity = await agent.get('/aides/simulateur/question/organisation_naf');
    assert.match(activity.body, /Quelle est l’activité principale de votre organisation \?/);
    assert.match(activity.body, /<optgroup label="Associations et autres services"><option value="94.11Z"[^>]*>Organisation patronale ou chambre consulaire<\/option>/);
    assert.match(activity.body, /<option value="94.99Z" selected[^>]*>Autre association \(culture, loisirs, entraide, environnement…\)<\/option>/);
    assert.doesNotMatch(activity.body, /code NAF|94\.99Z\)|Sirene/);
    const typed = await agent.post('/aides/simulateur/question/organisation_naf', { _csrf: csrfTokenFrom(activity.body), reponse: '12.34' });
    assert.equal(typed.statusCode, 422);
    assert.match(typed.body, /Choisissez l’activité de votre organisation dans la liste/);

    const eligible = await allPages(agent, 'eligibles');
    assert.match(eligible, /FDVA – formation des bénévoles/);
    assert.match(eligible, /Votre organisation : association ; cette aide demande d’être une association/);
    assert.match(eligible, /Votre organisation : activité : autre association \(culture, loisirs, entraide, environnement…\) \(94.99Z\) ; cette aide exclut ce cas : avoir une activité parmi : club de sport \(93.12\)/);
    assert.match((await agent.get('/aides/simulateur/resultats')).body, /<dt>Activité<\/dt><dd>Autre association \(culture, loisirs, entraide, environnement…\) \(94.99Z\)/);
    assert.match(eligible, /Dispositif local d’accompagnement/);
    const toCheck = await allPages(agent, 'a-verifier');
    for (const name of [/Fonds pour le développement de la vie associative \(FDVA\) – fonctionnement/, /Emploi associatif d’intérêt régional/, /Finistère : aide aux associations qui font vivre la langue bretonne/, /Ville de Brest : subvention aux associations brestoises/]) assert.match(toCheck, name);
    assert.match(toCheck, /Votre association a-t-elle un numéro RNA et un numéro SIRET \?/);
    // An organisation is addressed as one: it is somewhere, it does not live there.
    assert.match(toCheck, /Votre organisation est à Brest \(Finistère\) : cette aide est réservée aux organisations d/);
    assert.doesNotMatch(eligible + toCheck, /Vous habitez/);
    const everything = eligible + toCheck + (await allPages(agent, 'non-eligibles'));
    assert.doesNotMatch(everything, /Aide à la formation au code et au permis de conduire|Allocation personnalisée d’autonomie/, 'aids for people are not listed for an association');

    // A sports club cannot get the training aid: the NAF code says it, in words.
    await answer(agent, '/aides/simulateur/question/organisation_naf', { reponse: '93.12Z' });
    const refused = await allPages(agent, 'non-eligibles');
    assert.match(refused, /FDVA – formation des bénévoles/);
    assert.match(refused, /Votre organisation : activité : club de sport \(93.12Z\) ; cette aide exclut ce cas : avoir une activité parmi : club de sport \(93.12\)/);
    // Never a stored value in what a person reads.
    assert.doesNotMatch(everything + refused, /etablissement_public|être commune\b|code NAF/);
    assert.match(refused, /aides sont pour les particuliers : elles ne sont pas listées ici/);

    // A person is not shown the associations’ aids; « Comment est-ce calculé ? » explains why.
    const person = new Agent(app);
    await run(person, { demandeur: { reponse: 'particulier' }, commune: { recherche: '29200', commune: '29019' }, age: { reponse: bornYearsAgo(30) } });
    assert.doesNotMatch((await allPages(person, 'a-verifier')) + (await allPages(person, 'eligibles')), /vie associative|FDVA/);
    // No circular question, no sentence that starts in lower case: « confirmer : Selon le simulateur… » is gone.
    const personToCheck = await allPages(person, 'a-verifier');
    assert.doesNotMatch(personToCheck, /confirmer :|Selon le simulateur/);
    assert.match(personToCheck, /Une question propre à cette aide : <a href="\/aides\/simulateur\/question\/t-[0-9a-f]{10}\?aide=[a-z0-9-]+">L’organisme vous a-t-il déjà dit que vous avez droit à cette aide \?<\/a>/);
    const calcul = await person.get('/aides/brest-subvention-associations/calcul');
    assert.match(calcul.body, /Vous cherchez des aides pour vous-même : cette aide est pour les organisations \(associations\)/);

    // A signed-in person whose profile names their association: its type is not asked again.
    const { agent: treasurer, id: treasurerId } = await personWithPassword(app, 'tresoriere@exemple.fr', 'Anne Kerjean');
    await writeDeclared(app.platform.db, treasurerId, 'address', { street: '3 rue de Siam', postal_code: '29200', commune_code: '29019', commune_name: 'Brest' });
    await writeDeclared(app.platform.db, treasurerId, 'organisation', { siret: '73282932000074', type: 'association', name: 'Les Amis du Vélo' });
    const treasurerAsked = await run(treasurer, { demandeur: { reponse: 'organisation' }, commune: { recherche: '29200', commune: '29019' } });
    assert.ok(treasurerAsked.includes('commune'), 'the person’s address is not taken as the association’s');
    assert.ok(!treasurerAsked.includes('organisation_type'), `the type comes from the profile: ${treasurerAsked.join(', ')}`);
    assert.match((await treasurer.get('/aides/simulateur/resultats')).body, /<dt>Type d’organisation<\/dt><dd>Association/);

    // The API tells from the situation itself, or asks.
    const api = async (body: object) => (await app.inject({ method: 'POST', url: '/api/v1/eligibilite', headers: { host: 'localhost' }, payload: body })).json() as { eligibles: Array<{ id: string }>; a_verifier: Array<{ id: string }>; question_suivante: { id: string } | null };
    const association = await api({ commune: '29019', organisation: { type: 'association', effectif: 0, naf: '94.99Z' } });
    assert.ok(association.eligibles.some((r) => r.id === 'fdva-formation-benevoles'));
    assert.ok(!association.eligibles.some((r) => r.id === 'dispositif-local-accompagnement'), 'the DLA is for employers');
    assert.ok(![...association.eligibles, ...association.a_verifier].some((r) => r.id === 'bretagne-aide-code-permis'));
    const unknown = await api({ commune: '29019' });
    assert.equal(unknown.question_suivante?.id, 'demandeur');
    assert.ok(unknown.a_verifier.some((r) => r.id === 'brest-subvention-associations'));
    const counted = (await app.inject({ method: 'POST', url: '/api/v1/eligibilite', headers: { host: 'localhost' }, payload: { demandeur: 'organisation', commune: '29019' } })).json() as { autre_demandeur: number };
    assert.ok(counted.autre_demandeur > 30, 'the aids for people are counted, not listed');
  });

  test('POST /api/v1/eligibilite: lists with reasons and missing questions; problem+json 400 and 422; OpenAPI 3.1', async () => {
    const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/eligibilite', payload: payload as object, headers: { host: 'localhost' } });
    const ok = await post({ age: 19, commune: '35238', situation: 'etudiant', boursier: true, annee_etude: 'licence_2' });
    assert.equal(ok.statusCode, 200);
    type Result = { id: string; raisons: Array<{ phrase: string; statut: string }>; a_verifier_aussi: string[]; questions_manquantes: Array<{ id: string; propre_a_l_aide: boolean }> };
    const body = ok.json() as { a_verifier: Result[]; eligibles: Result[]; non_eligibles: Array<{ id: string }>; lieu: { nom: string }; hors_perimetre: number };
    assert.equal(body.lieu.nom, 'Rennes');
    const permis = body.eligibles.find((a) => a.id === 'bretagne-aide-code-permis')!;
    assert.ok(permis.raisons.some((r) => r.phrase === 'Vous avez 19 ans : cette aide est réservée aux 18–30 ans ✓'));
    assert.deepEqual(permis.a_verifier_aussi, ['Les autres conditions décrites par l’organisme']);
    assert.equal(permis.questions_manquantes.length, 0);
    const transport = body.a_verifier.find((a) => a.id === 'rennes-metropole-transport')!;
    assert.equal(transport.questions_manquantes.length, 1);
    assert.equal(transport.questions_manquantes[0]!.propre_a_l_aide, true);
    assert.ok(body.non_eligibles.some((a) => a.id === 'france-travail-aif'));
    assert.ok(body.hors_perimetre > 0);
    // Answering the aid's question makes it eligible.
    const answered = await post({ age: 19, commune: '35238', situation: 'etudiant', reponses: { [transport.questions_manquantes[0]!.id]: true } });
    assert.ok((answered.json() as { eligibles: Array<{ id: string }> }).eligibles.some((a) => a.id === 'rennes-metropole-transport'));

    const bad = await post({ age: '19', foo: 1, situation: 'astronaute' });
    assert.equal(bad.statusCode, 400);
    assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
    const problem = bad.json() as { code: string; errors: Array<{ pointer: string; detail: string }> };
    assert.deepEqual(problem.errors.map((e) => e.pointer).sort(), ['#/age', '#/foo', '#/situation']);
    assert.ok(problem.errors.every((e) => /[a-zé]/.test(e.detail)));
    const impossible = await post({ commune: '75056', date_naissance: '2999-01-01' });
    assert.equal(impossible.statusCode, 422);
    assert.deepEqual((impossible.json() as { errors: Array<{ pointer: string }> }).errors.map((e) => e.pointer).sort(), ['#/commune', '#/date_naissance']);
    const notJson = await app.inject({ method: 'POST', url: '/api/v1/eligibilite', payload: '[1]', headers: { host: 'localhost', 'content-type': 'application/json' } });
    assert.equal(notJson.statusCode, 400);

    const doc = await app.inject({ url: '/api/v1/openapi.json', headers: { host: 'localhost' } });
    assert.equal(doc.statusCode, 200);
    const openapi = doc.json() as { openapi: string; paths: Record<string, unknown>; components: { schemas: { Situation: { properties: Record<string, unknown> } } } };
    assert.equal(openapi.openapi, '3.1.0');
    assert.ok(openapi.paths['/api/v1/eligibilite'] && openapi.paths['/api/v1/aides']);
    assert.deepEqual(Object.keys(openapi.components.schemas.Situation.properties), Object.keys(SituationSchema.properties), 'the route’s schema is the documented one');
  });
});
