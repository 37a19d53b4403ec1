/**
 * Back office: the form builder of an aid's application form (sections, fields), without
 * JavaScript: each change is a POST that goes through checkForm and saveForm, then a redirect.
 * Reading: lecteur; writing: éditeur; the aid must belong to the route's tenant (else 404).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { roleAllows } from '../../platform/auth/roles';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, requireAccount } from '../../platform/views/admin';
import type { FieldErrors } from '../../platform/views/form';
import { read, routeAid, write } from './admin.routes';
import type { FieldType, FormDefinition } from './form';
import {
  checkWithBuilder,
  clone,
  findField,
  GENERAL,
  isFieldType,
  moveField,
  moveSection,
  readField,
  readSectionInputs,
  sectionIdFrom,
  valuesOfField,
  withSectionInputs,
  type BuilderValues,
} from './form-builder';
import { BuilderOverview, DeleteSectionPage, FieldPage, NewSectionPage, SectionPage, TypeChooser } from './form-builder.views';
import { PaperForm } from './print';
import { applicationsDb, formOf, saveForm } from './store';

const PATH = '/admin/t/:tenant/aides/:id/formulaire';
const SECTION_ID = /^[a-z][a-z0-9-]{0,39}$/;
const FIELD_NAME = /^[a-z][a-z0-9_]{0,39}$/;

const DONE: Record<string, string> = {
  'section-ajoutee': 'La section est ajoutée.',
  'section-modifiee': 'La section est enregistrée.',
  'section-supprimee': 'La section est supprimée.',
  'champ-ajoute': 'Le champ est ajouté.',
  'champ-modifie': 'Le champ est enregistré.',
  'champ-supprime': 'Le champ est supprimé.',
  ordre: 'Le nouvel ordre est enregistré.',
};

type Body = Record<string, unknown>;

/** The type the inputs are shown for: the one posted, if it is one. */
const typeOr = (posted: string | undefined, fallback: FieldType): FieldType => (posted !== undefined && isFieldType(posted) ? posted : fallback);

export async function formBuilderRoutes(app: FastifyInstance): Promise<void> {
  const db = applicationsDb(app.platform.db);

  const load = async (request: FastifyRequest) => {
    const { tenant, aid } = await routeAid(db, request);
    const form: FormDefinition = (await formOf(db, aid.id))?.definition ?? { sections: [] };
    return { tenant, aid, form, base: `/admin/t/${tenant.id}/aides/${aid.id}/formulaire` };
  };
  type Loaded = Awaited<ReturnType<typeof load>>;

  const sectionOf = (loaded: Loaded, request: FastifyRequest) => {
    const { section } = request.params as { section: string };
    const index = SECTION_ID.test(section) ? loaded.form.sections.findIndex((s) => s.id === section) : -1;
    if (index < 0) throw new NotFoundError('Cette section n’existe pas dans le formulaire.');
    return index;
  };

  const fieldOf = (loaded: Loaded, request: FastifyRequest) => {
    const { field } = request.params as { field: string };
    const place = FIELD_NAME.test(field) ? findField(loaded.form, field) : undefined;
    if (!place) throw new NotFoundError('Ce champ n’existe pas dans le formulaire.');
    return place;
  };

  /** The one way a change is written: the same checkForm and saveForm as the JSON editor. */
  const save = async (request: FastifyRequest, loaded: Loaded, form: FormDefinition) => {
    const account = await requireAccount(request);
    await saveForm(db, { aidId: loaded.aid.id, tenantId: loaded.tenant.id, definition: form, actor: { id: account.id, label: account.displayName, ip: request.ip } });
  };

  const page = (request: FastifyRequest, reply: FastifyReply, loaded: Loaded, view: { title: string; errors?: FieldErrors; crumb?: string; notice?: string | undefined; main: (csrf: string) => ComponentChildren }, status = 200) => {
    const { tenant, aid, base } = loaded;
    const failed = Object.keys(view.errors ?? {}).length > 0;
    return adminPage(
      request,
      reply,
      {
        title: `${failed ? 'Erreur : ' : ''}${view.title} – ${aid.name}`,
        heading: view.title,
        crumbs: [
          { label: 'Aides', href: `/admin/t/${tenant.id}/aides` },
          { label: aid.name, href: `/admin/t/${tenant.id}/aides/${aid.id}` },
          ...(view.crumb ? [{ label: 'Formulaire de demande', href: base }, { label: view.crumb }] : [{ label: 'Formulaire de demande' }]),
        ],
        current: `/admin/t/${tenant.id}/aides`,
        notice: view.notice ? (
          <div class="notice notice--success" role="status">
            {view.notice}
          </div>
        ) : undefined,
        main: view.main,
      },
      { status: failed ? status : 200, tenant },
    );
  };

  const overview = async (request: FastifyRequest, reply: FastifyReply, loaded: Loaded, errors: FieldErrors = {}, notice?: string) => {
    // A lecteur reads the form: the buttons the guard would refuse are not offered.
    const canWrite = roleAllows((await requireAccount(request)).roles.get(loaded.tenant.id), write.guard.tenantRole);
    return page(request, reply, loaded, {
      title: `Formulaire de demande : ${loaded.aid.name}`,
      errors,
      notice,
      main: (csrf) => (
        <BuilderOverview base={loaded.base} form={loaded.form} errors={errors} csrf={csrf} canWrite={canWrite} published={loaded.aid.status === 'published'} paperHref={`/aides/${loaded.aid.id}/formulaire-papier`} />
      ),
    }, 422);
  };

  app.get(PATH, { config: read }, async (request, reply) => {
    const done = (request.query as { fait?: string }).fait;
    return overview(request, reply, await load(request), {}, done ? DONE[done] : undefined);
  });

  /** Moves and field deletions: one button per action in the list (`action=<what>:<which>`). */
  app.post(PATH, { config: write }, async (request, reply) => {
    const loaded = await load(request);
    const [what = '', which = ''] = String(((request.body ?? {}) as Body).action ?? '').split(':');
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

  app.get(`${PATH}/apercu`, { config: read }, async (request, reply) => {
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

  /** `?type=` chosen on the first step, or undefined (with an error when it is not a type). */
  const chosenType = (request: FastifyRequest): { type?: FieldType; error?: string } => {
    const type = (request.query as { type?: string }).type;
    if (type === undefined) return {};
    return isFieldType(type) ? { type } : { error: 'Choisissez le type du champ.' };
  };

  const newSectionPage = (request: FastifyRequest, reply: FastifyReply, loaded: Loaded, type: FieldType, values: BuilderValues, errors: FieldErrors = {}) =>
    page(request, reply, loaded, {
      title: 'Ajouter une section',
      crumb: 'Ajouter une section',
      errors,
      main: (csrf) => <NewSectionPage action={`${loaded.base}/sections/nouvelle`} cancel={loaded.base} type={type} values={{ type, obligatoire: 'oui', ...values }} errors={errors} csrf={csrf} />,
    }, 422);

  app.get(`${PATH}/sections/nouvelle`, { config: write }, async (request, reply) => {
    const loaded = await load(request);
    const { type, error } = chosenType(request);
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

  app.post(`${PATH}/sections/nouvelle`, { config: write }, async (request, reply) => {
    const loaded = await load(request);
    const body = (request.body ?? {}) as Body;
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

  const sectionPage = (request: FastifyRequest, reply: FastifyReply, loaded: Loaded, values: BuilderValues, errors: FieldErrors = {}) =>
    page(request, reply, loaded, {
      title: 'Modifier la section',
      crumb: 'Modifier la section',
      errors,
      main: (csrf) => <SectionPage action={`${loaded.base}/sections/${(request.params as { section: string }).section}`} cancel={loaded.base} values={values} errors={errors} csrf={csrf} />,
    }, 422);

  app.get(`${PATH}/sections/:section`, { config: write }, async (request, reply) => {
    const loaded = await load(request);
    const section = loaded.form.sections[sectionOf(loaded, request)]!;
    return sectionPage(request, reply, loaded, { titre: section.title, intro: section.intro ?? '' });
  });

  app.post(`${PATH}/sections/:section`, { config: write }, async (request, reply) => {
    const loaded = await load(request);
    const index = sectionOf(loaded, request);
    const { values, errors: inputErrors } = readSectionInputs((request.body ?? {}) as Body);
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

  app.get(`${PATH}/sections/:section/supprimer`, { config: write }, async (request, reply) => {
    const loaded = await load(request);
    return deletePage(request, reply, loaded, sectionOf(loaded, request));
  });

  app.post(`${PATH}/sections/:section/supprimer`, { config: write }, async (request, reply) => {
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

  // —— Fields ——

  const fieldPage = (request: FastifyRequest, reply: FastifyReply, loaded: Loaded, view: { title: string; action: string; type: FieldType; values: BuilderValues; errors?: FieldErrors; isNew: boolean }) => {
    const errors = view.errors ?? {};
    return page(request, reply, loaded, {
      title: view.title,
      crumb: view.isNew ? 'Ajouter un champ' : 'Modifier un champ',
      errors,
      main: (csrf) => <FieldPage action={view.action} cancel={loaded.base} type={view.type} values={view.values} errors={errors} csrf={csrf} isNew={view.isNew} />,
    }, 422);
  };

  app.get(`${PATH}/sections/:section/champs/nouveau`, { config: write }, async (request, reply) => {
    const loaded = await load(request);
    const section = loaded.form.sections[sectionOf(loaded, request)]!;
    const action = `${loaded.base}/sections/${section.id}/champs/nouveau`;
    const { type, error } = chosenType(request);
    const title = `Ajouter un champ à la section « ${section.title} »`;
    if (type) return fieldPage(request, reply, loaded, { title, action, type, values: { type, obligatoire: 'oui' }, isNew: true });
    return page(request, reply, loaded, {
      title,
      crumb: 'Ajouter un champ',
      errors: error ? { type: error } : {},
      main: () => <TypeChooser action={action} legend="Quel type de champ ?" error={error} cancel={loaded.base} />,
    }, 422);
  });

  app.post(`${PATH}/sections/:section/champs/nouveau`, { config: write }, async (request, reply) => {
    const loaded = await load(request);
    const index = sectionOf(loaded, request);
    const { values, field, errors: fieldErrors } = readField((request.body ?? {}) as Body, loaded.form);
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

  app.get(`${PATH}/champs/:field`, { config: write }, async (request, reply) => {
    const loaded = await load(request);
    const place = fieldOf(loaded, request);
    const field = loaded.form.sections[place.section]!.fields[place.field]!;
    return fieldPage(request, reply, loaded, { title: `Modifier le champ « ${field.label} »`, action: `${loaded.base}/champs/${field.name}`, type: field.type, values: valuesOfField(field), isNew: false });
  });

  app.post(`${PATH}/champs/:field`, { config: write }, async (request, reply) => {
    const loaded = await load(request);
    const place = fieldOf(loaded, request);
    const previous = loaded.form.sections[place.section]!.fields[place.field]!;
    const { values, field, errors: fieldErrors } = readField((request.body ?? {}) as Body, loaded.form, previous);
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
