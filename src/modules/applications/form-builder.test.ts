import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { createPerson, signInPerson } from '../accounts/test-support';
import { checkForm, FIELD_TYPES, type FormDefinition } from './form';
import { fieldNameFrom, sectionIdFrom } from './form-builder';
import { applicationsDb, formOf } from './store';

const TENANT = 'brest';

/** The text of the error the page shows beside an input (`erreur-<name>`). */
function errorBeside(html: string, name: string): string | undefined {
  const match = new RegExp(`<p class="field__error" id="erreur-${name}">(.*?)</p>`, 's').exec(html);
  return match?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').replace(/^ ?Erreur : /, '').trim();
}

test('technical names come from labels: accents dropped, unique, never reserved', () => {
  assert.equal(fieldNameFrom('Date de naissance', new Set()), 'date_de_naissance');
  assert.equal(fieldNameFrom('Prénom', new Set(['prenom'])), 'prenom_2');
  assert.equal(fieldNameFrom('1er enfant', new Set()), 'champ_1er_enfant');
  assert.equal(fieldNameFrom('', new Set()), 'champ');
  assert.equal(fieldNameFrom('x'.repeat(60), new Set()).length, 40);
  assert.equal(sectionIdFrom('Où verser l’aide ?', new Set()), 'ou-verser-l-aide');
  assert.equal(sectionIdFrom('Vérification', new Set()), 'verification-2');
  assert.equal(sectionIdFrom('Déposer', new Set()), 'deposer-2');
});

test('an éditeur builds an application form by sections and fields; the person’s form is what was built', async (t) => {
  const { app, database } = await buildTestApp(t);
  const db = applicationsDb(database.db);
  const withForms = (await db.selectFrom('application_forms').select('aid_id').execute()).map((r) => r.aid_id);
  const aid = await db
    .withTables<{ aids: { id: string; tenant_id: string; status: string } }>()
    .selectFrom('aids')
    .select('id')
    .where('tenant_id', '=', TENANT)
    .where('status', '=', 'published')
    .$if(withForms.length > 0, (q) => q.where('id', 'not in', withForms))
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const base = `/admin/t/${TENANT}/aides/${aid.id}/formulaire`;
  const definition = async (): Promise<FormDefinition> => (await formOf(db, aid.id))?.definition ?? { sections: [] };
  const editor = await signInAs(app, 'editeur', TENANT);

  // An empty form: the builder says so and links the JSON mode, which links back.
  const empty = await editor.get(base);
  assert.equal(empty.statusCode, 200);
  assert.match(empty.body, /pas encore de section/);
  assert.match(empty.body, new RegExp(`href="${base}/json">Mode avancé : modifier le JSON`));
  assert.match((await editor.get(`${base}/json`)).body, new RegExp(`href="${base}">Revenir au formulaire`));
  const token = csrfTokenFrom(empty.body);

  // Adding a section: first the type of its first field, then the section and the field.
  const chooser = await editor.get(`${base}/sections/nouvelle`);
  for (const label of Object.values(FIELD_TYPES)) assert.ok(chooser.body.includes(label), label);
  assert.equal((await editor.get(`${base}/sections/nouvelle?type=couleur`)).statusCode, 422);
  const sectionForm = await editor.get(`${base}/sections/nouvelle?type=text`);
  assert.match(sectionForm.body, /Titre de l’étape/);
  assert.match(sectionForm.body, /<option value="given_name"[^>]*>Prénom<\/option>/);
  assert.doesNotMatch(sectionForm.body, /value="birthdate"/, 'only the prefills that fit a text');
  assert.match(sectionForm.body, /<details[^>]*>\s*<summary>Avancé : nom technique<\/summary>/);
  let r = await editor.post(`${base}/sections/nouvelle`, { _csrf: token, titre: 'Qui êtes-vous ?', intro: 'Votre identité.', libelle: 'Prénom', type: 'text', obligatoire: 'oui', profil: 'given_name', nom: '' });
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, `${base}?fait=section-ajoutee`);
  assert.deepEqual(await definition(), {
    sections: [{ id: 'qui-etes-vous', title: 'Qui êtes-vous ?', intro: 'Votre identité.', fields: [{ name: 'prenom', label: 'Prénom', type: 'text', required: true, profile: 'given_name' }] }],
  });

  // Each other type of field, with what fits it.
  const add = (section: string, fields: Record<string, string>) => editor.post(`${base}/sections/${section}/champs/nouveau`, { _csrf: token, obligatoire: 'non', ...fields });
  for (const [type, fields] of [
    ['number', { libelle: 'Nombre d’enfants' }],
    ['date', { libelle: 'Date de naissance', profil: 'birthdate', obligatoire: 'oui' }],
    ['choice', { libelle: 'Votre situation', options: 'Lycéen\r\nÉtudiant\r\n\r\nApprenti\r\n', obligatoire: 'oui' }],
    ['yesno', { libelle: 'Avez-vous déjà eu cette aide ?' }],
    ['address', { libelle: 'Adresse', profil: 'address', reprise: 'oui' }],
    ['iban', { libelle: 'IBAN', aide: 'Il commence par FR76.', reprise: 'oui' }],
    ['siret', { libelle: 'SIRET de l’employeur', profil: 'organisation.siret' }],
    ['file', { libelle: 'Justificatif de domicile' }],
  ] as const) {
    const form = await editor.get(`${base}/sections/qui-etes-vous/champs/nouveau?type=${type}`);
    assert.equal(form.statusCode, 200, type);
    assert.equal(/name="options"/.test(form.body), type === 'choice', `options only for a choice (${type})`);
    assert.equal(/name="profil"/.test(form.body), ['date', 'address', 'siret'].includes(type), `prefill only where it fits (${type})`);
    r = await add('qui-etes-vous', { type, ...fields });
    assert.equal(r.statusCode, 303, `${type}: ${r.body.slice(0, 300)}`);
  }
  let form = await definition();
  assert.deepEqual(checkForm(form), []);
  const fields = form.sections[0]!.fields;
  assert.deepEqual(fields.map((f) => [f.name, f.type]), [
    ['prenom', 'text'],
    ['nombre_d_enfants', 'number'],
    ['date_de_naissance', 'date'],
    ['votre_situation', 'choice'],
    ['avez_vous_deja_eu_cette_aide', 'yesno'],
    ['adresse', 'address'],
    ['iban', 'iban'],
    ['siret_de_l_employeur', 'siret'],
    ['justificatif_de_domicile', 'file'],
  ]);
  assert.deepEqual(fields[3]!.options, [
    { value: 'lyceen', label: 'Lycéen' },
    { value: 'etudiant', label: 'Étudiant' },
    { value: 'apprenti', label: 'Apprenti' },
  ]);
  assert.deepEqual(fields[5], { name: 'adresse', label: 'Adresse', type: 'address', required: false, profile: 'address', reuse: true });
  assert.deepEqual(fields[6], { name: 'iban', label: 'IBAN', type: 'iban', hint: 'Il commence par FR76.', required: false, reuse: true });
  assert.equal(fields[8]!.reuse, undefined, 'a document is never taken from a previous application');

  // Errors land beside the input they concern, in French, the input kept.
  const newField = `${base}/sections/qui-etes-vous/champs/nouveau`;
  r = await editor.post(newField, { _csrf: token, libelle: 'Votre classe', type: 'choice', options: 'Seconde', obligatoire: 'oui' });
  assert.equal(r.statusCode, 422);
  assert.match(errorBeside(r.body, 'options')!, /au moins 2 options/);
  assert.match(r.body, /<textarea id="champ-options"[^>]*>Seconde<\/textarea>/);
  assert.match(r.body, /value="Votre classe"/);
  assert.match(r.body, /href="#champ-options">Réponses proposées : /);
  r = await editor.post(newField, { _csrf: token, libelle: '', type: 'text', obligatoire: 'oui', aide: 'Un exemple' });
  assert.match(errorBeside(r.body, 'libelle')!, /^Donnez un libellé/);
  assert.match(r.body, /value="Un exemple"/);
  r = await editor.post(newField, { _csrf: token, libelle: 'Autre prénom', type: 'text', obligatoire: 'oui', nom: 'prenom' });
  assert.match(errorBeside(r.body, 'nom')!, /Le nom « prenom » est déjà utilisé dans le formulaire/);
  assert.match(r.body, /<details open/);
  r = await editor.post(newField, { _csrf: token, libelle: 'Code', type: 'text', obligatoire: 'oui', nom: 'Mon Code' });
  assert.match(errorBeside(r.body, 'nom')!, /doit commencer par une lettre minuscule/);
  assert.match(r.body, /value="Mon Code"/);
  r = await editor.post(newField, { _csrf: token, libelle: 'Date d’arrivée', type: 'date', obligatoire: 'oui', profil: 'email' });
  assert.match(errorBeside(r.body, 'profil')!, /ne convient pas à un champ « Date »/);
  r = await editor.post(newField, { _csrf: token, libelle: 'Avis d’imposition', type: 'file', obligatoire: 'oui' });
  assert.match(errorBeside(r.body, 'type')!, /qu’un seul document/);
  r = await editor.post(`${base}/sections/nouvelle`, { _csrf: token, titre: '', libelle: 'RIB', type: 'file', obligatoire: 'oui' });
  assert.match(errorBeside(r.body, 'titre')!, /^Donnez un titre/);
  assert.deepEqual(await definition(), form, 'nothing was saved');

  // A second section for the document; the file field moves there, in two steps.
  r = await editor.post(`${base}/sections/nouvelle`, { _csrf: token, titre: 'Vos justificatifs', libelle: 'Avis d’imposition', type: 'file', obligatoire: 'oui' });
  assert.equal(r.statusCode, 303);
  r = await editor.post(base, { _csrf: token, action: 'champ-descendre:justificatif_de_domicile' });
  assert.equal(r.statusCode, 422, 'two documents in one section');
  assert.match(r.body, /Section 2 : une étape ne peut demander qu’un seul document/);
  r = await editor.post(base, { _csrf: token, action: 'section-monter:vos-justificatifs' });
  assert.equal(r.headers.location, `${base}?fait=ordre`);
  form = await definition();
  assert.deepEqual(form.sections.map((s) => s.id), ['vos-justificatifs', 'qui-etes-vous']);
  // From the top of a section, a field goes up to the end of the previous one, and back.
  const names = async (s: number) => (await definition()).sections[s]!.fields.map((f) => f.name);
  assert.equal((await editor.post(base, { _csrf: token, action: 'champ-monter:prenom' })).statusCode, 303);
  assert.deepEqual(await names(0), ['avis_d_imposition', 'prenom']);
  await editor.post(base, { _csrf: token, action: 'champ-descendre:prenom' });
  assert.equal((await names(1))[0], 'prenom');
  await editor.post(base, { _csrf: token, action: 'champ-descendre:prenom' });
  assert.deepEqual((await names(1)).slice(0, 2), ['nombre_d_enfants', 'prenom']);
  await editor.post(base, { _csrf: token, action: 'champ-monter:prenom' });
  assert.equal((await names(1))[0], 'prenom');
  assert.equal((await editor.post(base, { _csrf: token, action: 'champ-monter:inconnu' })).statusCode, 404);

  // Editing a field keeps its name and the values of its options (answers given still match).
  const edit = await editor.get(`${base}/champs/votre_situation`);
  assert.match(edit.body, /<textarea id="champ-options"[^>]*>Lycéen\nÉtudiant\nApprenti<\/textarea>/);
  assert.match(edit.body, /value="votre_situation"/);
  r = await editor.post(`${base}/champs/votre_situation`, { _csrf: token, libelle: 'Vous êtes', type: 'choice', options: 'Étudiant\nLycéen\nEn service civique', obligatoire: 'oui', nom: 'votre_situation' });
  assert.equal(r.statusCode, 303);
  const situation = (await definition()).sections[1]!.fields.find((f) => f.name === 'votre_situation')!;
  assert.equal(situation.label, 'Vous êtes');
  assert.deepEqual(situation.options, [
    { value: 'etudiant', label: 'Étudiant' },
    { value: 'lyceen', label: 'Lycéen' },
    { value: 'en-service-civique', label: 'En service civique' },
  ]);
  // Changing the type to a choice asks for the options, beside the textarea now shown.
  r = await editor.post(`${base}/champs/nombre_d_enfants`, { _csrf: token, libelle: 'Nombre d’enfants', type: 'choice', obligatoire: 'non', nom: 'nombre_d_enfants' });
  assert.equal(r.statusCode, 422);
  assert.match(errorBeside(r.body, 'options')!, /au moins 2 options/);

  // Sections: title edited (id kept), deletion after a confirmation, never the last section.
  r = await editor.post(`${base}/sections/vos-justificatifs`, { _csrf: token, titre: 'Vos documents', intro: '' });
  assert.equal(r.statusCode, 303);
  assert.deepEqual((await definition()).sections[0]!, { id: 'vos-justificatifs', title: 'Vos documents', fields: [{ name: 'avis_d_imposition', label: 'Avis d’imposition', type: 'file', required: true }] });
  r = await editor.post(base, { _csrf: token, action: 'champ-supprimer:avis_d_imposition' });
  assert.equal(r.statusCode, 422);
  assert.match(r.body, /est le seul champ de sa section/);
  r = await editor.post(base, { _csrf: token, action: 'champ-supprimer:nombre_d_enfants' });
  assert.equal(r.headers.location, `${base}?fait=champ-supprime`);
  const confirm = await editor.get(`${base}/sections/vos-justificatifs/supprimer`);
  assert.match(confirm.body, /Avis d’imposition/);
  assert.match(confirm.body, /Oui, supprimer la section/);
  r = await editor.post(`${base}/sections/vos-justificatifs/supprimer`, { _csrf: token });
  assert.equal(r.headers.location, `${base}?fait=section-supprimee`);
  r = await editor.post(`${base}/sections/qui-etes-vous/supprimer`, { _csrf: token });
  assert.equal(r.statusCode, 422);
  assert.match(r.body, /C’est la seule section du formulaire/);
  form = await definition();
  assert.deepEqual(form.sections.map((s) => s.id), ['qui-etes-vous']);
  assert.equal((await editor.get(`${base}/sections/inconnue`)).statusCode, 404);
  assert.equal((await editor.get(`${base}/champs/inconnu`)).statusCode, 404);

  // Every change went through saveForm: one audit row each.
  const saves = await database.db.selectFrom('platform_audit').select('action').where('action', '=', 'applications.form_saved').where('target_id', '=', aid.id).execute();
  assert.equal(saves.length, 19);

  // The overview lists each field with its type in French, required or not, and its prefill.
  const overview = await editor.get(`${base}?fait=champ-modifie`);
  assert.match(overview.body, /Le champ est enregistré/);
  assert.match(overview.body, /Date · obligatoire · prérempli depuis le profil : Date de naissance/);
  assert.match(overview.body, /Adresse · facultatif · prérempli depuis le profil : Adresse · repris de la demande précédente/);
  assert.match((await editor.get(`${base}/apercu`)).body, /Vous êtes \(obligatoire\)/);

  // The person's application form is the one built: labels, options, inputs of each type.
  await createPerson(database.db, { email: 'lena@exemple.fr' });
  const person = await signInPerson(app, 'lena@exemple.fr');
  const start = await person.get(`/aides/${aid.id}/demande`);
  assert.equal(start.headers.location, `/aides/${aid.id}/demande/qui-etes-vous`);
  const step = (await person.get(`/aides/${aid.id}/demande/qui-etes-vous`)).body;
  assert.match(step, /Étape 1 sur 2/);
  assert.match(step, /<legend>Vous êtes \(obligatoire\)<\/legend>/);
  for (const option of ['Étudiant', 'Lycéen', 'En service civique']) assert.match(step, new RegExp(`>${option}<`));
  assert.match(step, /name="iban"/);
  assert.match(step, /name="adresse__postal_code"/);
  assert.match(step, /type="file"[^>]*name="justificatif_de_domicile"|name="justificatif_de_domicile"[^>]*type="file"/);
  assert.match(step, /Le jour, le mois et l’année, par exemple 14\/03\/2008\./, 'a date field says how to write the date it takes');
  assert.match((await new Agent(app).get(`/aides/${aid.id}/formulaire-papier`)).body, /Qui êtes-vous \?/);
});

test('the builder is bound to its tenant; a lecteur reads it and changes nothing', async (t) => {
  const { app, database } = await buildTestApp(t);
  const aid = 'bretagne-aide-code-permis';
  const base = `/admin/t/bretagne/aides/${aid}/formulaire`;
  const before = (await formOf(applicationsDb(database.db), aid))!.definition;

  const reader = await signInAs(app, 'lecteur', 'bretagne');
  const page = await reader.get(base);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Qui êtes-vous \?/);
  assert.match(page.body, /Texte · obligatoire · prérempli depuis le profil : Prénom/);
  assert.doesNotMatch(page.body, /Ajouter une section|name="action"|Modifier<span/, 'a lecteur is offered no change');
  const token = csrfTokenFrom(page.body);
  for (const [url, fields] of [
    [base, { action: 'section-descendre:identite' }],
    [`${base}/sections/nouvelle`, { titre: 'T', libelle: 'L', type: 'text', obligatoire: 'oui' }],
    [`${base}/sections/identite`, { titre: 'T' }],
    [`${base}/sections/identite/supprimer`, {}],
    [`${base}/sections/identite/champs/nouveau`, { libelle: 'L', type: 'text', obligatoire: 'oui' }],
    [`${base}/champs/prenom`, { libelle: 'L', type: 'text', obligatoire: 'oui' }],
    [`${base}/json`, { definition: '{"sections":[]}' }],
  ] as const) {
    assert.equal((await reader.post(url, { _csrf: token, ...fields })).statusCode, 403, url);
  }
  assert.equal((await reader.get(`${base}/champs/prenom`)).statusCode, 403);
  assert.equal((await reader.get(`${base}/apercu`)).statusCode, 200);

  // An éditeur of Brest: the Région's builder is refused, and Brest's address of the Région's aid is 404.
  const outsider = await signInAs(app, 'editeur', 'brest');
  const outsiderToken = csrfTokenFrom((await outsider.get('/admin')).body);
  assert.equal((await outsider.get(base)).statusCode, 403);
  const foreign = `/admin/t/brest/aides/${aid}/formulaire`;
  for (const url of [foreign, `${foreign}/apercu`, `${foreign}/json`, `${foreign}/sections/nouvelle`, `${foreign}/sections/identite`, `${foreign}/champs/prenom`]) {
    assert.equal((await outsider.get(url)).statusCode, 404, url);
  }
  for (const [url, fields] of [
    [foreign, { action: 'section-descendre:identite' }],
    [`${foreign}/sections/identite/supprimer`, {}],
    [`${foreign}/champs/prenom`, { libelle: 'Changé', type: 'text', obligatoire: 'oui' }],
    [`${foreign}/sections/identite/champs/nouveau`, { libelle: 'L', type: 'text', obligatoire: 'oui' }],
  ] as const) {
    assert.equal((await outsider.post(url, { _csrf: outsiderToken, ...fields })).statusCode, 404, url);
  }
  assert.deepEqual((await formOf(applicationsDb(database.db), aid))!.definition, before);
});
