import { FormBody, Query, Text } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { signedInAccount } from '../../platform/auth/guards';
import { Notice } from '../../platform/views/components';
import { answerInvitation, invitationsOf, INVITATION_LINK, INVITATIONS_PAGE, lookUpInvitation, type Lookup } from './invitations.service';
import { findInvitationByToken, isExpired } from './invitations.store';
import { InvitationCard, InvitationLanding, OtherAddress, REFUSALS } from './views/invitations';

const ANSWER = `${INVITATIONS_PAGE}/repondre`;
const HOME = { label: 'Accueil', href: '/' };
const SPACE = { label: 'Mon compte', href: '/mon-compte' };
const TITLE = 'Invitations';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * A person's side of the invitations to become an agent: the page the mailed link opens, and
 * « Mon compte › Invitations » where an invitation is accepted or declined.
 */
export async function invitationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  platform.accountSections.push({
    href: INVITATIONS_PAGE,
    label: TITLE,
    description: "Les invitations à devenir agent d'une collectivité : les accepter ou les refuser.",
    order: 60,
  });
  const tenantName = (id: string) => platform.tenants.get(id)?.name ?? id;

  const page = (reply: FastifyReply, title: string, crumbs: Array<{ label: string; href?: string }>, main: ComponentChildren, status = 200) =>
    reply.header('cache-control', 'no-store').page({ title, heading: title, noindex: true, breadcrumb: [HOME, ...crumbs], main }, { status });

  app.get(INVITATION_LINK, { schema: { querystring: Query({ jeton: Text }) } }, async (request, reply) => {
    const token = text(request.query.jeton);
    const invitation = await findInvitationByToken(platform.db, token);
    const title = 'Invitation à devenir agent';
    if (!invitation || isExpired(invitation)) {
      return page(reply, title, [{ label: title }], <Notice kind="warning" title="Cette invitation ne peut pas être utilisée"><p>{REFUSALS[invitation ? 'expired' : 'unknown']}</p></Notice>, 400);
    }
    const answerPage = `${INVITATIONS_PAGE}?jeton=${encodeURIComponent(token)}`;
    if (await request.currentAccount()) return reply.redirect(answerPage, 303);
    const signIn = `/connexion?suite=${encodeURIComponent(answerPage)}`;
    return page(reply, title, [{ label: title }], <InvitationLanding invitation={invitation} tenantName={tenantName(invitation.tenantId)} signIn={signIn} />);
  });

  const render = async (request: FastifyRequest, reply: FastifyReply, options: { token?: string; problem?: ComponentChildren; done?: ComponentChildren; status?: number } = {}) => {
    const account = signedInAccount(request);
    const csrfToken = await reply.generateCsrf();
    const fromLink: Lookup | undefined = options.token ? await lookUpInvitation(platform.db, account, { token: options.token }) : undefined;
    const own = await invitationsOf(platform.db, account);
    const linked = fromLink?.ok ? fromLink.invitation : undefined;
    const others = own.invitations.filter((i) => i.id !== linked?.id);
    let linkProblem: ComponentChildren = null;
    if (fromLink && !fromLink.ok) {
      linkProblem =
        fromLink.reason === 'other_address' ? (
          <OtherAddress invited={fromLink.email ?? ''} current={account.email} />
        ) : (
          <Notice kind="warning" title="Ce lien ne peut pas être utilisé">
            <p>{REFUSALS[fromLink.reason]}</p>
          </Notice>
        );
    }
    const answerable = [
      ...(linked && options.token ? [{ invitation: linked, reference: { name: 'jeton' as const, value: options.token } }] : []),
      ...(own.confirmed ? others.map((invitation) => ({ invitation, reference: { name: 'invitation' as const, value: invitation.id } })) : []),
    ];
    return page(
      reply,
      TITLE,
      [SPACE, { label: TITLE }],
      <>
        {options.done}
        {options.problem}
        {linkProblem}
        <p>Une collectivité peut vous inviter à devenir agent de son espace de gestion. Vous devenez agent seulement si vous acceptez.</p>
        {answerable.length ? (
          <ul class="cards">
            {answerable.map(({ invitation, reference }) => (
              <InvitationCard invitation={invitation} tenantName={tenantName(invitation.tenantId)} csrfToken={csrfToken} action={ANSWER} reference={reference} />
            ))}
          </ul>
        ) : (
          <p>Vous n'avez aucune invitation en attente.</p>
        )}
        {!own.confirmed && others.length ? <Notice kind="info"><p>{REFUSALS.unconfirmed}</p></Notice> : null}
      </>,
      options.status,
    );
  };

  app.get(INVITATIONS_PAGE, { config: { guard: { person: true } }, schema: { querystring: Query({ jeton: Text, fait: Text }) } }, async (request, reply) => {
    const query = request.query;
    const done =
      query.fait === 'acceptee' ? (
        <Notice kind="success" title="Invitation acceptée">
          <p>
            Vous êtes maintenant agent de la collectivité. <a href="/admin">Ouvrir l'espace de gestion</a> : vous y activerez d'abord la double
            authentification, si ce n'est déjà fait.
          </p>
        </Notice>
      ) : query.fait === 'refusee' ? (
        <Notice kind="success">Invitation refusée. Vous n'êtes pas agent de cette collectivité.</Notice>
      ) : undefined;
    return render(request, reply, { token: text(query.jeton) || undefined, done });
  });

  app.post(ANSWER, { config: { guard: { person: true } }, schema: { body: FormBody({ reponse: Text, jeton: Text, invitation: Text }) } }, async (request, reply) => {
    const account = signedInAccount(request);
    const body = request.body;
    const answer = body.reponse === 'accepter' ? 'accept' : body.reponse === 'refuser' ? 'decline' : undefined;
    const token = text(body.jeton) || undefined;
    if (!answer) return render(request, reply, { token, problem: <Notice kind="warning">Choisissez « Accepter » ou « Refuser ».</Notice>, status: 422 });
    const result = await answerInvitation(platform.db, account, { token, id: text(body.invitation) || undefined }, answer, request.ip);
    if (!result.ok) {
      const problem =
        result.reason === 'other_address' ? (
          <OtherAddress invited={result.email ?? ''} current={account.email} />
        ) : (
          <Notice kind="warning" title="Réponse impossible">
            <p>{REFUSALS[result.reason]}</p>
          </Notice>
        );
      return render(request, reply, { problem, status: result.reason === 'unknown' ? 404 : 409 });
    }
    return reply.redirect(`${INVITATIONS_PAGE}?fait=${answer === 'accept' ? 'acceptee' : 'refusee'}`, 303);
  });
}
