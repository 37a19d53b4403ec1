import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoAids } from '../../../seed/aids';
import type { Aid, Condition } from '../aids';
import { decisive, evaluateAid, evaluateCondition, nextQuestion, sentence, type Truth } from './engine';
import { ageOn, textQuestionId, type Facts, type Place } from './facts';
import { semanticErrors, structuralErrors, toFacts } from './situation';
import { parseAnswer } from './questions';
import { seal, unseal, emptyState } from './state';

const QUIMPER: Place = { commune: '29232', communeName: 'Quimper', epci: '242900694', epciName: 'Quimper Bretagne Occidentale', departement: '29', departementName: 'Finistère', region: '53', regionName: 'Bretagne' };
const RENNES: Place = { commune: '35238', communeName: 'Rennes', epci: '243500139', epciName: 'Rennes Métropole', departement: '35', departementName: 'Ille-et-Vilaine', region: '53', regionName: 'Bretagne' };

const T: Condition = { type: 'age', min: 0 }; // true for any known age
const F: Condition = { type: 'age', max: 0 }; // false for age 19
const U: Condition = { type: 'boursier' }; // unknown (boursier not given)
const facts: Facts = { age: 19 };
const value = (c: Condition, f: Facts = facts): Truth => evaluateCondition(c, f, 'x').value;
const name = (v: Truth) => String(v);

test('three-valued logic: all, any and not over true, false and unknown (Kleene truth tables)', () => {
  const atoms: Array<[Condition, Truth]> = [[T, true], [F, false], [U, undefined]];
  for (const [a, va] of atoms) {
    assert.equal(value({ type: 'not', condition: a }), va === undefined ? undefined : !va, `not(${name(va)})`);
    for (const [b, vb] of atoms) {
      const and = va === false || vb === false ? false : va === undefined || vb === undefined ? undefined : true;
      const or = va === true || vb === true ? true : va === undefined || vb === undefined ? undefined : false;
      assert.equal(value({ type: 'all', conditions: [a, b] }), and, `all(${name(va)}, ${name(vb)})`);
      assert.equal(value({ type: 'any', conditions: [a, b] }), or, `any(${name(va)}, ${name(vb)})`);
    }
  }
  // Unknown propagates only where it can change the result; missing questions follow.
  const e = evaluateCondition({ type: 'all', conditions: [U, { type: 'any', conditions: [U, T] }, { type: 'situation', values: ['etudiant'] }] }, facts, 'x');
  assert.equal(e.value, undefined);
  assert.deepEqual(e.missing.map((q) => q.id), ['boursier', 'situation'], 'any(unknown, true) is true: asks nothing');
  assert.deepEqual(evaluateCondition({ type: 'all', conditions: [U, F] }, facts, 'x').missing, [], 'a decided node asks nothing');
});

test('age: bounds are inclusive, the birthday counts on its day, unknown asks the age', () => {
  const c: Condition = { type: 'age', min: 16, max: 25 };
  for (const [age, expected] of [[15, false], [16, true], [25, true], [26, false]] as const) assert.equal(value(c, { age }), expected, `${age} ans`);
  assert.equal(value(c, {}), undefined);
  assert.deepEqual(evaluateCondition(c, {}, 'x').missing, [{ id: 'age' }]);
  assert.equal(ageOn('2006-05-10', '2026-05-09'), 19);
  assert.equal(ageOn('2006-05-10', '2026-05-10'), 20);
  assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
  assert.equal(evaluateCondition(c, { age: 19 }, 'x').text, 'Vous avez 19 ans : cette aide est réservée aux 16–25 ans');
  assert.equal(sentence(evaluateCondition(c, { age: 19 }, 'x')), 'Vous avez 19 ans : cette aide est réservée aux 16–25 ans ✓');
  assert.equal(evaluateCondition({ type: 'age', min: 60 }, { age: 19 }, 'x').text, 'Vous avez 19 ans : cette aide est réservée aux personnes de 60 ans ou plus');
});

test('residence at each level: commune, EPCI, département, région, and not(…)', () => {
  const at = (level: 'commune' | 'epci' | 'departement' | 'region', codes: string[], names: string[]): Condition => ({ type: 'residence', level, codes, names });
  const cases: Array<[Condition, Truth, Truth]> = [
    [at('commune', ['29232'], ['Quimper']), true, false],
    [at('epci', ['242900694'], ['Quimper Bretagne Occidentale']), true, false],
    [at('departement', ['29'], ['Finistère']), true, false],
    [at('departement', ['22', '35'], ['Côtes-d’Armor', 'Ille-et-Vilaine']), false, true],
    [at('region', ['53'], ['Bretagne']), true, true],
  ];
  for (const [c, quimper, rennes] of cases) {
    assert.equal(value(c, { place: QUIMPER }), quimper, `${JSON.stringify(c)} Quimper`);
    assert.equal(value(c, { place: RENNES }), rennes, `${JSON.stringify(c)} Rennes`);
    assert.equal(value(c, {}), undefined);
  }
  const finistere = evaluateCondition(at('departement', ['29'], ['Finistère']), { place: QUIMPER }, 'x');
  assert.equal(sentence(finistere), 'Vous habitez Quimper (Finistère) : cette aide est réservée aux habitants du Finistère ✓');
  const excluded = evaluateCondition({ type: 'not', condition: at('epci', ['242900694'], ['Quimper Bretagne Occidentale']) }, { place: QUIMPER }, 'x');
  assert.equal(sentence(excluded), 'Vous habitez Quimper (Finistère) : cette aide n’est pas pour les habitants de Quimper Bretagne Occidentale ✗');
  assert.equal(sentence(evaluateCondition(at('commune', ['29151'], ['Le Relecq-Kerhuon']), { place: QUIMPER }, 'x')), 'Vous habitez Quimper (Finistère) : cette aide est réservée aux habitants du Relecq-Kerhuon ✗');
});

test('each other leaf: situation (and handicap), income (with the period), boursier, study level, diploma, household, organisation, text', () => {
  const sit: Condition = { type: 'situation', values: ['etudiant', 'handicap'] };
  assert.equal(value(sit, { situation: 'etudiant' }), true);
  assert.equal(value(sit, { situation: 'salarie', handicap: true }), true);
  assert.equal(value(sit, { situation: 'salarie', handicap: false }), false);
  assert.deepEqual(evaluateCondition(sit, { situation: 'salarie' }, 'x').missing, [{ id: 'handicap' }]);
  assert.deepEqual(evaluateCondition(sit, {}, 'x').missing, [{ id: 'situation' }, { id: 'handicap' }]);

  const qf: Condition = { type: 'income', basis: 'quotient_familial', max: 700, period: 'month' };
  assert.equal(value(qf, { income: { quotient_familial: 700 } }), true);
  assert.equal(value(qf, { income: { quotient_familial: 701 } }), false);
  assert.deepEqual(evaluateCondition(qf, {}, 'x').missing, [{ id: 'quotient_familial' }]);
  const yearly: Condition = { type: 'income', basis: 'quotient_familial', max: 8400, period: 'year' };
  assert.equal(value(yearly, { income: { quotient_familial: 700 } }), true, '700 a month is 8,400 a year');
  assert.match(evaluateCondition(yearly, { income: { quotient_familial: 701 } }, 'x').text, /soit 8\s412\s€ par an/);

  assert.equal(sentence(evaluateCondition({ type: 'boursier' }, { boursier: false }, 'x')), 'Vous n’êtes pas boursier ou boursière : cette aide est réservée aux élèves et étudiants boursiers ✗');
  const study: Condition = { type: 'study_level', values: ['licence_1', 'licence_2'] };
  assert.equal(value(study, { studyLevel: 'licence_2' }), true);
  assert.equal(value(study, { studyLevel: 'master_1' }), false);
  assert.equal(value(study, { studyLevel: 'aucune' }), false);
  const diploma: Condition = { type: 'diploma', min: '4', max: '6' };
  assert.deepEqual([value(diploma, { diploma: '3' }), value(diploma, { diploma: '4' }), value(diploma, { diploma: '6' }), value(diploma, { diploma: '7' })], [false, true, true, false]);
  const kids: Condition = { type: 'household', children_min: 2 };
  assert.deepEqual([value(kids, { children: 1 }), value(kids, { children: 2 }), value(kids, {})], [false, true, undefined]);
  assert.equal(evaluateCondition({ type: 'household' }, { children: 0 }, 'x').text, 'Vous n’avez pas d’enfant à charge : cette aide demande au moins 1 enfant à charge');
  const org: Condition = { type: 'organisation', kinds: ['association'], naf: ['94'], headcount_max: 10 };
  assert.equal(value(org, { organisation: { kind: 'association', naf: '94.99Z', headcount: 3 } }), true);
  assert.equal(value(org, { organisation: { kind: 'association', naf: '62.01Z', headcount: 3 } }), false);
  assert.equal(value(org, { organisation: { kind: 'entreprise' } }), false, 'a known wrong kind decides even with the rest unknown');
  assert.deepEqual(evaluateCondition(org, { organisation: { kind: 'association' } }, 'x').missing.map((q) => q.id), ['organisation_naf', 'organisation_effectif']);

  const text: Condition = { type: 'text', text: 'Être en service civique', question: 'Êtes-vous en service civique ?', origin: 'aides-jeunes:profil:service_civique' };
  const id = textQuestionId(text, 'a');
  assert.equal(id, textQuestionId(text, 'b'), 'a question about the person is shared by every aid');
  const own: Condition = { type: 'text', text: 'Remplir les autres conditions', origin: 'aides-jeunes:conditions' };
  assert.notEqual(textQuestionId(own, 'a'), textQuestionId(own, 'b'), 'a question about the aid is per aid');
  assert.equal(value(text, { answers: { [id]: true } }), true);
  assert.equal(value(text, { answers: { [id]: false } }), false);
  assert.equal(value(text, { answers: { [id]: null } }), undefined, '« je ne sais pas » stays to check');
  assert.deepEqual(evaluateCondition(text, {}, 'a').missing, [{ id, text, perAid: false }]);
});

function aid(eligibility: Condition, extra: Partial<Aid> = {}): Aid {
  return {
    id: 'test-aid',
    name: 'Aide de test',
    summary: 'Une aide pour tester.',
    porteur: { name: 'Département du Finistère', kind: 'departement' },
    audiences: ['jeune'],
    themes: ['mobilite'],
    aid_types: ['subvention'],
    territory: { scope: 'local', areas: [{ level: 'departement', code: '29', name: 'Finistère' }] },
    dates: { permanent: true },
    recurrence: 'permanente',
    documents: [],
    link: 'https://example.org/aide',
    last_verified: '2026-01-01',
    amount: { max: 500, unit: '€', period: 'once' },
    eligibility,
    ...extra,
  };
}

test('an aid: status, decisive reasons, missing questions, amount, closed aids', () => {
  const rule: Condition = {
    type: 'all',
    conditions: [
      { type: 'age', min: 16, max: 25 },
      { type: 'residence', level: 'departement', codes: ['29'], names: ['Finistère'] },
      { type: 'any', conditions: [{ type: 'boursier' }, { type: 'income', basis: 'quotient_familial', max: 700, period: 'month' }] },
    ],
  };
  const ok = evaluateAid(aid(rule), { age: 19, place: QUIMPER, boursier: true }, '2026-05-01');
  assert.equal(ok.status, 'eligible');
  assert.deepEqual(ok.reasons.map(sentence), [
    'Vous avez 19 ans : cette aide est réservée aux 16–25 ans ✓',
    'Vous habitez Quimper (Finistère) : cette aide est réservée aux habitants du Finistère ✓',
    'Vous êtes boursier ou boursière : cette aide est réservée aux élèves et étudiants boursiers ✓',
  ]);
  assert.equal(ok.amount, 'jusqu’à 500\u00a0€ une fois');
  const unsure = evaluateAid(aid(rule), { age: 19, place: QUIMPER }, '2026-05-01');
  assert.equal(unsure.status, 'to_check');
  assert.deepEqual(unsure.missing.map((q) => q.id), ['boursier', 'quotient_familial']);
  const no = evaluateAid(aid(rule), { age: 30, place: RENNES }, '2026-05-01');
  assert.equal(no.status, 'not_eligible');
  assert.deepEqual(no.reasons.map((e) => e.value), [false, false], 'only what fails is given as the reason');
  assert.deepEqual(no.missing, []);
  const closed = evaluateAid(aid(rule, { dates: { permanent: false, closing: '2026-01-31' } }), { age: 19, place: QUIMPER, boursier: true }, '2026-05-01');
  assert.equal(closed.status, 'not_eligible');
  assert.match(closed.reasons[0]!.text, /closes depuis le 31\/01\/2026/);
  assert.equal(decisive(evaluateCondition({ type: 'any', conditions: [F, T, T] }, facts, 'x')).length, 1, 'any: the first true branch');
});

test('the next question is the missing fact shared by the most undecided aids; « je ne sais pas » and per-aid ones are not asked', () => {
  const a = evaluateAid(aid({ type: 'all', conditions: [{ type: 'boursier' }, { type: 'age', min: 16 }] }), {}, '2026-05-01');
  const b = evaluateAid(aid({ type: 'age', min: 18 }, { id: 'b' }), {}, '2026-05-01');
  const c = evaluateAid(aid({ type: 'text', text: 'Autres conditions', origin: 'aides-jeunes:conditions' }, { id: 'c' }), {}, '2026-05-01');
  const order = ['commune', 'age', 'boursier'];
  assert.equal(nextQuestion([a, b, c], new Set(), order)?.id, 'age');
  assert.equal(nextQuestion([a, b, c], new Set(['age']), order)?.id, 'boursier');
  assert.equal(nextQuestion([a, b, c], new Set(['age', 'boursier']), order), undefined, 'only a per-aid question is left: stop');
  const decided = evaluateAid(aid({ type: 'age', min: 18 }), { age: 30 }, '2026-05-01');
  assert.equal(nextQuestion([decided], new Set(), order), undefined, 'every aid decided: stop');
});

test('every seeded aid evaluates without error for an empty, a young and a retired situation', () => {
  const people: Facts[] = [{}, { age: 19, place: RENNES, situation: 'etudiant', boursier: true, studyLevel: 'licence_2' }, { age: 70, place: QUIMPER, situation: 'retraite', income: { quotient_familial: 900 } }];
  for (const { aid: a } of demoAids()) {
    for (const f of people) {
      const r = evaluateAid(a, f, '2026-05-01');
      assert.ok(r.reasons.length + r.notes.length > 0, a.id);
      assert.equal(r.status === 'to_check', r.missing.length > 0, `${a.id}: to check exactly when questions remain`);
      for (const e of r.reasons) assert.ok(e.text.length > 10 && !e.text.includes('undefined'), `${a.id}: ${e.text}`);
    }
  }
});

test('situations: schema errors with pointers, impossible values, facts; the questionnaire’s parsing; the sealed cookie', () => {
  assert.deepEqual(Object.keys(structuralErrors({ age: 'x', foo: 1, situation: 'astronaute' })).sort(), ['age', 'foo', 'situation']);
  assert.deepEqual(structuralErrors({ age: 19, commune: '35238', reponses: { 't-0123456789': null } }), {});
  assert.deepEqual(Object.keys(semanticErrors({ date_naissance: '2026-02-30' }, '2026-05-01')), ['date_naissance']);
  assert.deepEqual(Object.keys(semanticErrors({ date_naissance: '2006-05-10', age: 25 }, '2026-05-01')), ['age']);
  assert.equal(toFacts({ date_naissance: '2006-05-10' }, undefined, '2026-05-01').age, 19);
  const parsed = parseAnswer('age', '10/05/2006', {}, '2026-05-01');
  assert.deepEqual(parsed, { ok: true, situation: { date_naissance: '2006-05-10' } });
  assert.equal(parseAnswer('age', '31/02/2006', {}, '2026-05-01').ok, false);
  assert.equal(parseAnswer('quotient_familial', '650,50 €', {}, '2026-05-01').ok, true);
  assert.equal(parseAnswer('situation', 'astronaute', {}, '2026-05-01').ok, false);
  const state = { ...emptyState(), situation: { age: 19, handicap: true } };
  const sealed = seal(state, 'secret');
  assert.ok(!sealed.includes('handicap') && !Buffer.from(sealed, 'base64url').toString('latin1').includes('handicap'), 'not readable');
  assert.deepEqual(unseal(sealed, 'secret')?.situation, state.situation);
  assert.equal(unseal(sealed, 'another secret'), undefined, 'not forgeable');
  assert.equal(unseal(`${sealed.slice(0, -2)}AA`, 'secret'), undefined, 'not alterable');
  assert.equal(unseal(sealed, 'secret', Date.now() + 5 * 3600_000), undefined, 'expires after 4 hours');
});

test('an informational text (blocking: false) never decides: eligible when the rest holds, said « à vérifier aussi »; a blocking one is asked', () => {
  const info: Condition = { type: 'text', text: 'Les autres conditions décrites par l’organisme', blocking: false };
  const real: Condition = { type: 'text', text: 'Être en service civique', question: 'Êtes-vous en service civique ?', origin: 'x:service-civique' };
  const rule: Condition = { type: 'all', conditions: [{ type: 'age', min: 16, max: 25 }, info] };
  const yes = evaluateAid(aid(rule), { age: 19 }, '2026-05-01');
  assert.equal(yes.status, 'eligible');
  assert.deepEqual(yes.reasons.map(sentence), ['Vous avez 19 ans : cette aide est réservée aux 16–25 ans ✓']);
  assert.deepEqual(yes.notes, ['Les autres conditions décrites par l’organisme']);
  assert.deepEqual(yes.missing, []);
  const no = evaluateAid(aid(rule), { age: 30 }, '2026-05-01');
  assert.equal(no.status, 'not_eligible');
  assert.deepEqual(no.notes, []);
  const unknown = evaluateAid(aid(rule), {}, '2026-05-01');
  assert.equal(unknown.status, 'to_check');
  assert.deepEqual(unknown.missing.map((q) => q.id), ['age']);
  assert.deepEqual(unknown.notes, ['Les autres conditions décrites par l’organisme'], 'shown with the aids to check too');
  const civic = evaluateAid(aid({ type: 'all', conditions: [{ type: 'age', min: 16, max: 25 }, real, info] }), { age: 19 }, '2026-05-01');
  assert.equal(civic.status, 'to_check', 'a real question stays to check');
  assert.equal(civic.missing.length, 1);
  assert.equal(civic.missing[0]!.text?.question, 'Êtes-vous en service civique ?');
  const alone = evaluateAid(aid(info), {}, '2026-05-01');
  assert.equal(alone.status, 'eligible', 'an aid with no condition but information is for everyone in its territory');
  assert.deepEqual(alone.reasons, []);
});

test('an activity chosen broader than a NAF condition stays to check, and is not asked again', () => {
  const bakeries: Condition = { type: 'organisation', naf: ['10.71'] };
  const industry = evaluateCondition(bakeries, { requester: 'organisation', organisation: { naf: '10' } } as Facts, 'x');
  assert.equal(industry.value, undefined);
  assert.deepEqual(industry.missing, [], 'the same list would not tell more');
  assert.match(industry.text, /Votre organisation : activité : industrie alimentaire .*\(10\) ; cette aide demande d’avoir une activité parmi : code NAF 10.71|Votre organisation : activité : industrie alimentaire/);
  const unknown = evaluateCondition(bakeries, { requester: 'organisation', organisation: {} } as Facts, 'x');
  assert.deepEqual(unknown.missing.map((q) => q.id), ['organisation_naf']);
  const sport = evaluateCondition({ type: 'not', condition: { type: 'organisation', naf: ['93.12'] } }, { requester: 'organisation', organisation: { naf: '93.12Z' } } as Facts, 'x');
  assert.equal(sport.value, false);
});
