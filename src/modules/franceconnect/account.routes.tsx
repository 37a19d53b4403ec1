import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FormBody, NoQuery, Query, Text } from '../../platform/http/route-schemas';
import type { FastifyInstance } from 'fastify';
import { audit } from '../../platform/audit/audit';
import { signedInAccount } from '../../platform/auth/guards';
import { forgetCertified } from '../profile';
import { linkFor, removeLink } from './store';
import { LinkPage, UnlinkPage } from './views/pages';

export const ACCOUNT_PAGE = '/mon-compte/franceconnect';

/** The person's FranceConnect link, in their space: see it, unlink it (linking starts the flow: routes.tsx). */
export async function franceConnectAccountRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  const crumbs = (label: string, href?: string) => [
    { label: 'Accueil', href: '/' },
    { label: 'Mon compte', href: '/mon-compte' },
    ...(href ? [{ label: 'FranceConnect', href: ACCOUNT_PAGE }] : []),
    { label },
  ];

  app.get(ACCOUNT_PAGE, { config: { guard: { person: true } }, schema: { querystring: Query({ lien: Text, delie: Text }) } }, async (request, reply) => {
    const account = signedInAccount(request);
    const link = await linkFor(platform.db, account.id);
    const row = await platform.db.selectFrom('platform_accounts').select('password_hash').where('id', '=', account.id).executeTakeFirst();
    const flag = request.query;
    return reply.page({
      title: 'FranceConnect',
      noindex: true,
      breadcrumb: crumbs('FranceConnect'),
      main: (
        <LinkPage
          link={link ? { linked_at: new Date(link.linked_at), last_seen_at: new Date(link.last_seen_at) } : undefined}
          hasPassword={Boolean(row?.password_hash)}
          csrfToken={await reply.generateCsrf()}
          notice={flag.lien === 'ok' && link ? 'linked' : flag.delie === 'ok' && !link ? 'unlinked' : undefined}
        />
      ),
    });
  });

  const unlinkable = async (accountId: string) => {
    const link = await linkFor(platform.db, accountId);
    const row = await platform.db.selectFrom('platform_accounts').select('password_hash').where('id', '=', accountId).executeTakeFirst();
    return { link, hasPassword: Boolean(row?.password_hash) };
  };

  app.get(`${ACCOUNT_PAGE}/delier`, { config: { guard: { person: true } }, schema: { querystring: NoQuery } }, async (request, reply) => {
    const account = signedInAccount(request);
    const { link, hasPassword } = await unlinkable(account.id);
    if (!link || !hasPassword) return reply.redirect(ACCOUNT_PAGE, 303);
    return reply.page({
      title: 'Délier FranceConnect',
      noindex: true,
      breadcrumb: crumbs('Délier', ACCOUNT_PAGE),
      main: <UnlinkPage csrfToken={await reply.generateCsrf()} />,
    });
  });

  app.post(`${ACCOUNT_PAGE}/delier`, { config: { guard: { person: true } }, schema: { body: FormBody({}) } }, async (request, reply) => {
    const account = signedInAccount(request);
    const { link, hasPassword } = await unlinkable(account.id);
    if (!link) return reply.redirect(ACCOUNT_PAGE, 303);
    if (!hasPassword) {
      return reply.page(
        {
          title: 'Délier FranceConnect impossible',
          noindex: true,
          breadcrumb: crumbs('Délier', ACCOUNT_PAGE),
          main: (
            <p>
              Votre compte n’a pas de mot de passe : sans FranceConnect, vous ne pourriez plus vous connecter. Choisissez d’abord un mot de
              passe dans <a href="/mon-compte">Mon compte</a>.
            </p>
          ),
        },
        { status: 409 },
      );
    }
    await removeLink(platform.db, account.id);
    await forgetCertified(platform.db, account.id);
    await audit(platform.db, {
      action: 'franceconnect.unlink',
      actor: { id: account.id, label: account.displayName, ip: request.ip },
      targetType: 'account',
      targetId: account.id,
    });
    return reply.redirect(`${ACCOUNT_PAGE}?delie=ok`, 303);
  });
}
