/** Back office: the form builder's fields — add one to a section (its type first), change one. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../platform/views/form';
import { write } from './admin.routes';
import type { FieldType } from './form';
import { checkWithBuilder, clone, readField, valuesOfField, type BuilderValues } from './form-builder';
import { builderPages, chosenType, FieldBody, FieldParams, PATH, SectionParams, typeOr, TypeQuery, type Loaded } from './form-builder.http';
import { NoQuery } from '../../platform/http/route-schemas';
import { FieldPage, TypeChooser } from './form-builder.views';

export async function formBuilderFieldRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { load, sectionOf, fieldOf, save, page } = builderPages(app);

  const fieldPage = (request: FastifyRequest, reply: FastifyReply, loaded: Loaded, view: { title: string; action: string; type: FieldType; values: BuilderValues; errors?: FieldErrors; isNew: boolean }) => {
    const errors = view.errors ?? {};
    return page(request, reply, loaded, {
      title: view.title,
      crumb: view.isNew ? 'Ajouter un champ' : 'Modifier un champ',
      errors,
      main: (csrf) => <FieldPage action={view.action} cancel={loaded.base} type={view.type} values={view.values} errors={errors} csrf={csrf} isNew={view.isNew} />,
    }, 422);
  };

  app.get(`${PATH}/sections/:section/champs/nouveau`, { config: write, schema: { params: SectionParams, querystring: TypeQuery } }, async (request, reply) => {
    const loaded = await load(request);
    const section = loaded.form.sections[sectionOf(loaded, request)]!;
    const action = `${loaded.base}/sections/${section.id}/champs/nouveau`;
    const { type, error } = chosenType(request.query);
    const title = `Ajouter un champ à la section « ${section.title} »`;
    if (type) return fieldPage(request, reply, loaded, { title, action, type, values: { type, obligatoire: 'oui' }, isNew: true });
    return page(request, reply, loaded, {
      title,
      crumb: 'Ajouter un champ',
      errors: error ? { type: error } : {},
      main: () => <TypeChooser action={action} legend="Quel type de champ ?" error={error} cancel={loaded.base} />,
    }, 422);
  });

  app.post(`${PATH}/sections/:section/champs/nouveau`, { config: write, schema: { params: SectionParams, body: FieldBody } }, async (request, reply) => {
    const loaded = await load(request);
    const index = sectionOf(loaded, request);
    const { values, field, errors: fieldErrors } = readField(request.body, loaded.form);
    const form = clone(loaded.form);
    const fields = form.sections[index]!.fields;
    fields.push(field);
    const errors = { ...checkWithBuilder(form, { section: index, field: fields.length - 1 }), ...fieldErrors };
    if (Object.keys(errors).length) {
      const section = loaded.form.sections[index]!;
      return fieldPage(request, reply, loaded, { title: `Ajouter un champ à la section « ${section.title} »`, action: `${loaded.base}/sections/${section.id}/champs/nouveau`, type: typeOr(values.type, 'text'), values, errors, isNew: true });
    }
    await save(request, loaded, form);
    return reply.redirect(`${loaded.base}?fait=champ-ajoute`, 303);
  });

  app.get(`${PATH}/champs/:field`, { config: write, schema: { params: FieldParams, querystring: NoQuery } }, async (request, reply) => {
    const loaded = await load(request);
    const place = fieldOf(loaded, request);
    const field = loaded.form.sections[place.section]!.fields[place.field]!;
    return fieldPage(request, reply, loaded, { title: `Modifier le champ « ${field.label} »`, action: `${loaded.base}/champs/${field.name}`, type: field.type, values: valuesOfField(field), isNew: false });
  });

  app.post(`${PATH}/champs/:field`, { config: write, schema: { params: FieldParams, body: FieldBody } }, async (request, reply) => {
    const loaded = await load(request);
    const place = fieldOf(loaded, request);
    const previous = loaded.form.sections[place.section]!.fields[place.field]!;
    const { values, field, errors: fieldErrors } = readField(request.body, loaded.form, previous);
    const form = clone(loaded.form);
    form.sections[place.section]!.fields[place.field] = field;
    const errors = { ...checkWithBuilder(form, place), ...fieldErrors };
    if (Object.keys(errors).length) {
      return fieldPage(request, reply, loaded, { title: `Modifier le champ « ${previous.label} »`, action: `${loaded.base}/champs/${previous.name}`, type: typeOr(values.type, previous.type), values, errors, isNew: false });
    }
    await save(request, loaded, form);
    return reply.redirect(`${loaded.base}?fait=champ-modifie`, 303);
  });
}
