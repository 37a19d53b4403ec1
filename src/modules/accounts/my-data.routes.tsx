import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { NoQuery, Query, Text } from '../../platform/http/route-schemas';
import { signedInAccount } from '../../platform/auth/guards';
import { audit } from '../../platform/audit/audit';
import { COPIED_CONCERNS } from '../../platform/personal-data';
import { PersonalPages } from '../../platform/views/personal-pages';
import { myDataHtml } from './my-data-html';
import { MyDataPage } from './views/my-data';

/**
 * « Mes données » (RGPD articles 15 and 20): what Guichet keeps about the signed-in person, and
 * the whole of it in one JSON file, built from every module's part of the register
 * (`PersonalDataDeclaration.copies`). Each download is audited.
 */
export async function myDataRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  platform.accountSections.push({
    href: '/mon-compte/mes-donnees',
    label: 'Mes données',
    description: 'Voir ce que Guichet garde sur vous et le télécharger dans un fichier.',
    order: 900,
  });
  const register = platform.personalData;

  /**
   * The page says what the file holds, the same for everyone: kept per session (the layout names
   * the person) until the menu changes on any instance; the account's name and roles are in the
   * key (platform/views/personal-pages.tsx). Nothing of the person's data is read: not journaled.
   */
  const pages = new PersonalPages(platform.db, ['content_menu_entries', 'content_items'], { compress: true });
  app.get('/mon-compte/mes-donnees', { config: { guard: { person: true } }, schema: { querystring: NoQuery } }, async (request, reply) =>
    pages.send(request, reply, { key: '', deps: [] }, async () => ({
      view: {
        title: 'Mes données',
        heading: 'Mes données',
        noindex: true,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: 'Mon compte', href: '/mon-compte' }, { label: 'Mes données' }],
        main: <MyDataPage processings={register.processings.filter((p) => COPIED_CONCERNS.includes(p.concerned))} notCopied={register.notCopied} />,
      },
    })),
  );

  /** The copy, in JSON (`?format=html`: the same, as a page to read), audited. */
  app.get('/mon-compte/mes-donnees/telecharger', { config: { guard: { person: true } }, schema: { querystring: Query({ format: Text }) } }, async (request, reply) => {
    const current = signedInAccount(request);
    const html = request.query.format === 'html';
    const now = new Date();
    const parts: Record<string, unknown> = {};
    for (const copy of register.copies) parts[copy.key] = await copy.read(platform.db, current.id);
    await audit(platform.db, {
      action: 'personal_data.copied',
      actor: { id: current.id, label: current.displayName, ip: request.ip },
      targetType: 'account',
      targetId: current.id,
      details: { parts: register.copies.map((c) => c.key), format: html ? 'html' : 'json' },
    });
    const file = {
      produitPar: 'Guichet',
      produitLe: now.toISOString(),
      aSavoir:
        'Ce fichier contient tout ce que Guichet garde sur vous. Les dates sont en temps universel (UTC). Ne le transmettez qu’à une personne ou un service de confiance.',
      ...parts,
      nonInclus: Object.fromEntries(register.notCopied.map((n) => [n.table, n.why])),
    };
    const day = now.toISOString().slice(0, 10);
    reply.header('cache-control', 'no-store');
    if (html) {
      const readable = { ...file, aSavoir: 'Ce document contient tout ce que Guichet garde sur vous. Ne le transmettez qu’à une personne ou un service de confiance.' };
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="guichet-mes-donnees-${day}.html"`)
        .send(myDataHtml(readable, now));
    }
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="guichet-mes-donnees-${day}.json"`)
      .send(JSON.stringify(file, null, 2));
  });
}
