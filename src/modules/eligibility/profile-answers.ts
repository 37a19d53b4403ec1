/**
 * The simulator and a signed-in person's profile: the answers taken from it once (« Dites-le-nous
 * une fois »), and those the person may keep in it (never over a field certified by FranceConnect).
 * Also what the pages read from the answers: the questions skipped, a text condition by its id.
 */
import { walk, type Aid, type TextCondition } from '../aids';
import { isCertified, type Profile } from '../profile';
import { textQuestionId } from './facts';
import { isAnswered } from './questions';
import type { Situation } from './situation';
import type { SimulatorState } from './state';

/** Questions the person said « je ne sais pas » to: not asked again. */
export function skippedOf(state: SimulatorState): string[] {
  return [...state.skipped, ...Object.entries(state.situation.reponses ?? {}).filter(([, v]) => v === null).map(([k]) => k)];
}

export function findText(aids: Aid[], id: string): { condition: TextCondition; aid: Aid } | undefined {
  for (const aid of aids) {
    let found: TextCondition | undefined;
    walk(aid.eligibility, '', (c) => {
      if (!found && c.type === 'text' && textQuestionId(c, aid.id) === id) found = c;
    });
    if (found) return { condition: found, aid };
  }
  return undefined;
}

/** What the simulator can take from the profile, and its words. */
export const PROFILE_FIELDS = { birthdate: 'Date de naissance', address: 'Commune', situation: 'Situation', household: 'Enfants à charge' } as const;

export function prefill(state: SimulatorState, profile: Profile, accountId: string): SimulatorState {
  const s: Situation = { ...state.situation };
  const taken: string[] = [];
  if (profile.birthdate && !isAnswered(s, 'age')) {
    s.date_naissance = profile.birthdate.value;
    taken.push(PROFILE_FIELDS.birthdate);
  }
  if (profile.address && !s.commune) {
    s.commune = profile.address.value.commune_code;
    taken.push(`${PROFILE_FIELDS.address} (${profile.address.value.commune_name})`);
  }
  if (profile.situation && !s.situation) {
    s.situation = profile.situation.value;
    taken.push(PROFILE_FIELDS.situation);
  }
  if (profile.household && s.enfants === undefined) {
    s.enfants = profile.household.value.children;
    s.adultes = profile.household.value.adults;
    taken.push(PROFILE_FIELDS.household);
  }
  return { ...state, situation: s, prefilled: [...state.prefilled, ...taken], profileOf: accountId };
}

/** The fields the person may keep in their profile: different from it, and never certified ones. */
export function saveable(s: Situation, profile: Profile): { fields: Array<keyof typeof PROFILE_FIELDS>; certified: Array<keyof typeof PROFILE_FIELDS> } {
  const fields: Array<keyof typeof PROFILE_FIELDS> = [];
  const certified: Array<keyof typeof PROFILE_FIELDS> = [];
  const consider = (name: keyof typeof PROFILE_FIELDS, differs: boolean) => {
    if (!differs) return;
    if (isCertified(profile[name])) certified.push(name);
    else fields.push(name);
  };
  consider('birthdate', s.date_naissance !== undefined && profile.birthdate?.value !== s.date_naissance);
  // An organisation's commune is where it is, not the person's address.
  consider('address', s.demandeur !== 'organisation' && s.commune !== undefined && profile.address?.value.commune_code !== s.commune);
  consider('situation', s.situation !== undefined && profile.situation?.value !== s.situation);
  consider('household', s.enfants !== undefined && profile.household?.value.children !== s.enfants);
  return { fields, certified };
}
