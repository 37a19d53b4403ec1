import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { FormDefinition, FormSection } from './form';
import type { ApplicationsTables } from './tables';

const identity: FormSection = {
  id: 'identite',
  title: 'Qui êtes-vous ?',
  intro: 'Votre identité, telle qu’elle figure sur vos papiers.',
  fields: [
    { name: 'prenom', label: 'Prénom', type: 'text', required: true, profile: 'given_name' },
    { name: 'nom', label: 'Nom de naissance', type: 'text', required: true, profile: 'family_name' },
    { name: 'date_naissance', label: 'Date de naissance', type: 'date', required: true, profile: 'birthdate' },
  ],
};

const contact: FormSection = {
  id: 'coordonnees',
  title: 'Où vous joindre ?',
  fields: [
    { name: 'adresse', label: 'Adresse', type: 'address', required: true, profile: 'address' },
    { name: 'telephone', label: 'Téléphone', type: 'text', hint: 'Facultatif. Pour vous appeler si un document manque.', profile: 'phone' },
  ],
};

const bank: FormSection = {
  id: 'versement',
  title: 'Où verser l’aide ?',
  intro: 'L’aide est versée sur votre compte bancaire. Recopiez l’IBAN de votre RIB.',
  fields: [{ name: 'iban', label: 'IBAN', type: 'iban', required: true, hint: 'Il commence par FR76 pour un compte en France.', reuse: true }],
};

/** Forms of some seeded aids, so the demo shows the whole path (docs/applications.md). */
export const SEEDED_FORMS: Record<string, FormDefinition> = {
  'bretagne-aide-code-permis': {
    sections: [
      identity,
      contact,
      {
        id: 'formation',
        title: 'Votre formation',
        fields: [
          { name: 'formation', label: 'Nom de la formation financée par la Région que vous suivez', type: 'text', required: true },
          {
            name: 'permis_prepare',
            label: 'Ce que vous préparez',
            type: 'choice',
            required: true,
            options: [
              { value: 'code', label: 'Le code de la route seulement' },
              { value: 'code_conduite', label: 'Le code et la conduite (permis B)' },
              { value: 'conduite', label: 'La conduite seulement (j’ai déjà le code)' },
            ],
          },
          { name: 'cout', label: 'Montant du devis de l’auto-école, en euros', type: 'number', required: true, min: 0, max: 5000 },
          { name: 'permis_necessaire', label: 'Le permis est-il nécessaire à votre projet professionnel ?', type: 'yesno', required: true },
        ],
      },
      { id: 'devis', title: 'Le devis de l’auto-école', fields: [{ name: 'devis', label: 'Devis de l’auto-école', type: 'file', required: true, hint: 'PDF, JPEG ou PNG, 5 Mo au plus.' }] },
      bank,
    ],
  },
  'ville-de-vannes-bourse-au-permis': {
    sections: [
      identity,
      contact,
      {
        id: 'engagement',
        title: 'Votre engagement citoyen',
        intro: 'En échange de la bourse, vous donnez des heures à une association ou un service de la ville.',
        fields: [
          { name: 'heures', label: 'Nombre d’heures que vous proposez', type: 'number', required: true, min: 1, max: 200 },
          { name: 'structure', label: 'Association ou service où vous les ferez', type: 'text', required: true },
        ],
      },
      { id: 'justificatif', title: 'Justificatif de domicile', fields: [{ name: 'justificatif_domicile', label: 'Justificatif de domicile de moins de 3 mois', type: 'file', required: true }] },
      bank,
    ],
  },
  'caf-aide-nationale-bafa': {
    sections: [
      identity,
      contact,
      {
        id: 'stage',
        title: 'Votre stage',
        fields: [
          { name: 'organisme', label: 'Organisme de formation', type: 'text', required: true },
          { name: 'date_fin_stage', label: 'Date de fin du stage d’approfondissement', type: 'date', required: true },
          { name: 'siret_organisme', label: 'SIRET de l’organisme', type: 'siret', hint: 'Facultatif : 14 chiffres, sur la facture.' },
        ],
      },
      bank,
    ],
  },
};

/** Writes the seeded forms of the aids that exist (skips the others); returns true if it wrote any. */
export async function seedApplicationForms(db: Kysely<PlatformTables>): Promise<boolean> {
  const tdb = db.withTables<ApplicationsTables & { aids: { id: string; tenant_id: string } }>();
  const aids = await tdb.selectFrom('aids').select(['id', 'tenant_id']).where('id', 'in', Object.keys(SEEDED_FORMS)).execute();
  const existing = new Set((await tdb.selectFrom('application_forms').select('aid_id').execute()).map((r) => r.aid_id));
  let wrote = false;
  for (const aid of aids) {
    if (existing.has(aid.id)) continue;
    await tdb.insertInto('application_forms').values({ aid_id: aid.id, tenant_id: aid.tenant_id, definition: JSON.stringify(SEEDED_FORMS[aid.id]) }).execute();
    wrote = true;
  }
  return wrote;
}
