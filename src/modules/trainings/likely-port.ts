/**
 * What a training's page asks of the eligibility module (src/modules/eligibility plugs it in at
 * start): for a signed-in person who asks, each aid's likely answer from their profile, with its
 * reasons — without the trainings module depending on the eligibility module (which the one
 * search, itself fed by trainings, depends on).
 */
export interface LikelyAid {
  status: 'eligible' | 'to_check' | 'not_eligible';
  reasons: string[];
}

export interface LikelyAidsPort {
  forAccount(accountId: string): Promise<Map<string, LikelyAid>>;
}

declare module '../../platform/context' {
  interface Platform {
    likelyAids?: LikelyAidsPort;
  }
}
