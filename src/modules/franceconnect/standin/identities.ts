import { createHash } from 'node:crypto';
import type { CertifiableValues } from '../../profile';

/**
 * Fictional people the stand-in lets one sign in as. Their claims follow FranceConnect's
 * "identité pivot": every first name in given_name, the birth name in family_name, the usage
 * name in preferred_username (empty when none), COG codes for the place and country of birth
 * (birthplace empty when born abroad).
 */
export interface TestIdentity {
  /** Short key, used in forms. */
  key: string;
  /** What the picking page says of this person. */
  summary: string;
  claims: CertifiableValues;
}

export const TEST_IDENTITIES: TestIdentity[] = [
  {
    key: 'yann-kerbrat',
    summary: 'Né à Quimper en 1978, artisan à Douarnenez.',
    claims: {
      given_name: 'Yann Loïc',
      family_name: 'Kerbrat',
      birthdate: '1978-04-23',
      gender: 'male',
      birthplace: '29232',
      birthcountry: '99100',
      email: 'yann.kerbrat@exemple.fr',
      preferred_username: '',
    },
  },
  {
    key: 'maelys-tanguy',
    summary: 'Étudiante de 19 ans à Rennes, née à Saint-Brieuc.',
    claims: {
      given_name: 'Maëlys Anne',
      family_name: 'Tanguy',
      birthdate: '2007-03-18',
      gender: 'female',
      birthplace: '22278',
      birthcountry: '99100',
      email: 'maelys.tanguy@exemple.fr',
      preferred_username: '',
    },
  },
  {
    key: 'jeanne-le-bihan',
    summary: 'Retraitée à Brest, née Morvan à Brest en 1951, nom d’usage Le Bihan.',
    claims: {
      given_name: 'Jeanne Marie Thérèse',
      family_name: 'Morvan',
      birthdate: '1951-11-02',
      gender: 'female',
      birthplace: '29019',
      birthcountry: '99100',
      email: 'jeanne.lebihan@exemple.fr',
      preferred_username: 'Le Bihan',
    },
  },
  {
    key: 'karim-benali',
    summary: 'Né au Maroc en 1988, infirmier à Lorient.',
    claims: {
      given_name: 'Karim',
      family_name: 'Benali',
      birthdate: '1988-07-09',
      gender: 'male',
      birthplace: '',
      birthcountry: '99350',
      email: 'karim.benali@exemple.fr',
      preferred_username: '',
    },
  },
];

/**
 * FranceConnect gives each service a different, stable `sub` for a person (64 hex digits then
 * "v1"); the stand-in does the same from the identity's key.
 */
export function subOf(identity: TestIdentity): string {
  return `${createHash('sha256').update(`franceconnect-standin:${identity.key}`).digest('hex')}v1`;
}

export function identityBySub(sub: string): TestIdentity | undefined {
  return TEST_IDENTITIES.find((identity) => subOf(identity) === sub);
}

export function identityByKey(key: string): TestIdentity | undefined {
  return TEST_IDENTITIES.find((identity) => identity.key === key);
}
