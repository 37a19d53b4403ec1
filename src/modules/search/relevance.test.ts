/**
 * Relevance: real queries as people type them (accents left out, plurals, typos) with the result
 * that must come first or among the first three. Run on both engines like every test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp } from '../../../test/support/app';

type Expect = { query: string; top: number; id?: string; title?: RegExp; type?: string; corrected?: string };

const CASES: Expect[] = [
  { query: 'permis de conduire', top: 3, id: 'bretagne-aide-code-permis' },
  { query: 'permis conduire', top: 3, id: 'bretagne-aide-code-permis' },
  { query: 'Permis De Conduire', top: 3, id: 'bretagne-aide-code-permis' },
  { query: 'permsi de condure', top: 3, id: 'bretagne-aide-code-permis', corrected: 'permis de conduire' },
  // Stemming alone finds these (no correction needed).
  { query: 'permi de conduir', top: 3, id: 'bretagne-aide-code-permis' },
  { query: 'conduire', top: 3, id: 'bretagne-aide-code-permis' },
  { query: 'france services quimper', top: 1, title: /France Services .*Quimper/ },
  { query: 'bourse permis vannes', top: 1, id: 'ville-de-vannes-bourse-au-permis' },
  { query: 'apa finistere', top: 1, id: 'apa-departement-finistere' },
  { query: 'APA Finistère', top: 1, id: 'apa-departement-finistere' },
  { query: 'etat civil brest', top: 1, title: /État civil/ },
  { query: 'inscription scolaire brest', top: 1, title: /Inscriptions scolaires/ },
  { query: 'brest metropole', top: 1, id: 'brest-metropole' },
  { query: 'rennes metropole', top: 1, id: 'rennes-metropole' },
  { query: 'quimper', top: 1, id: 'quimper' },
  { query: 'vannes', top: 1, id: 'vannes' },
  { query: 'lorient', top: 1, id: 'lorient' },
  { query: 'saint-brieuc', top: 1, id: 'saint-brieuc' },
  { query: 'saint brieuc', top: 1, id: 'saint-brieuc' },
  { query: 'finistère', top: 1, id: 'finistere' },
  { query: 'finistere', top: 1, id: 'finistere' },
  { query: 'lycees', top: 3, id: 'bourse-lycee' },
  { query: 'lycée', top: 3, id: 'bourse-lycee' },
  { query: 'breizhgo', top: 1, id: 'region-bretagne-abonnement-breizhgo' },
  { query: 'transports breizhgo', top: 2, title: /Transports|BreizhGo/i },
  { query: 'pass culture', top: 1, id: 'pass-culture' },
  { query: 'pass cultur', top: 1, id: 'pass-culture' },
  { query: 'fonds solidarite logement', top: 3, id: 'fsl-departement-finistere' },
  { query: 'fsl', top: 3, id: 'fsl-departement-finistere' },
  { query: 'bafa', top: 3, id: 'ville-de-vannes-aide-bafa-bafd-bsb' },
  { query: 'covoiturage', top: 3, id: 'cohesion-territoires-aide-covoiturage-du-quotidien' },
  { query: 'covoiturrage', top: 3, id: 'cohesion-territoires-aide-covoiturage-du-quotidien' },
  { query: 'velo electrique', top: 3, title: /vélo électrique/i },
  { query: 'velo', top: 1, id: 'bonus-velo-etat' },
  { query: 'bonus velo', top: 1, id: 'bonus-velo-etat' },
  { query: 'etudiant', top: 3, id: 'seances-sante-psy-etudiant' },
  { query: 'étudiants', top: 3, id: 'seances-sante-psy-etudiant' },
  { query: 'handicap', top: 3, id: 'aah' },
  { query: 'garde enfant', top: 1, id: 'agepi' },
  { query: 'erasmus', top: 1, id: 'union-europeenne-bourse-erasmus' },
  { query: 'médiation numérique', top: 3, title: /./ },
  { query: 'contrat engagement jeune', top: 1, id: 'contrat-engagement-jeune' },
  // Acronyms and everyday words (search_synonyms): the words typed are not in the object.
  { query: 'rsa', top: 10, id: 'rsa' }, // after the départements' « RSA et insertion » pages and the national sheet
  { query: 'RSA', top: 10, id: 'rsa' },
  { query: 'aah', top: 3, id: 'aah' },
  { query: 'mutuelle', top: 3, title: /complémentaire santé/i },
  { query: 'chômage', top: 5, title: /./ },
  { query: 'caisse allocations familiales', top: 10, id: 'af' },
  // National procedures of service-public.fr (seed/data/service-public), below local objects at equal relevance.
  { query: "carte d'identité", top: 3, type: 'demarche', title: /^Carte d'identité/ },
  { query: 'carte identite', top: 3, type: 'demarche', title: /^Carte d'identité/ },
  { query: 'passeport', top: 3, type: 'demarche', title: /^Passeport/ },
  { query: 'acte de naissance', top: 3, id: 'F1427' },
  { query: 'casier judiciaire', top: 3, type: 'demarche', title: /casier judiciaire/i },
  { query: 'recensement militaire', top: 3, id: 'F870' },
  { query: 'permis de conduire', top: 1, type: 'demarche', title: /^Permis de conduire$/ },
  // ROME 4.0 job sheets (seed/data/rome), by their feminine or masculine names.
  { query: 'boulangère', top: 3, type: 'metier', id: 'D1102' },
  { query: 'boulanger', top: 3, type: 'metier', id: 'D1102' },
  { query: 'infirmière', top: 3, type: 'metier', title: /^Infirmier \/ Infirmière/ },
  { query: 'aide-soignante', top: 3, type: 'metier', title: /Aide-soignant/ },
  // Singular and plural, with and without accents, alike (word-forms.ts).
  { query: 'vélos', top: 1, id: 'bonus-velo-etat' },
  { query: 'velos electriques', top: 3, title: /vélo électrique/i },
];

test('relevance: real queries give the expected first results', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const misses: string[] = [];
  for (const c of CASES) {
    const res = await agent.get(`/api/v1/recherche?q=${encodeURIComponent(c.query)}`);
    assert.equal(res.statusCode, 200);
    const body = JSON.parse(res.body) as { corrigee: string | null; resultats: Array<{ id: string; type: string; titre: string }> };
    const first = body.resultats.slice(0, c.top);
    const found = first.some((r) => (c.id === undefined || r.id === c.id) && (c.title === undefined || c.title.test(r.titre)) && (c.type === undefined || r.type === c.type));
    if (!found) misses.push(`« ${c.query} » : attendu ${c.id ?? c.title} parmi ${c.top}, obtenu ${first.map((r) => r.id).join(', ') || 'rien'}`);
    if (c.corrected !== undefined && body.corrigee !== c.corrected) misses.push(`« ${c.query} » : corrigé en ${body.corrigee}, attendu ${c.corrected}`);
  }
  assert.deepEqual(misses, []);
});

test('a word that exists is never « corrected », and a far-off word is not forced onto another', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const body = async (q: string) => JSON.parse((await agent.get(`/api/v1/recherche?q=${encodeURIComponent(q)}`)).body) as { corrigee: string | null; total: number };
  assert.equal((await body('permis')).corrigee, null);
  assert.equal((await body('demenagement')).corrigee, null);
  assert.equal((await body('xqzwv')).total, 0);
});
