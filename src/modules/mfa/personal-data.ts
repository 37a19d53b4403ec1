import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { MfaTables } from './tables';
import type { PersonalDataDeclaration } from '../../platform/personal-data';

async function secondFactorCopy(db: Kysely<PlatformTables>, accountId: string) {
  const mfa = db.withTables<MfaTables>();
  const factor = await mfa.selectFrom('mfa_factors').select(['enrolled_at']).where('account_id', '=', accountId).executeTakeFirst();
  const codes = await mfa.selectFrom('mfa_recovery_codes').select(['created_at', 'used_at']).where('account_id', '=', accountId).execute();
  if (!factor && codes.length === 0) return null;
  return {
    applicationDeCodesActiveeLe: factor?.enrolled_at,
    codesDeSecours: { restants: codes.filter((c) => !c.used_at).length, utilises: codes.filter((c) => c.used_at).map((c) => c.used_at) },
    secret: 'non inclus : le secret de la double authentification ne quitte jamais Guichet',
  };
}


/** The second factor: the TOTP secret (sealed) and the recovery codes (hashed). */
export const mfaPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'double-authentification',
      concerned: 'personnes',
      title: 'La double authentification',
      tables: ['mfa_factors', 'mfa_recovery_codes'],
      data: 'la clé secrète de votre application de codes (chiffrée), les empreintes de vos codes de secours, et quand ils ont servi.',
      purpose: 'protéger votre compte par un code en plus du mot de passe. Elle est obligatoire pour les agents.',
      basis: 'obligation',
      basisDetail: 'sécurité des données, article 32 du RGPD',
      kept: 'jusqu’à ce que vous la désactiviez ou supprimiez votre compte.',
      enforced: 'l’effacement est immédiat.',
      recipients: 'personne : seul Guichet s’en sert.',
    },
  ],
  copies: [{ key: 'doubleAuthentification', tables: ['mfa_factors', 'mfa_recovery_codes'], read: secondFactorCopy }],
};
