import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { buildTestApp } from '../../../test/support/app';

/** Opening tags in the HTML: what EcoIndex counts as DOM elements. */
function elementCount(html: string): number {
  return (html.match(/<[a-zA-Z][^>]*>/g) ?? []).length;
}

function places(html: string): string[] {
  return [...html.matchAll(/<li class="help-place">([\s\S]*?)<\/li>\s*(?=<li class="help-place">|<\/ol>)/g)].map((m) => m[1]!);
}

describe('GET /aide-de-proximite', () => {
  let app: FastifyInstance;
  let db: Kysely<PlatformTables>;
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ({ app, database: { db } } = await buildTestApp({ after: (fn) => void cleanups.push(fn as () => unknown) }));
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'localhost' } });

  test('without a search: the form, the warning about old data, the sources and the départements', async () => {
    const response = await get('/aide-de-proximite');
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /<title>Trouver de l’aide près de chez moi – Région Bretagne – Guichet<\/title>/);
    assert.match(html, /<form method="get" action="\/aide-de-proximite"/);
    assert.match(html, /<label for="champ-commune">Commune ou code postal/);
    assert.match(html, /la liste des France Services\s+date de 2020/);
    assert.match(html, /2022 et 2023/);
    assert.match(html, /Sources des données/);
    assert.match(html, /Agence nationale de la cohésion des territoires/);
    assert.match(html, /href="\/sources#aide-de-proximite"/);
    for (const code of ['22', '29', '35', '56']) assert.match(html, new RegExp(`href="/aide-de-proximite\\?departement=${code}"`));
    assert.match(html, /Vous êtes ici/);
  });

  test('by département: only that département, France Services filter, tel: links and pages', async () => {
    const response = await get('/aide-de-proximite?departement=29');
    assert.equal(response.statusCode, 200);
    const found = places(response.body);
    assert.equal(found.length, 10);
    for (const place of found) assert.match(place, /(, |<p>)29\d{3} /, 'every place is in Finistère');
    assert.match(response.body, /lieux trouvés dans le département Finistère \(29\)/);
    assert.match(response.body, /href="tel:\+332\d{8}"/);
    assert.match(response.body, /informations de (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20(19|2\d)/);
    assert.match(response.body, /Page 1 sur \d+/);
    assert.match(response.body, /href="\/aide-de-proximite\?departement=29&amp;page=2" rel="next"/);
    assert.ok(elementCount(response.body) <= 500, `DOM of ${elementCount(response.body)} elements`);

    const second = await get('/aide-de-proximite?departement=29&page=2');
    assert.match(second.body, /Page 2 sur/);
    assert.notDeepEqual(places(second.body), found);

    const onlyFs = await get('/aide-de-proximite?departement=22&type=france_services');
    assert.equal(onlyFs.statusCode, 200);
    assert.match(onlyFs.body, /5 lieux trouvés dans le département Côtes-d&#39;Armor \(22\)|5 lieux trouvés dans le département Côtes-d'Armor \(22\)/);
    for (const place of places(onlyFs.body)) assert.match(place, /France Services/);
  });

  test('a page past the end shows the last page', async () => {
    const response = await get('/aide-de-proximite?departement=22&page=999');
    assert.equal(response.statusCode, 200);
    const pages = /Page (\d+) sur (\d+)/.exec(response.body);
    assert.ok(pages && pages[1] === pages[2]);
    assert.ok(places(response.body).length > 0);
  });

  test('by commune name: places in the commune first, then the nearest, with distances', async () => {
    const response = await get('/aide-de-proximite?commune=quimper');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /lieux trouvés près de Quimper \(29\)/);
    const found = places(response.body);
    assert.match(found[0]!, /Dans la commune/);
    assert.ok(found.some((p) => /France Services PIMMS Quimper/.test(p)));
    assert.match(response.body, /Distances à vol d’oiseau/);
    assert.match(response.body, /value="quimper"/, 'the input is kept');
    // A commune spelt without accents or hyphens, with "St" for "Saint".
    const saintBrieuc = await get('/aide-de-proximite?commune=st%20brieuc');
    assert.equal(saintBrieuc.statusCode, 200);
    assert.match(saintBrieuc.body, /près de Saint-Brieuc \(22\)/);
  });

  test('by postal code: the communes with that code', async () => {
    const response = await get('/aide-de-proximite?commune=29000');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /près de Quimper \(29\)/);
    const far = await get('/aide-de-proximite?commune=35000');
    assert.match(far.body, /près de Rennes \(35\)/);
    const nearRennes = places(far.body);
    assert.ok(nearRennes.every((p) => /Dans la commune|à (moins de 1|environ \d+)\skm/.test(p)));
  });

  test('a commune with no help place is placed by its postal code, else by its intercommunality', async () => {
    // Saint-Gondran (35630) has no help place in the data, but Hédé-Bazouges, same postal code, has.
    const byPostalCode = await get('/aide-de-proximite?commune=Saint-Gondran');
    assert.equal(byPostalCode.statusCode, 200);
    assert.match(byPostalCode.body, /près de Saint-Gondran \(35\)/);
    assert.match(byPostalCode.body, /Cette commune n’a pas de lieu d’aide dans ces données. Distances à vol d’oiseau depuis les lieux de son code postal/);
    assert.ok(places(byPostalCode.body).length > 0);

    const lonely = await sql<{ name: string; departement_code: string }>`
      select name, departement_code from territory_communes c
      where not exists (select 1 from help_places p where p.commune_code = c.code or p.postal_code = any(c.postal_codes))
        and epci_code is not null
      order by population desc nulls last limit 1`.execute(db);
    const commune = lonely.rows[0]!;
    const byEpci = await get(`/aide-de-proximite?commune=${encodeURIComponent(commune.name)}&departement=${commune.departement_code}`);
    assert.equal(byEpci.statusCode, 200);
    assert.match(byEpci.body, /Distances à vol d’oiseau depuis le centre des lieux de son intercommunalité/);
    assert.doesNotMatch(byEpci.body, /Dans la commune/);
    assert.ok(places(byEpci.body).length > 0);
  });

  test('homonyms: the département decides', async () => {
    const ambiguous = await get('/aide-de-proximite?commune=Plouhinec');
    assert.equal(ambiguous.statusCode, 422);
    assert.match(ambiguous.body, /Plusieurs communes de Bretagne s&#39;appellent Plouhinec|Plusieurs communes de Bretagne s'appellent Plouhinec/);
    const precise = await get('/aide-de-proximite?commune=Plouhinec&departement=56');
    assert.equal(precise.statusCode, 200);
    assert.match(precise.body, /près de Plouhinec \(56\)/);
  });

  test('an unknown commune: a French message next to the field, the input kept, suggestions', async () => {
    const response = await get('/aide-de-proximite?commune=Rennnes');
    assert.equal(response.statusCode, 422);
    const html = response.body;
    assert.match(html, /<title>Erreur : Trouver de l’aide/);
    assert.match(html, /class="error-summary"/);
    assert.match(html, /<a href="#champ-commune">Commune ou code postal : Nous ne trouvons pas de commune « Rennnes »/);
    assert.match(html, /<p class="field__error" id="erreur-commune">[\s\S]*?Nous ne trouvons pas de commune « Rennnes » en Bretagne/);
    assert.match(html, /id="champ-commune" name="commune" type="text" value="Rennnes"[^>]*aria-invalid="true"/);
    assert.match(html, /Vouliez-vous dire/);
    assert.match(html, /href="\/aide-de-proximite\?commune=Rennes&amp;departement=35">Rennes \(35\)/);
    assert.equal(places(html).length, 0);
  });

  test('other bad input: short postal code, unknown postal code, unknown département or type', async () => {
    const short = await get('/aide-de-proximite?commune=350');
    assert.equal(short.statusCode, 422);
    assert.match(short.body, /Un code postal a 5 chiffres/);
    const unknown = await get('/aide-de-proximite?commune=75001');
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /Aucune commune de Bretagne n&#39;a le code postal 75001|Aucune commune de Bretagne n'a le code postal 75001/);
    const departement = await get('/aide-de-proximite?departement=75');
    assert.equal(departement.statusCode, 422);
    assert.match(departement.body, /Choisissez un département de Bretagne dans la liste/);
    const type = await get('/aide-de-proximite?type=mairie&commune=%3Cscript%3E');
    assert.equal(type.statusCode, 422);
    assert.match(type.body, /Choisissez un type de lieu dans la liste/);
    assert.doesNotMatch(type.body, /<script>/, 'what was typed is escaped');
    const wrongDepartement = await get('/aide-de-proximite?commune=Brest&departement=35');
    assert.equal(wrongDepartement.statusCode, 422);
    assert.match(wrongDepartement.body, /La commune Brest n&#39;est pas dans ce département|La commune Brest n'est pas dans ce département/);
  });
});
