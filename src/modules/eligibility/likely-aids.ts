/** The trainings pages' `platform.likelyAids`: every aid's likely answer from a person's profile, with reasons. */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { readProfile } from '../profile';
import type { LikelyAidsPort } from '../trainings';
import { sentence } from './engine';
import { todayInFrance } from './facts';
import { evaluateSituation } from './service';
import type { Situation } from './situation';

export function likelyAidsPort(db: Kysely<PlatformTables>): LikelyAidsPort {
  return {
    async forAccount(accountId) {
      const profile = await readProfile(db, accountId);
      const situation: Situation = { demandeur: 'particulier' };
      if (profile.birthdate) situation.date_naissance = profile.birthdate.value;
      if (profile.address) situation.commune = profile.address.value.commune_code;
      if (profile.situation) situation.situation = profile.situation.value;
      if (profile.household) {
        situation.enfants = profile.household.value.children;
        situation.adultes = profile.household.value.adults;
      }
      const outcome = await evaluateSituation(db, situation, todayInFrance());
      return new Map(outcome.all.map((r) => [r.aid.id, { status: r.status, reasons: r.reasons.slice(0, 3).map(sentence) }]));
    },
  };
}
