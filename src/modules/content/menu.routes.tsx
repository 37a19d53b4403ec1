import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { NoQuery, OpenForm, TenantParams, Text } from '../../platform/http/route-schemas';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';
import { actorOf } from './admin.routes';
import { changeMenu, type MenuChange } from './menu-service';
import { listMenu } from './menu-store';
import { contentDb, listItems } from './store';
import { adminPage, routeTenant } from '../../platform/views/admin';
import { adminBase } from './views/admin-common';
import { MenuView } from './views/menu';

const write = { guard: { tenantRole: 'editeur' as const } };

/** The menu's forms (views/menu.tsx): an operation on an entry; a renamed entry's label is `label-<entry>`. */
const MenuBody = OpenForm({ op: Text, entry: Text, label: Text, target: Text });

export async function menuRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = contentDb(platform.db);

  const render = async (reply: FastifyReply, tenant: Tenant, values: Record<string, string>, errors: FieldErrors, status = 200) => {
    const entries = await listMenu(db, tenant.id);
    const pages = (await listItems(db, tenant.id, { kind: 'page', offset: 0, limit: 200 })).rows.map((p) => ({ id: p.id, title: p.title, published: p.published_version !== null }));
    pages.sort((a, b) => a.title.localeCompare(b.title, 'fr'));
    return adminPage(
      reply.request,
      reply,
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}Menu`,
        heading: 'Menu du site',
        current: `${adminBase(tenant.id)}/menu`,
        crumbs: [{ label: 'Menu' }],
        main: <MenuView tenantId={tenant.id} entries={entries} pages={pages} values={values} errors={errors} csrfToken={await reply.generateCsrf()} />,
      },
      { status, tenant },
    );
  };

  app.get('/admin/t/:tenant/menu', { config: write, schema: { params: TenantParams, querystring: NoQuery } }, async (request, reply) => render(reply, routeTenant(request), {}, {}));

  app.post('/admin/t/:tenant/menu', { config: write, schema: { params: TenantParams, body: MenuBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const body: Record<string, unknown> = request.body;
    const str = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');
    const op = str('op');
    const id = str('entry');
    const change: MenuChange | undefined =
      op === 'add'
        ? { op, label: str('label'), target: str('target') }
        : op === 'rename'
          ? { op, id, label: str(`label-${id}`) }
          : op === 'up' || op === 'down' || op === 'remove'
            ? { op, id }
            : undefined;
    if (!change) throw new NotFoundError();
    const result = await changeMenu(platform.db, await actorOf(request), tenant.id, change);
    if (!result.ok) {
      const values = op === 'add' ? { label: str('label'), target: str('target') } : { [`label-${id}`]: str(`label-${id}`) };
      return render(reply, tenant, values, result.errors, 422);
    }
    return reply.redirect(`${adminBase(tenant.id)}/menu`, 303);
  });
}
