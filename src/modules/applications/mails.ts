import { sentenceSubject } from '../../platform/tenancy/names';
/** The acknowledgement mail: plain French, the reference, where to follow the application. */
export function applicationMail(input: { to: string; name: string; reference: string; aidName: string; tenantName: string; publicUrl: string }) {
  return {
    to: input.to,
    subject: `Demande déposée : ${input.aidName} (${input.reference})`,
    text: [
      `Bonjour ${input.name},`,
      '',
      `Nous avons bien reçu votre demande « ${input.aidName} ».`,
      `Son numéro est : ${input.reference}. Gardez-le : il sert à suivre votre demande.`,
      '',
      `${sentenceSubject(input.tenantName)} va l’examiner. Vous recevrez un courriel à chaque étape.`,
      '',
      'Pour suivre votre demande, revoir ce que vous avez envoyé ou la retirer :',
      `${input.publicUrl}/mes-demarches/${input.reference}`,
      '',
      'Si vous n’avez pas fait cette demande, répondez à ce courriel.',
      '',
      'Guichet',
    ].join('\n'),
  };
}

/** A mail for each step of the instruction: plain French, no detail of the file, the link to follow it. */
export function instructionMail(input: { to: string; name: string; reference: string; aidName: string; tenantName: string; publicUrl: string; what: 'en_instruction' | 'pieces_demandees' | 'accepte' | 'refuse' | 'classe_sans_suite' | 'message' }) {
  const who = sentenceSubject(input.tenantName);
  const lines: Record<typeof input.what, [string, string]> = {
    en_instruction: ['Votre demande est en cours d’examen', `${who} examine votre demande.`],
    pieces_demandees: ['Des documents sont demandés', `${who} a besoin de documents pour examiner votre demande. Ajoutez-les sur Guichet.`],
    accepte: ['Votre demande est acceptée', `${who} a accepté votre demande. Vous trouverez la décision et ses raisons sur Guichet.`],
    refuse: ['Votre demande est refusée', `${who} a refusé votre demande. Vous trouverez la décision et ses raisons sur Guichet.`],
    classe_sans_suite: ['Votre demande est classée sans suite', `${who} a classé votre demande sans suite. Vous trouverez les raisons sur Guichet.`],
    message: ['Vous avez un nouveau message', `${who} vous a écrit au sujet de votre demande. Lisez le message et répondez sur Guichet.`],
  };
  const [subject, sentence] = lines[input.what];
  return {
    to: input.to,
    subject: `${subject} : ${input.aidName} (${input.reference})`,
    text: [`Bonjour ${input.name},`, '', sentence, '', 'Pour voir votre demande :', `${input.publicUrl}/mes-demarches/${input.reference}`, '', 'Guichet'].join('\n'),
  };
}

/**
 * To the tenant's instructeurs when the person acted on an application. Only the reference and
 * the link to the file in the back office: no name, no answer, no message (a mail can be forwarded).
 */
export function instructeurAlertMail(input: { to: string; reference: string; tenantId: string; applicationId: string; publicUrl: string; what: 'message' | 'document' | 'retrait' }) {
  const lines: Record<typeof input.what, [string, string]> = {
    message: ['la personne a écrit', 'La personne a envoyé un message au sujet de cette demande.'],
    document: ['un document est ajouté', 'La personne a ajouté un document demandé.'],
    retrait: ['la demande est retirée', 'La personne a retiré sa demande.'],
  };
  const [subject, sentence] = lines[input.what];
  return {
    to: input.to,
    subject: `Demande ${input.reference} : ${subject}`,
    text: [
      'Bonjour,',
      '',
      `${sentence} (demande ${input.reference}).`,
      '',
      'Pour l’ouvrir dans l’espace de gestion (connexion et double authentification demandées) :',
      `${input.publicUrl}/admin/t/${input.tenantId}/demandes/${input.applicationId}`,
      '',
      'Vous recevez ce courriel parce que vous êtes instructeur ou instructrice de cette collectivité sur Guichet.',
      '',
      'Guichet',
    ].join('\n'),
  };
}
