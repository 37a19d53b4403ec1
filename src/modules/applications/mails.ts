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
      `C’est ${input.tenantName} qui va l’examiner. Vous recevrez un courriel à chaque étape.`,
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
