import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { isCertified, readProfile, type Profile } from '../profile';
import type { Scope } from './clients.store';

/** Claims released by each scope (OpenID Connect Core 5.4, and FranceConnect's identité pivot). */
export const SCOPE_CLAIMS: Record<Scope, string[]> = {
  openid: ['sub', 'certified_claims'],
  profile: ['given_name', 'family_name', 'birthdate', 'gender', 'preferred_username'],
  email: ['email', 'email_verified'],
  address: ['address'],
  identite_pivot: ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry', 'preferred_username'],
  // The person's API (api.person.routes.ts): read with the access token, no claim in the ID token.
  'profil:lecture': [],
  'demarches:lecture': [],
  offline_access: [],
};

/** What each scope means, in plain words, for the consent screen and the person's space. */
export const SCOPE_WORDS: Record<Scope, { title: string; detail: string }> = {
  openid: { title: 'Un identifiant', detail: 'un numéro qui permet à l’application de vous reconnaître quand vous revenez (il ne dit rien sur vous)' },
  profile: { title: 'Votre identité', detail: 'prénoms, nom, nom d’usage, date de naissance et sexe' },
  email: { title: 'Votre adresse électronique', detail: 'l’adresse de votre compte et si elle a été vérifiée' },
  address: { title: 'Votre adresse postale', detail: 'rue, code postal et commune, si vous les avez indiqués dans votre profil' },
  identite_pivot: {
    title: 'Votre identité complète (identité pivot)',
    detail: 'prénoms, nom, nom d’usage, date de naissance, sexe, commune et pays de naissance',
  },
  'profil:lecture': {
    title: 'Voir votre profil',
    detail: 'ce que votre profil Guichet contient (identité, adresse, téléphone, situation, foyer, organisme), et ce qui est certifié par FranceConnect ou déclaré par vous',
  },
  'demarches:lecture': {
    title: 'Voir vos démarches et leur avancement',
    detail: 'vos demandes faites auprès de la collectivité qui propose l’application : où elles en sont, leur historique et les messages échangés ; jamais celles faites auprès d’autres organismes',
  },
  offline_access: {
    title: 'Un accès qui dure',
    detail: 'l’application peut continuer à lire ces données sans que vous vous reconnectiez, 30 jours au plus après la dernière connexion, tant que vous ne retirez pas l’autorisation',
  },
};

/** The claim names a set of scopes lets an application read. */
export function claimsForScopes(scopes: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const scope of scopes) for (const claim of SCOPE_CLAIMS[scope as Scope] ?? []) names.add(claim);
  return names;
}

let emailVerifiedColumn: Promise<string | undefined> | undefined;

/**
 * The accounts module may record when an email was confirmed; whichever column it adds
 * (email_verified_at, email_confirmed_at) is read, otherwise emails count as unverified.
 */
function findEmailVerifiedColumn(db: Kysely<PlatformTables>): Promise<string | undefined> {
  emailVerifiedColumn ??= sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_name = 'platform_accounts' and column_name in ('email_verified_at', 'email_confirmed_at', 'confirmed_at')`
    .execute(db)
    .then((result) => result.rows[0]?.column_name)
    .catch(() => undefined);
  return emailVerifiedColumn;
}

export interface PersonClaims {
  accountId: string;
  claims: Record<string, unknown>;
}

function addressClaim(profile: Profile): Record<string, string> | undefined {
  const address = profile.address?.value;
  if (!address) return undefined;
  return {
    formatted: `${address.street}\n${address.postal_code} ${address.commune_name}\nFrance`,
    street_address: address.street,
    postal_code: address.postal_code,
    locality: address.commune_name,
    country: 'France',
  };
}

/**
 * Every claim about a person, then reduced to those `scopes` allow. `certified_claims` lists
 * which of the released claims FranceConnect certified (a declared value is never listed).
 */
export async function personClaims(db: Kysely<PlatformTables>, accountId: string, scopes: Iterable<string>): Promise<PersonClaims | undefined> {
  const account = await db.selectFrom('platform_accounts').selectAll().where('id', '=', accountId).where('disabled_at', 'is', null).executeTakeFirst();
  if (!account) return undefined;
  const profile = await readProfile(db, accountId);
  const verifiedColumn = await findEmailVerifiedColumn(db);
  const emailConfirmed = verifiedColumn ? Boolean((account as unknown as Record<string, unknown>)[verifiedColumn]) : false;
  const certifiedEmail = isCertified(profile.email) && profile.email?.value.toLowerCase() === account.email.toLowerCase();

  const all: Record<string, unknown> = { sub: account.id, email: account.email, email_verified: emailConfirmed || certifiedEmail };
  const certified = new Set<string>();
  for (const name of ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry', 'preferred_username'] as const) {
    const field = profile[name];
    if (field?.value === undefined || field.value === '') continue;
    all[name] = field.value;
    if (isCertified(field)) certified.add(name);
  }
  if (certifiedEmail) certified.add('email');
  const address = addressClaim(profile);
  if (address) all.address = address;

  const allowed = claimsForScopes(scopes);
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(all)) if (allowed.has(name)) claims[name] = value;
  claims.certified_claims = [...certified].filter((name) => allowed.has(name)).sort();
  return { accountId: account.id, claims };
}
