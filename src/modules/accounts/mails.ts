import type { MailMessage } from '../../platform/mail/mailer';
import { formatDateTime } from '../../platform/views/components';

/** Every mail of this module: plain French text, full links, what to do if it was not you. */

const SIGNATURE = '\n\n--\nGuichet, vos services publics en Bretagne.\nCe message est envoyé automatiquement : merci de ne pas y répondre.';

/** « Bonjour <name>, », the body, the signature. */
function message(to: string, subject: string, name: string | undefined, body: string): MailMessage {
  return { to, subject, text: `Bonjour${name === undefined ? '' : ` ${name}`},\n\n${body}${SIGNATURE}` };
}

/** A link that works once, for a while. */
const oneTimeLink = (open: string, validity: string, link: string) => `${open} ce lien (il est valable ${validity} et ne sert qu'une fois) :\n\n${link}`;

const NOT_YOU = (base: string) =>
  `Si ce n'est pas vous, changez tout de suite votre mot de passe : ${base}/mot-de-passe-oublie\nPuis vérifiez vos sessions ouvertes dans « Mon compte » : ${base}/mon-compte/sessions`;

export function confirmationMail(to: string, name: string, base: string, token: string): MailMessage {
  return message(to, 'Confirmez votre adresse électronique – Guichet', name, `Vous avez créé un compte sur Guichet avec cette adresse électronique.
${oneTimeLink('Pour la confirmer, ouvrez', '48 heures', `${base}/inscription/confirmer?jeton=${token}`)}

Si vous n'avez pas créé de compte, ne faites rien : sans confirmation, personne ne recevra de message de Guichet à cette adresse.`);
}

export function alreadyRegisteredMail(to: string, base: string): MailMessage {
  return message(to, 'Tentative de création de compte – Guichet', undefined, `Quelqu'un (peut-être vous) a essayé de créer un compte sur Guichet avec cette adresse électronique.
Un compte existe déjà à cette adresse : aucun nouveau compte n'a été créé.

Si c'était vous :
- connectez-vous : ${base}/connexion
- si vous avez oublié votre mot de passe, choisissez-en un nouveau : ${base}/mot-de-passe-oublie

Si ce n'était pas vous, ne faites rien : votre compte n'a pas changé.`);
}

export function resetMail(to: string, name: string, base: string, token: string): MailMessage {
  return message(to, 'Choisir un nouveau mot de passe – Guichet', name, `Vous avez demandé à choisir un nouveau mot de passe pour votre compte Guichet.
${oneTimeLink('Ouvrez', '1 heure', `${base}/mot-de-passe/nouveau?jeton=${token}`)}

Si vous n'avez rien demandé, ne faites rien : votre mot de passe actuel reste valable.`);
}

export function passwordChangedMail(to: string, name: string, base: string, how: 'reset' | 'change'): MailMessage {
  return message(to, 'Votre mot de passe a été changé – Guichet', name, `Le mot de passe de votre compte Guichet a été changé le ${formatDateTime(new Date())}${how === 'reset' ? ' avec un lien « mot de passe oublié »' : ''}.
${how === 'reset' ? 'Toutes vos sessions ouvertes ont été fermées.' : 'Vos autres sessions ouvertes ont été fermées.'}

${NOT_YOU(base)}`);
}

export function signInLinkMail(to: string, name: string, base: string, token: string): MailMessage {
  return message(to, 'Votre lien de connexion – Guichet', name, `Vous avez demandé un lien pour vous connecter à votre compte Guichet sans mot de passe.
${oneTimeLink('Ouvrez', '15 minutes', `${base}/connexion/lien/ouvrir?jeton=${token}`)}

Si votre compte a la double authentification, le code vous sera demandé comme d'habitude.
Si vous n'avez rien demandé, ne faites rien : personne ne peut se connecter sans ce lien.

${NOT_YOU(base)}`);
}

export function emailChangeMail(to: string, name: string, base: string, token: string): MailMessage {
  return message(to, 'Confirmez votre nouvelle adresse électronique – Guichet', name, `Vous avez demandé à utiliser cette adresse électronique pour votre compte Guichet.
${oneTimeLink('Pour la confirmer, ouvrez', '24 heures', `${base}/mon-compte/adresse/confirmer?jeton=${token}`)}

Si vous n'avez rien demandé, ne faites rien : l'adresse de votre compte ne changera pas.`);
}

export function emailTakenMail(to: string, base: string): MailMessage {
  return message(to, 'Changement d’adresse électronique impossible – Guichet', undefined, `Quelqu'un a demandé à utiliser cette adresse électronique pour un compte Guichet.
Un autre compte utilise déjà cette adresse : rien n'a été changé.

Si c'est votre compte et que vous avez oublié son mot de passe : ${base}/mot-de-passe-oublie`);
}

export function emailChangeRequestedMail(to: string, name: string, newEmail: string, base: string): MailMessage {
  return message(to, 'Demande de changement d’adresse électronique – Guichet', name, `Le ${formatDateTime(new Date())}, quelqu'un connecté à votre compte Guichet a demandé à remplacer cette adresse électronique par : ${newEmail}
Le changement sera fait quand le lien envoyé à la nouvelle adresse sera ouvert.

${NOT_YOU(base)}`);
}

export function emailChangedMail(to: string, name: string, newEmail: string, base: string): MailMessage {
  return message(to, 'Votre adresse électronique a été changée – Guichet', name, `Votre compte Guichet utilise désormais l'adresse ${newEmail}. Vous ne recevrez plus nos messages à cette adresse-ci.

Si ce n'est pas vous, contactez sans attendre la Région Bretagne depuis ${base}/contact.`);
}

export function newSignInMail(to: string, name: string, base: string, device: string, method: string): MailMessage {
  return message(to, 'Nouvelle connexion à votre compte Guichet', name, `Une connexion à votre compte Guichet a eu lieu depuis un appareil qui ne s'était jamais connecté à votre compte :
- date : ${formatDateTime(new Date())}
- appareil : ${device}
- moyen de connexion : ${method}

Si c'est vous, vous n'avez rien à faire.

${NOT_YOU(base)}
Depuis la page des sessions, vous pouvez fermer une session que vous ne reconnaissez pas.`);
}

export function accountDeletedMail(to: string, name: string): MailMessage {
  return message(to, 'Votre compte Guichet a été supprimé', name, `Votre compte Guichet a été supprimé le ${formatDateTime(new Date())}, comme vous l’avez demandé.
Votre profil, vos brouillons de demande, vos favoris et vos connexions ont été effacés avec lui. Les demandes d’aide que vous aviez envoyées restent chez la collectivité qui les a reçues, sans lien avec un compte : elle les garde le temps prévu (10 ans après une aide accordée, 5 ans dans les autres cas).
Le journal de sécurité garde la trace de cette suppression pendant un an, comme la loi le demande ; il ne contient ni mot de passe ni document.

Ce message est le dernier que vous recevez de Guichet. Vous pouvez créer un nouveau compte à tout moment.`);
}
