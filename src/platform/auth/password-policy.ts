import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as frenchDictionary } from '@zxcvbn-ts/language-fr';

/**
 * Guichet's password policy, for people and agents alike (explained in plain words in
 * PASSWORD_RULES, shown next to every new-password field):
 * - at least 12 characters, at most 200;
 * - not a common or easily guessed password: zxcvbn (common passwords, French words, first
 *   names and last names, keyboard patterns, dates, repetitions) must score it 3 or more out of 4;
 * - it must not contain the person's email identifier (the part before @, when it has at least
 *   3 characters) nor their name.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
export const MIN_PASSWORD_SCORE = 3;

/** The rule as a person reads it, next to the field. */
export const PASSWORD_RULES =
  'Au moins 12 caractères. Évitez les mots de passe courants ou faciles à deviner (« motdepasse123 », « azertyuiop », une date de naissance) et n’utilisez ni votre nom ni votre adresse électronique. Une phrase de plusieurs mots est facile à retenir et difficile à deviner, par exemple « trois chats gris sur le quai ».';

let factory: ZxcvbnFactory | undefined;

/** Built on first use: the dictionaries take a moment to load and most requests never need them. */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...frenchDictionary },
    graphs: adjacencyGraphs,
    useLevenshteinDistance: true,
  });
  return factory;
}

export interface PasswordOwner {
  email?: string | undefined;
  name?: string | undefined;
}

function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The parts of the owner's identity a password must not contain (3 characters or more). */
function personalWords(owner: PasswordOwner): string[] {
  const words: string[] = [];
  const local = owner.email?.split('@')[0];
  if (local) words.push(local, ...local.split(/[._+-]+/));
  if (owner.name) words.push(owner.name, ...owner.name.split(/[\s'’-]+/));
  return [...new Set(words.map(normalise).filter((w) => w.length >= 3))];
}

/** A French message saying why the password is refused, or null when it is accepted. */
export function checkPasswordPolicy(password: string, owner: PasswordOwner = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères (vous en avez saisi ${password.length}). Une phrase courte est facile à retenir.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return `Le mot de passe doit contenir ${MAX_PASSWORD_LENGTH} caractères au maximum.`;
  const plain = normalise(password);
  const personal = personalWords(owner);
  if (personal.some((word) => plain.includes(word))) {
    return 'Le mot de passe ne doit contenir ni votre nom ni votre adresse électronique. Choisissez des mots sans lien avec vous.';
  }
  const result = zxcvbn().check(password, personal);
  if (result.score < MIN_PASSWORD_SCORE) {
    return 'Ce mot de passe est trop courant ou trop facile à deviner. Ajoutez des mots inattendus, par exemple une phrase de quatre mots sans lien entre eux.';
  }
  return null;
}
