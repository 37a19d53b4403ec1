/**
 * What the form builder's routes share: the aid and its form loaded for the route's tenant, the
 * section or field named by the route, the one way a change is saved, and the page around a view.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, Params, Query, TenantId, Text, TextFields } from '../../platform/http/route-schemas';
import type { ComponentChildren } from 'preact';
import { roleAllows } from '../../platform/auth/roles';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, requireAccount } from '../../platform/views/admin';
import type { FieldErrors } from '../../platform/views/form';
import { routeAid, write } from './admin.routes';
import type { FieldType, FormDefinition } from './form';
import { FIELD_INPUTS, findField, isFieldType, SECTION_INPUTS } from './form-builder';
import { AidId, type WithParams } from './http';
import { BuilderOverview } from './form-builder.views';
import { applicationsDb, formOf, saveForm, type ApplicationsDb } from './store';

export const PATH = '/admin/t/:tenant/aides/:id/formulaire';
/** A section's id and a field's name, as checkForm allows them: another form is a 404. */
const SectionId = Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$', maxLength: 40 });
const FieldName = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', maxLength: 40 });
export const SectionParams = Params({ tenant: TenantId, id: AidId, section: SectionId });
export const FieldParams = Params({ tenant: TenantId, id: AidId, field: FieldName });
/** The builder's pages say what was just done (`?fait=`); the first step of an addition, the type chosen (`?type=`). */
export const DoneQuery = Query({ fait: Text });
export const TypeQuery = Query({ type: Text });
const fieldInputs = TextFields(Object.keys(FIELD_INPUTS) as Array<keyof typeof FIELD_INPUTS>);
const sectionInputs = TextFields(Object.keys(SECTION_INPUTS) as Array<keyof typeof SECTION_INPUTS>);
/** The inputs of a field (form-builder.views FieldPage). */
export const FieldBody = FormBody(fieldInputs);
/** The inputs of a section (SectionPage). */
export const SectionBody = FormBody(sectionInputs);
/** A new section and its first field (NewSectionPage). */
export const NewSectionBody = FormBody({ ...sectionInputs, ...fieldInputs });


/** The type the inputs are shown for: the one posted, if it is one. */
export const typeOr = (posted: string | undefined, fallback: FieldType): FieldType => (posted !== undefined && isFieldType(posted) ? posted : fallback);


/** `?type=` chosen on the first step, or undefined (with an error when it is not a type). */
export function chosenType(query: { type?: string | undefined }): { type?: FieldType; error?: string } {
  const { type } = query;
  if (type === undefined) return {};
  return isFieldType(type) ? { type } : { error: 'Choisissez le type du champ.' };
}

/** The aid of the route (its tenant's, else 404) and its application form. */
async function loadAid(db: ApplicationsDb, request: WithParams<{ id: string }>) {
  const { tenant, aid } = await routeAid(db, request);
  const form: FormDefinition = (await formOf(db, aid.id))?.definition ?? { sections: [] };
  return { tenant, aid, form, base: `/admin/t/${tenant.id}/aides/${aid.id}/formulaire` };
}
export type Loaded = Awaited<ReturnType<typeof loadAid>>;

export function builderPages(app: FastifyInstance) {
  const db = applicationsDb(app.platform.db);

  const load = (request: WithParams<{ id: string }>) => loadAid(db, request);

  const sectionOf = (loaded: Loaded, request: WithParams<{ section: string }>) => {
    const { section } = request.params;
    const index = loaded.form.sections.findIndex((s) => s.id === section);
    if (index < 0) throw new NotFoundError('Cette section n’existe pas dans le formulaire.');
    return index;
  };

  const fieldOf = (loaded: Loaded, request: WithParams<{ field: string }>) => {
    const { field } = request.params;
    const place = findField(loaded.form, field);
    if (!place) throw new NotFoundError('Ce champ n’existe pas dans le formulaire.');
    return place;
  };

  /** The one way a change is written: the same checkForm and saveForm as the JSON editor. */
  const save = async (request: FastifyRequest, loaded: Loaded, form: FormDefinition) => {
    const account = await requireAccount(request);
    await saveForm(db, { aidId: loaded.aid.id, aidName: loaded.aid.name, tenantId: loaded.tenant.id, definition: form, actor: { id: account.id, label: account.displayName, ip: request.ip } });
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

  return { load, sectionOf, fieldOf, save, page, overview };
}

export type BuilderPages = ReturnType<typeof builderPages>;
