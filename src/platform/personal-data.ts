/**
 * The register of personal data (RGPD art. 30, in plain words): each module declares what it
 * stores about people through its GuichetModule (`personalData`), the platform declares its own
 * tables below (platform-personal-data.ts), and the page /donnees-personnelles is rendered from
 * the whole register. A test reads the database catalogue after the migrations and fails when a
 * table holding a person's identifier, address or IP is declared nowhere.
 */

import type { Kysely } from 'kysely';
import type { PlatformTables } from './db/tables';

/** RGPD article 6.1: the four bases Guichet uses. */
export type LegalBasis = 'mission' | 'consentement' | 'obligation' | 'contrat';

export const legalBasisLabels: Record<LegalBasis, string> = {
  mission: 'mission d’intérêt public (article 6.1.e du RGPD)',
  consentement: 'votre accord (article 6.1.a du RGPD), que vous pouvez retirer à tout moment',
  obligation: 'obligation légale (article 6.1.c du RGPD)',
  contrat: 'contrat (article 6.1.b du RGPD)',
};

/** Whose data: the page groups the processings by who is concerned. */
export type Concerned = 'visiteurs' | 'personnes' | 'demandeurs' | 'agents';

export const concernedLabels: Record<Concerned, string> = {
  visiteurs: 'Pour toute personne qui visite Guichet',
  personnes: 'Si vous avez un compte',
  demandeurs: 'Si vous faites une demande d’aide',
  agents: 'Si vous êtes agent d’une collectivité',
};

/** One processing (« traitement »): what is kept, why, on which basis, how long, for whom. */
export interface Processing {
  /** Stable identifier, used as the anchor on the page and by `alsoIn`. */
  id: string;
  concerned: Concerned;
  /** Plain words: « Votre compte ». */
  title: string;
  /** The tables that hold it (checked against the database catalogue by a test). */
  tables: string[];
  /** Which data, in plain words. */
  data: string;
  purpose: string;
  basis: LegalBasis;
  /** Optional precision after the basis (the mission, the law). */
  basisDetail?: string;
  /** « Conservé jusqu'à … »: the rule. */
  kept: string;
  /** How the rule is applied today, honestly (« rien ne l'efface automatiquement aujourd'hui »). */
  enforced: string;
  /** Who can see it. */
  recipients: string;
}

/**
 * A module's part of the copy a person downloads from « Mes données » (RGPD articles 15 and 20):
 * what it keeps about one account, in plain JSON, never a secret (no password hash, token or key).
 */
export interface PersonalDataCopy {
  /** Key of this part in the downloaded file (« profil »). */
  key: string;
  /** The tables it reads (with `notCopied`, they cover every table of a processing about a person: a test checks). */
  tables: string[];
  read(db: Kysely<PlatformTables>, accountId: string): Promise<unknown>;
}

/** A table about a person left out of the copy, and why in plain words (shown on « Mes données »). */
export interface NotCopied {
  table: string;
  why: string;
}

/** A module's declaration. */
export interface PersonalDataDeclaration {
  processings?: Processing[];
  /** Its parts of the person's copy. */
  copies?: PersonalDataCopy[];
  notCopied?: NotCopied[];
  /** Tables of this module that belong to a processing declared elsewhere (by its id). */
  alsoIn?: Array<{ processing: string; tables: string[] }>;
  /** Tables whose columns look personal but are not (a place's public address…), and why. */
  withoutPersonalData?: Array<{ table: string; why: string }>;
}

/** The whole register, once every declaration is merged: what the page shows. */
export interface PersonalDataRegister {
  processings: Processing[];
  withoutPersonalData: Array<{ table: string; why: string }>;
  copies: PersonalDataCopy[];
  notCopied: NotCopied[];
}

/** The processings a person's copy must cover: those about people with an account or an application. */
export const COPIED_CONCERNS: readonly Concerned[] = ['personnes', 'demandeurs'];

/**
 * Merges the declarations in order; `alsoIn` adds tables to a processing declared by any of
 * them. Throws on a duplicate id or an `alsoIn` naming no processing: a mistake of the code.
 */
export function buildRegister(declarations: PersonalDataDeclaration[]): PersonalDataRegister {
  const processings: Processing[] = [];
  const byId = new Map<string, Processing>();
  for (const declaration of declarations) {
    for (const processing of declaration.processings ?? []) {
      if (byId.has(processing.id)) throw new Error(`personal data: processing ${processing.id} declared twice`);
      const copy = { ...processing, tables: [...processing.tables] };
      byId.set(copy.id, copy);
      processings.push(copy);
    }
  }
  for (const declaration of declarations) {
    for (const extra of declaration.alsoIn ?? []) {
      const target = byId.get(extra.processing);
      if (!target) throw new Error(`personal data: alsoIn names an unknown processing ${extra.processing}`);
      target.tables.push(...extra.tables);
    }
  }
  const copies = declarations.flatMap((d) => d.copies ?? []);
  const keys = new Set<string>();
  for (const copy of copies) {
    if (keys.has(copy.key)) throw new Error(`personal data: copy ${copy.key} declared twice`);
    keys.add(copy.key);
  }
  return {
    processings,
    withoutPersonalData: declarations.flatMap((d) => d.withoutPersonalData ?? []),
    copies,
    notCopied: declarations.flatMap((d) => d.notCopied ?? []),
  };
}
