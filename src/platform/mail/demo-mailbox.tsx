import type { FastifyInstance } from 'fastify';
import { NoQuery } from '../http/route-schemas';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables';
import { ForbiddenError } from '../http/errors';
import { signInRedirect } from '../auth/guards';
import type { CaughtMail } from './smtp-catcher';

/** The demo operator is an administrator of the portal's own tenant (the Région). */
export const DEMO_MAILBOX_PATH = '/demo/courriels';

export function storeCaughtMail(db: Kysely<PlatformTables>) {
  return async (mail: CaughtMail) => {
    await db
      .insertInto('platform_demo_mails')
      .values({ recipients: mail.to.join(', '), subject: mail.subject, body: mail.text })
      .execute();
  };
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

/** A mail's text with its addresses made links, as a mail reader shows them (a final full stop or bracket is not part of one). */
export function MailText({ text }: { text: string }) {
  const parts: Array<string | { href: string }> = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const href = match[0].replace(/[.,;:!?)»]+$/, '');
    parts.push(text.slice(last, match.index), { href });
    last = match.index + href.length;
  }
  parts.push(text.slice(last));
  return <>{parts.map((p) => (typeof p === 'string' ? p : <a href={p.href}>{p.href}</a>))}</>;
}

/** Shows the mails the demo catcher received, newest first (demo only: registered with the catcher). */
export async function demoMailboxRoutes(app: FastifyInstance) {
  app.get(DEMO_MAILBOX_PATH, { schema: { querystring: NoQuery } }, async (request, reply) => {
    const account = await request.currentAccount();
    if (!account) return reply.redirect(signInRedirect(request), 303);
    const portal = app.platform.tenants.portal();
    if (account.roles.get(portal.id) !== 'administrateur') {
      throw new ForbiddenError(`Cette page est réservée à l'opérateur de la démonstration (administrateur de ${portal.name}).`);
    }
    const mails = await app.platform.db
      .selectFrom('platform_demo_mails')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
    reply.header('cache-control', 'no-store');
    return reply.page(
      {
        title: 'Courriels de la démonstration',
        noindex: true,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: 'Courriels de la démonstration' }],
        notice: (
          <p class="notice">
            Environnement de démonstration : aucun courriel n'est vraiment envoyé. Voici les 50 derniers, tels que
            les personnes les auraient reçus.
          </p>
        ),
        main:
          mails.length === 0 ? (
            <p>Aucun courriel pour l'instant.</p>
          ) : (
            <ol class="mail-list">
              {mails.map((mail) => (
                <li>
                  <article aria-labelledby={`courriel-${mail.id}`}>
                    <h2 id={`courriel-${mail.id}`}>{mail.subject}</h2>
                    <p>
                      À {mail.recipients}, le{' '}
                      {new Date(mail.received_at).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' })}
                    </p>
                    <pre class="mail-list__body">
                      <MailText text={mail.body} />
                    </pre>
                  </article>
                </li>
              ))}
            </ol>
          ),
      },
      { tenant: portal },
    );
  });
}
