import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FormBody, NoQuery, Params, Query, Text, TextFields } from '../../platform/http/route-schemas';
import { Type } from '@sinclair/typebox';
import { audit } from '../../platform/audit/audit';
import type { CurrentAccount } from '../../platform/auth/current-account';
import { signedInAccount } from '../../platform/auth/guards';
import { NotFoundError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';
import { communeName, communesForPostalCode, type CommuneChoice } from './communes';
import { isCertified, type Profile, type ProfileFieldName } from './model';
import { safeNext } from './person';
import { clearDeclared, readProfile, writeDeclared } from './store';
import { field, POSTAL_CODE, validateHousehold, validateIdentity, validateOrganisation, validatePhone, validateSituation } from './validation';
import { EditPage } from './views/edit';
import { GROUPS, LABELS, PROFILE_PATH, ProfilePage, type Group } from './views/profile';

const HOME = { label: 'Accueil', href: '/' };
const SPACE = { label: 'Mon compte', href: '/mon-compte' };

/** What the edit form of a group shows first: the values on file. */
function currentValues(group: Group, profile: Profile): Record<string, string> {
  switch (group) {
    case 'identite': {
      const values: Record<string, string> = {};
      for (const f of GROUPS.identite.fields) if (profile[f] && !isCertified(profile[f])) values[f] = String(profile[f]!.value);
      return values;
    }
    case 'adresse':
      return profile.address ? { ...profile.address.value } : {};
    case 'telephone':
      return profile.phone ? { phone: profile.phone.value } : {};
    case 'situation':
      return profile.situation ? { situation: profile.situation.value } : {};
    case 'foyer':
      return profile.household ? { adults: String(profile.household.value.adults), children: String(profile.household.value.children) } : {};
    case 'organisation':
      return profile.organisation ? { siret: profile.organisation.value.siret, type: profile.organisation.value.type, name: profile.organisation.value.name ?? '' } : {};
  }
}

const GroupParams = Params({ groupe: Type.String({ pattern: '^[a-z]{1,20}$', maxLength: 20 }) });
/** Every field of the profile's forms (views/edit.tsx); the handler keeps those of the group. */
const ProfileBody = FormBody(TextFields(['given_name', 'family_name', 'preferred_username', 'birthdate', 'gender', 'street', 'postal_code', 'commune_code', 'phone', 'situation', 'adults', 'children', 'siret', 'type', 'name', 'action']));

export async function profileRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const { db } = platform;
  platform.accountSections.push({
    href: PROFILE_PATH,
    label: 'Mon profil',
    description: 'Vos informations (identité, adresse, situation…) : celles certifiées par FranceConnect et celles que vous avez déclarées.',
    order: 5,
  });

  app.get(PROFILE_PATH, { config: { guard: { person: true } }, schema: { querystring: Query({ fait: Text }) } }, async (request, reply) => {
    const account = signedInAccount(request);
    const profile = await readProfile(db, account.id);
    const done = request.query.fait;
    return reply.page({
      title: 'Mon profil',
      noindex: true,
      breadcrumb: [HOME, SPACE, { label: 'Mon profil' }],
      main: (
        <ProfilePage
          profile={profile}
          birthplaceName={profile.birthplace ? await communeName(db, profile.birthplace.value) : undefined}
          done={done === 'efface' || (done && Object.hasOwn(GROUPS, done)) ? (done as Group | 'efface') : undefined}
        />
      ),
    });
  });

  const groupOf = (params: { groupe: string }): Group => {
    const group = params.groupe;
    if (!Object.hasOwn(GROUPS, group)) throw new NotFoundError();
    return group as Group;
  };

  const renderEdit = async (
    reply: FastifyReply,
    state: { group: Group; profile: Profile; values: Record<string, string>; errors: FieldErrors; communes?: CommuneChoice[] | undefined },
    status = 200,
  ) => {
    const title = `${GROUPS[state.group].label} – Mon profil`;
    return reply.page(
      {
        title: Object.keys(state.errors).length ? `Erreur : ${title}` : title,
        heading: `Modifier : ${GROUPS[state.group].label.toLowerCase()}`,
        noindex: true,
        breadcrumb: [HOME, SPACE, { label: 'Mon profil', href: PROFILE_PATH }, { label: GROUPS[state.group].label }],
        main: <EditPage csrfToken={await reply.generateCsrf()} {...state} />,
      },
      { status },
    );
  };

  app.get(`${PROFILE_PATH}/:groupe`, { config: { guard: { person: true } }, schema: { params: GroupParams, querystring: NoQuery } }, async (request, reply) => {
    const group = groupOf(request.params);
    const account = signedInAccount(request);
    const profile = await readProfile(db, account.id);
    if (group === 'identite' && GROUPS.identite.fields.every((f) => isCertified(profile[f]))) return reply.redirect(PROFILE_PATH, 303);
    const values = currentValues(group, profile);
    const communes = group === 'adresse' && values.postal_code ? await communesForPostalCode(db, values.postal_code) : undefined;
    return renderEdit(reply, { group, profile, values, errors: {}, communes });
  });

  const actorOf = (account: CurrentAccount, ip: string) => ({ id: account.id, label: account.displayName, ip });

  app.post(`${PROFILE_PATH}/:groupe`, { config: { guard: { person: true } }, schema: { params: GroupParams, body: ProfileBody } }, async (request, reply) => {
    const group = groupOf(request.params);
    const account = signedInAccount(request);
    const body = request.body;
    const profile = await readProfile(db, account.id);
    const fields = GROUPS[group].fields as readonly ProfileFieldName[];
    const posted: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') posted[k] = v.slice(0, 300);

    // A certified value can only come from FranceConnect, whatever the form sent.
    const certifiedSent = fields.filter((f) => isCertified(profile[f]) && posted[f] !== undefined);
    if (certifiedSent.length) {
      const errors = Object.fromEntries(certifiedSent.map((f) => [f, 'Cette information est certifiée par FranceConnect : elle ne peut pas être modifiée ici.']));
      return renderEdit(reply, { group, profile, values: posted, errors }, 422);
    }

    if (body.action === 'effacer') {
      const cleared = fields.filter((f) => profile[f] && !isCertified(profile[f]));
      for (const f of cleared) await clearDeclared(db, account.id, f);
      if (cleared.length) await audit(db, { action: 'profile.clear', actor: actorOf(account, request.ip), targetType: 'account', targetId: account.id, details: { fields: cleared } });
      return reply.redirect(`${PROFILE_PATH}?fait=efface`, 303);
    }

    const written: ProfileFieldName[] = [];
    const fail = (errors: FieldErrors, communes?: CommuneChoice[]) => renderEdit(reply, { group, profile, values: posted, errors, communes }, 422);
    switch (group) {
      case 'identite': {
        const editable = new Set<string>(fields.filter((f) => !isCertified(profile[f])));
        const result = validateIdentity(body, editable);
        if (!result.ok) return fail(result.errors);
        for (const [f, value] of Object.entries(result.value) as Array<[ProfileFieldName, string]>) {
          await writeDeclared(db, account.id, f, value as never);
          written.push(f);
        }
        for (const f of result.cleared ?? []) {
          if (profile[f as ProfileFieldName]) {
            await clearDeclared(db, account.id, f as ProfileFieldName);
            written.push(f as ProfileFieldName);
          }
        }
        break;
      }
      case 'adresse': {
        const errors: FieldErrors = {};
        const street = field(body, 'street', 200);
        const postalCode = field(body, 'postal_code', 10).replace(/\s/g, '');
        posted.postal_code = postalCode;
        if (!street) errors.street = 'Indiquez le numéro et la rue.';
        let communes: CommuneChoice[] = [];
        if (!postalCode) errors.postal_code = 'Indiquez le code postal.';
        else if (!POSTAL_CODE.test(postalCode)) errors.postal_code = 'Le code postal a 5 chiffres, par exemple 35000.';
        else {
          communes = await communesForPostalCode(db, postalCode);
          if (communes.length === 0) errors.postal_code = 'Aucune commune de Bretagne n’a ce code postal. Vérifiez-le : Guichet connaît les communes de Bretagne.';
        }
        const chosen = communes.find((c) => c.code === field(body, 'commune_code', 10)) ?? (communes.length === 1 ? communes[0] : undefined);
        if (communes.length > 1 && !chosen) {
          errors.commune_code = `Plusieurs communes ont le code postal ${postalCode} : choisissez la vôtre.`;
        }
        if (Object.keys(errors).length || !chosen) return fail(errors, communes);
        await writeDeclared(db, account.id, 'address', { street, postal_code: postalCode, commune_code: chosen.code, commune_name: chosen.name });
        written.push('address');
        break;
      }
      case 'telephone': {
        const result = validatePhone(body);
        if (!result.ok) return fail(result.errors);
        await writeDeclared(db, account.id, 'phone', result.value);
        written.push('phone');
        break;
      }
      case 'situation': {
        const result = validateSituation(body);
        if (!result.ok) return fail(result.errors);
        await writeDeclared(db, account.id, 'situation', result.value);
        written.push('situation');
        break;
      }
      case 'foyer': {
        const result = validateHousehold(body);
        if (!result.ok) return fail(result.errors);
        await writeDeclared(db, account.id, 'household', result.value);
        written.push('household');
        break;
      }
      case 'organisation': {
        const result = validateOrganisation(body);
        if (!result.ok) return fail(result.errors);
        await writeDeclared(db, account.id, 'organisation', result.value);
        written.push('organisation');
        break;
      }
    }
    if (written.length) {
      await audit(db, { action: 'profile.update', actor: actorOf(account, request.ip), targetType: 'account', targetId: account.id, details: { fields: written } });
    }
    return reply.redirect(safeNext(`${PROFILE_PATH}?fait=${group}`), 303);
  });
}

export { LABELS };
