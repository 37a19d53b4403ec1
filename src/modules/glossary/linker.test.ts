import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLinker, isSigle } from './linker';

const terms = [
  { term: 'QF', slug: 'qf', long_form: 'quotient familial' },
  { term: 'RSA', slug: 'rsa', long_form: 'revenu de solidarité active' },
  { term: 'ROME', slug: 'rome', long_form: 'répertoire opérationnel des métiers et des emplois' },
  { term: 'pièce justificative', slug: 'piece-justificative', long_form: '' },
  { term: 'instruction', slug: 'instruction', long_form: '' },
  { term: 'département', slug: 'departement', long_form: '' },
  { term: 'quotient familial', slug: 'quotient-familial', long_form: '' },
  { term: 'France Services', slug: 'france-services', long_form: '' },
  { term: 'Carif-Oref', slug: 'carif-oref', long_form: '' },
  { term: 'C++ (x)', slug: 'odd', long_form: '' },
];
const link = buildLinker(terms, (slug) => `/glossaire#${slug}`);

test('a sigle is one when it has no lower-case letter', () => {
  assert.equal(isSigle('QF'), true);
  assert.equal(isSigle('RNCP'), true);
  assert.equal(isSigle('Carif-Oref'), false);
  assert.equal(isSigle('FranceConnect'), false);
  assert.equal(isSigle('A'), false);
});

test('the first use of a sigle is linked with its words in an abbr; the next ones are left alone', () => {
  assert.equal(
    link('<p>Votre QF compte. Le QF est calculé.</p>'),
    '<p>Votre <a class="glossary-link" href="/glossaire#qf"><abbr title="quotient familial">QF</abbr></a> compte. Le QF est calculé.</p>',
  );
});

test('a sigle matches only in capitals and as a whole word', () => {
  assert.equal(link('<p>Rome, la ville ; le qf ; QFX ; RSAs.</p>'), '<p>Rome, la ville ; le qf ; QFX ; RSAs.</p>');
  assert.match(link('<p>(RSA)</p>'), /\(<a class="glossary-link" href="\/glossaire#rsa"><abbr title="revenu de solidarité active">RSA<\/abbr><\/a>\)/);
});

test('a word matches in any case, with its accents, in the plural, across spaces, and only whole', () => {
  assert.equal(link('<p>Les Pièces justificatives</p>'), '<p>Les <a class="glossary-link" href="/glossaire#piece-justificative">Pièces justificatives</a></p>');
  assert.equal(link('<p>Le DÉPARTEMENT</p>'), '<p>Le <a class="glossary-link" href="/glossaire#departement">DÉPARTEMENT</a></p>');
  assert.equal(link('<p>les instructions ; instructionnel</p>'), '<p>les <a class="glossary-link" href="/glossaire#instruction">instructions</a> ; instructionnel</p>');
  assert.equal(link('<p>un départementale</p>'), '<p>un départementale</p>');
  assert.equal(link('<p>le carif-oref</p>'), '<p>le <a class="glossary-link" href="/glossaire#carif-oref">carif-oref</a></p>');
  assert.equal(link('<p>France\u00a0Services</p>'), '<p><a class="glossary-link" href="/glossaire#france-services">France\u00a0Services</a></p>');
});

test('the longest term wins where two overlap', () => {
  assert.equal(link('<p>le quotient familial</p>'), '<p>le <a class="glossary-link" href="/glossaire#quotient-familial">quotient familial</a></p>');
});

test('never inside a tag, an attribute, a link, an abbr, code, a heading or a form control', () => {
  const untouched = [
    '<a href="/aides?q=RSA" title="RSA">le RSA</a>',
    '<img alt="QF et RSA" src="/x.png">',
    '<h2 id="instruction">L’instruction</h2>',
    '<code>QF</code>',
    '<pre>le RSA\n<b>QF</b></pre>',
    '<abbr title="revenu de solidarité active">RSA</abbr>',
    '<label for="qf">Votre QF</label>',
    '<button>Voir le RSA</button>',
    '<summary>Le RSA</summary>',
    '<div data-x=">QF<">x</div>',
    '<!-- QF -->',
  ];
  for (const html of untouched) assert.equal(link(html), html, html);
  // After a skipped element (nested the same way), text is linked again.
  assert.equal(
    link('<h2><a href="#">RSA</a> et RSA</h2><p>Le RSA</p>'),
    '<h2><a href="#">RSA</a> et RSA</h2><p>Le <a class="glossary-link" href="/glossaire#rsa"><abbr title="revenu de solidarité active">RSA</abbr></a></p>',
  );
  assert.equal(link('<p>Le <em>QF</em>.<br/>QF</p>'), '<p>Le <em><a class="glossary-link" href="/glossaire#qf"><abbr title="quotient familial">QF</abbr></a></em>.<br/>QF</p>');
});

test('the entry address and the long form are escaped', () => {
  const odd = buildLinker([{ term: 'AB', slug: 'a"b', long_form: '<x> & "y"' }], (slug) => `/g#${slug}`);
  assert.equal(odd('<p>AB</p>'), '<p><a class="glossary-link" href="/g#a&quot;b"><abbr title="&lt;x&gt; &amp; &quot;y&quot;">AB</abbr></a></p>');
});

test('an empty glossary changes nothing; a long page is linked quickly', () => {
  assert.equal(buildLinker([], () => '')('<p>QF</p>'), '<p>QF</p>');
  const page = '<p>Un paragraphe sur le logement, les aides et la famille, avec des mots ordinaires et un <a href="/x">lien</a>.</p>'.repeat(400);
  const start = performance.now();
  for (let i = 0; i < 20; i++) link(page);
  const perPage = (performance.now() - start) / 20;
  assert.ok(perPage < 50, `${perPage.toFixed(1)} ms for ${page.length} characters`);
});
