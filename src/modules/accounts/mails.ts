import type { MailMessage } from '../../platform/mail/mailer';
import { formatDateTime } from '../../platform/views/components';

/** Every mail of this module: plain French text, full links, what to do if it was not you. */

const SIGNATURE = '\n\n--\nGuichet, vos services publics en Bretagne.\nCe message est envoyé automatiquement : merci de ne pas y répondre.';

const NOT_YOU = (base: string) =>
  `Si ce n'est pas vous, changez tout de suite votre mot de passe : ${base}/mot-de-passe-oublie\nPuis vérifiez vos sessions ouvertes dans « Mon compte » : ${base}/mon-compte/sessions`;

export function confirmationMail(to: string, name: string, base: string, token: string): MailMessage {
  return {
    to,
    subject: 'Confirmez votre adresse électronique – Guichet',
    text: `Bonjour ${name},

Vous avez créé un compte sur Guichet avec cette adresse électronique.
Pour la confirmer, ouvrez ce lien (il est valable 48 heures et ne sert qu'une fois) :

${base}/inscription/confirmer?jeton=${token}

Si vous n'avez pas créé de compte, ne faites rien : sans confirmation, personne ne recevra de message de Guichet à cette adresse.${SIGNATURE}`,
  };
}

export function alreadyRegisteredMail(to: string, base: string): MailMessage {
  return {
    to,
    subject: 'Tentative de création de compte – Guichet',
    text: `Bonjour,

Quelqu'un (peut-être vous) a essayé de créer un compte sur Guichet avec cette adresse électronique.
Un compte existe déjà à cette adresse : aucun nouveau compte n'a été créé.

Si c'était vous :
- connectez-vous : ${base}/connexion
- si vous avez oublié votre mot de passe, choisissez-en un nouveau : ${base}/mot-de-passe-oublie

Si ce n'était pas vous, ne faites rien : votre compte n'a pas changé.${SIGNATURE}`,
  };
}

export function resetMail(to: string, name: string, base: string, token: string): MailMessage {
  return {
    to,
    subject: 'Choisir un nouveau mot de passe – Guichet',
    text: `Bonjour ${name},

Vous avez demandé à choisir un nouveau mot de passe pour votre compte Guichet.
Ouvrez ce lien (il est valable 1 heure et ne sert qu'une fois) :

${base}/mot-de-passe/nouveau?jeton=${token}

Si vous n'avez rien demandé, ne faites rien : votre mot de passe actuel reste valable.${SIGNATURE}`,
  };
}

export function passwordChangedMail(to: string, name: string, base: string, how: 'reset' | 'change'): MailMessage {
  return {
    to,
    subject: 'Votre mot de passe a été changé – Guichet',
    text: `Bonjour ${name},

Le mot de passe de votre compte Guichet a été changé le ${formatDateTime(new Date())}${how === 'reset' ? ' avec un lien « mot de passe oublié »' : ''}.
${how === 'reset' ? 'Toutes vos sessions ouvertes ont été fermées.' : 'Vos autres sessions ouvertes ont été fermées.'}

${NOT_YOU(base)}${SIGNATURE}`,
  };
}

export function emailChangeMail(to: string, name: string, base: string, token: string): MailMessage {
  return {
    to,
    subject: 'Confirmez votre nouvelle adresse électronique – Guichet',
    text: `Bonjour ${name},

Vous avez demandé à utiliser cette adresse électronique pour votre compte Guichet.
Pour la confirmer, ouvrez ce lien (il est valable 24 heures et ne sert qu'une fois) :

${base}/mon-compte/adresse/confirmer?jeton=${token}

Si vous n'avez rien demandé, ne faites rien : l'adresse de votre compte ne changera pas.${SIGNATURE}`,
  };
}

export function emailTakenMail(to: string, base: string): MailMessage {
  return {
    to,
    subject: 'Changement d’adresse électronique impossible – Guichet',
    text: `Bonjour,

Quelqu'un a demandé à utiliser cette adresse électronique pour un compte Guichet.
Un autre compte utilise déjà cette adresse : rien n'a été changé.

Si c'est votre compte et que vous avez oublié son mot de passe : ${base}/mot-de-passe-oublie${SIGNATURE}`,
  };
}

export function emailChangeRequestedMail(to: string, name: string, newEmail: string, base: string): MailMessage {
  return {
    to,
    subject: 'Demande de changement d’adresse électronique – Guichet',
    text: `Bonjour ${name},

Le ${formatDateTime(new Date())}, quelqu'un connecté à votre compte Guichet a demandé à remplacer cette adresse électronique par : ${newEmail}
Le changement sera fait quand le lien envoyé à la nouvelle adresse sera ouvert.

${NOT_YOU(base)}${SIGNATURE}`,
  };
}

export function emailChangedMail(to: string, name: string, newEmail: string, base: string): MailMessage {
  return {
    to,
    subject: 'Votre adresse électronique a été changée – Guichet',
    text: `Bonjour ${name},

Votre compte Guichet utilise désormais l'adresse ${newEmail}. Vous ne recevrez plus nos messages à cette adresse-ci.

Si ce n'est pas vous, contactez sans attendre la Région Bretagne depuis ${base}/contact.${SIGNATURE}`,
  };
}

export function newSignInMail(to: string, name: string, base: string, device: string, method: string): MailMessage {
  return {
    to,
    subject: 'Nouvelle connexion à votre compte Guichet',
    text: `Bonjour ${name},

Une connexion à votre compte Guichet a eu lieu depuis un appareil qui ne s'était jamais connecté à votre compte :
- date : ${formatDateTime(new Date())}
- appareil : ${device}
- moyen de connexion : ${method}

Si c'est vous, vous n'avez rien à faire.

${NOT_YOU(base)}
Depuis la page des sessions, vous pouvez fermer une session que vous ne reconnaissez pas.${SIGNATURE}`,
  };
}

export function accountDeletedMail(to: string, name: string): MailMessage {
  return {
    to,
    subject: 'Votre compte Guichet a été supprimé',
    text: `Bonjour ${name},

Votre compte Guichet a été supprimé le ${formatDateTime(new Date())}, avec votre profil et vos sessions.
Le journal de sécurité garde la trace de cette suppression et des connexions passées, comme la loi le demande ; il ne contient ni mot de passe ni document.

Ce message est le dernier que vous recevez de Guichet. Vous pouvez créer un nouveau compte à tout moment.${SIGNATURE}`,
  };
}
