/**
 * What the form builder's routes share: the aid and its form loaded for the route's tenant, the
 * section or field named by the route, the one way a change is saved, and the page around a view.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { roleAllows } from '../../platform/auth/roles';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, requireAccount } from '../../platform/views/admin';
import type { FieldErrors } from '../../platform/views/form';
import { routeAid, write } from './admin.routes';
import type { FieldType, FormDefinition } from './form';
import { findField, isFieldType } from './form-builder';
import { BuilderOverview } from './form-builder.views';
import { applicationsDb, formOf, saveForm, type ApplicationsDb } from './store';

export const PATH = '/admin/t/:tenant/aides/:id/formulaire';
const SECTION_ID = /^[a-z][a-z0-9-]{0,39}$/;
const FIELD_NAME = /^[a-z][a-z0-9_]{0,39}$/;

export type Body = Record<string, unknown>;

/** The type the inputs are shown for: the one posted, if it is one. */
export const typeOr = (posted: string | undefined, fallback: FieldType): FieldType => (posted !== undefined && isFieldType(posted) ? posted : fallback);


/** `?type=` chosen on the first step, or undefined (with an error when it is not a type). */
export function chosenType(request: FastifyRequest): { type?: FieldType; error?: string } {
  const type = (request.query as { type?: string }).type;
  if (type === undefined) return {};
  return isFieldType(type) ? { type } : { error: 'Choisissez le type du champ.' };
}

/** The aid of the route (its tenant's, else 404) and its application form. */
async function loadAid(db: ApplicationsDb, request: FastifyRequest) {
  const { tenant, aid } = await routeAid(db, request);
  const form: FormDefinition = (await formOf(db, aid.id))?.definition ?? { sections: [] };
  return { tenant, aid, form, base: `/admin/t/${tenant.id}/aides/${aid.id}/formulaire` };
}
export type Loaded = Awaited<ReturnType<typeof loadAid>>;

export function builderPages(app: FastifyInstance) {
  const db = applicationsDb(app.platform.db);

  const load = (request: FastifyRequest) => loadAid(db, request);

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
