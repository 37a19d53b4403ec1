/**
 * Back office: the form builder of an aid's application form (overview, order, sections; the
 * fields are in form-builder.fields.routes.tsx), without
 * JavaScript: each change is a POST that goes through checkForm and saveForm, then a redirect.
 * Reading: lecteur; writing: éditeur; the aid must belong to the route's tenant (else 404).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, NoQuery, Text } from '../../platform/http/route-schemas';
import { NotFoundError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';
import { read, write } from './admin.routes';
import type { FieldType } from './form';
import {
  checkWithBuilder,
  clone,
  findField,
  GENERAL,
  moveField,
  moveSection,
  readField,
  readSectionInputs,
  sectionIdFrom,
  withSectionInputs,
  type BuilderValues,
} from './form-builder';
import { builderPages, chosenType, DoneQuery, NewSectionBody, PATH, SectionBody, SectionParams, typeOr, TypeQuery, type Loaded } from './form-builder.http';
import { TenantAidParams, type WithParams } from './http';
import { DeleteSectionPage, NewSectionPage, SectionPage, TypeChooser } from './form-builder.views';
import { PaperForm } from './print';

const DONE: Record<string, string> = {
  'section-ajoutee': 'La section est ajoutée.',
  'section-modifiee': 'La section est enregistrée.',
  'section-supprimee': 'La section est supprimée.',
  'champ-ajoute': 'Le champ est ajouté.',
  'champ-modifie': 'Le champ est enregistré.',
  'champ-supprime': 'Le champ est supprimé.',
  ordre: 'Le nouvel ordre est enregistré.',
};

export async function formBuilderRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { load, sectionOf, save, page, overview } = builderPages(app);

  app.get(PATH, { config: read, schema: { params: TenantAidParams, querystring: DoneQuery } }, async (request, reply) => {
    const done = request.query.fait;
    return overview(request, reply, await load(request), {}, done ? DONE[done] : undefined);
  });

  /** Moves and field deletions: one button per action in the list (`action=<what>:<which>`). */
  app.post(PATH, { config: write, schema: { params: TenantAidParams, body: FormBody({ action: Text }) } }, async (request, reply) => {
    const loaded = await load(request);
    const [what = '', which = ''] = (request.body.action ?? '').split(':');
    const form = clone(loaded.form);
    let changed: boolean;
    if (what === 'section-monter' || what === 'section-descendre') {
      const index = form.sections.findIndex((s) => s.id === which);
      if (index < 0) throw new NotFoundError('Cette section n’existe pas dans le formulaire.');
      changed = moveSection(form, index, what === 'section-monter' ? -1 : 1);
    } else if (what === 'champ-monter' || what === 'champ-descendre' || what === 'champ-supprimer') {
      const place = findField(form, which);
      if (!place) throw new NotFoundError('Ce champ n’existe pas dans le formulaire.');
      if (what === 'champ-supprimer') {
        if (form.sections[place.section]!.fields.length === 1) {
          return overview(request, reply, loaded, { [GENERAL]: `« ${form.sections[place.section]!.fields[0]!.label} » est le seul champ de sa section : ajoutez d’abord un autre champ, ou supprimez la section.` });
        }
        form.sections[place.section]!.fields.splice(place.field, 1);
        changed = true;
      } else changed = moveField(form, place, what === 'champ-monter' ? -1 : 1);
    } else {
      return overview(request, reply, loaded, { [GENERAL]: 'Cette action n’existe pas : utilisez les boutons de la page.' });
    }
    if (changed) {
      const errors = checkWithBuilder(form);
      if (Object.keys(errors).length) return overview(request, reply, loaded, errors);
      await save(request, loaded, form);
    }
    return reply.redirect(`${loaded.base}?fait=${what === 'champ-supprimer' ? 'champ-supprime' : 'ordre'}`, 303);
  });

  app.get(`${PATH}/apercu`, { config: read, schema: { params: TenantAidParams, querystring: NoQuery } }, async (request, reply) => {
    const loaded = await load(request);
    return page(request, reply, loaded, {
      title: `Aperçu du formulaire : ${loaded.aid.name}`,
      crumb: 'Aperçu',
      main: () => (
        <>
          <p>
            Voici ce que la personne remplit, une section par étape (ici sur une seule page, comme le formulaire papier). <a href={loaded.base}>Revenir au formulaire</a>
          </p>
          {loaded.form.sections.length ? <PaperForm form={loaded.form} tenantName={loaded.tenant.name} /> : <p>Le formulaire n’a pas encore de section.</p>}
        </>
      ),
    });
  });

  // —— Sections ——

  const newSectionPage = (request: FastifyRequest, reply: FastifyReply, loaded: Loaded, type: FieldType, values: BuilderValues, errors: FieldErrors = {}) =>
    page(request, reply, loaded, {
      title: 'Ajouter une section',
      crumb: 'Ajouter une section',
      errors,
      main: (csrf) => <NewSectionPage action={`${loaded.base}/sections/nouvelle`} cancel={loaded.base} type={type} values={{ type, obligatoire: 'oui', ...values }} errors={errors} csrf={csrf} />,
    }, 422);

  app.get(`${PATH}/sections/nouvelle`, { config: write, schema: { params: TenantAidParams, querystring: TypeQuery } }, async (request, reply) => {
    const loaded = await load(request);
    const { type, error } = chosenType(request.query);
    if (type) return newSectionPage(request, reply, loaded, type, {});
    return page(request, reply, loaded, {
      title: 'Ajouter une section',
      crumb: 'Ajouter une section',
      errors: error ? { type: error } : {},
      main: () => (
        <>
          <p>Une section est une étape de la demande ; elle a au moins un champ. Commencez par le type de son premier champ.</p>
          <TypeChooser action={`${loaded.base}/sections/nouvelle`} legend="Quel est le type du premier champ ?" error={error} cancel={loaded.base} />
        </>
      ),
    }, 422);
  });

  app.post(`${PATH}/sections/nouvelle`, { config: write, schema: { params: TenantAidParams, body: NewSectionBody } }, async (request, reply) => {
    const loaded = await load(request);
    const body = request.body;
    const sectionInputs = readSectionInputs(body);
    const { values, field, errors: fieldErrors } = readField(body, loaded.form);
    const form = clone(loaded.form);
    const id = sectionIdFrom(sectionInputs.values.titre, new Set([...form.sections.map((s) => s.id), 'nouvelle']));
    form.sections.push(withSectionInputs({ id, title: '', fields: [field] }, sectionInputs.values));
    const errors = { ...checkWithBuilder(form, { section: form.sections.length - 1, field: 0 }), ...sectionInputs.errors, ...fieldErrors };
    if (Object.keys(errors).length) return newSectionPage(request, reply, loaded, typeOr(values.type, 'text'), { ...values, ...sectionInputs.values }, errors);
    await save(request, loaded, form);
    return reply.redirect(`${loaded.base}?fait=section-ajoutee`, 303);
  });

  const sectionPage = (request: WithParams<{ section: string }>, reply: FastifyReply, loaded: Loaded, values: BuilderValues, errors: FieldErrors = {}) =>
    page(request, reply, loaded, {
      title: 'Modifier la section',
      crumb: 'Modifier la section',
      errors,
      main: (csrf) => <SectionPage action={`${loaded.base}/sections/${request.params.section}`} cancel={loaded.base} values={values} errors={errors} csrf={csrf} />,
    }, 422);

  app.get(`${PATH}/sections/:section`, { config: write, schema: { params: SectionParams, querystring: NoQuery } }, async (request, reply) => {
    const loaded = await load(request);
    const section = loaded.form.sections[sectionOf(loaded, request)]!;
    return sectionPage(request, reply, loaded, { titre: section.title, intro: section.intro ?? '' });
  });

  app.post(`${PATH}/sections/:section`, { config: write, schema: { params: SectionParams, body: SectionBody } }, async (request, reply) => {
    const loaded = await load(request);
    const index = sectionOf(loaded, request);
    const { values, errors: inputErrors } = readSectionInputs(request.body);
    const form = clone(loaded.form);
    // The id stays: it is in the address of the person's step and in drafts already started.
    form.sections[index] = withSectionInputs(form.sections[index]!, values);
    const errors = { ...checkWithBuilder(form, { section: index }), ...inputErrors };
    if (Object.keys(errors).length) return sectionPage(request, reply, loaded, values, errors);
    await save(request, loaded, form);
    return reply.redirect(`${loaded.base}?fait=section-modifiee`, 303);
  });

  const deletePage = (request: FastifyRequest, reply: FastifyReply, loaded: Loaded, index: number, errors: FieldErrors = {}) =>
    page(request, reply, loaded, {
      title: `Supprimer la section « ${loaded.form.sections[index]!.title} » ?`,
      crumb: 'Supprimer une section',
      errors,
      main: (csrf) => <DeleteSectionPage action={`${loaded.base}/sections/${loaded.form.sections[index]!.id}/supprimer`} cancel={loaded.base} section={loaded.form.sections[index]!} errors={errors} csrf={csrf} />,
    }, 422);

  app.get(`${PATH}/sections/:section/supprimer`, { config: write, schema: { params: SectionParams, querystring: NoQuery } }, async (request, reply) => {
    const loaded = await load(request);
    return deletePage(request, reply, loaded, sectionOf(loaded, request));
  });

  app.post(`${PATH}/sections/:section/supprimer`, { config: write, schema: { params: SectionParams, body: FormBody({}) } }, async (request, reply) => {
    const loaded = await load(request);
    const index = sectionOf(loaded, request);
    const form = clone(loaded.form);
    form.sections.splice(index, 1);
    const errors = checkWithBuilder(form);
    if (Object.keys(errors).length) {
      const only = form.sections.length === 0 ? { [GENERAL]: 'C’est la seule section du formulaire : un formulaire a au moins une section. Ajoutez-en une autre avant de supprimer celle-ci.' } : errors;
      return deletePage(request, reply, loaded, index, only);
    }
    await save(request, loaded, form);
    return reply.redirect(`${loaded.base}?fait=section-supprimee`, 303);
  });
}
