/**
 * The charter's palette, read from src/styles/tokens.css (never typed twice), and every pair of
 * colours a person sees together, with its use. /charte computes and shows each ratio; the unit
 * test keeps text pairs at 4.5:1 or more and borders or shapes at 3:1 (WCAG 2.1, 1.4.3 and 1.4.11).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';
import { darkShade, softTint } from './theme';

extend([a11yPlugin]);

const tokensFile = join(import.meta.dirname, '..', '..', 'styles', 'tokens.css');

/** The colour custom properties of tokens.css: name (without --) → #rrggbb. */
export function readPalette(css = readFileSync(tokensFile, 'utf8')): Record<string, string> {
  const palette: Record<string, string> = {};
  for (const match of css.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) palette[match[1]!] = match[2]!.toLowerCase();
  return palette;
}

export interface ColourPair {
  /** Token names (without --). */
  fg: string;
  bg: string;
  use: string;
  /** 4.5 for text, 3 for borders and shapes. */
  min: 4.5 | 3;
}

export const COLOUR_PAIRS: ColourPair[] = [
  { fg: 'text', bg: 'surface', use: 'Texte courant', min: 4.5 },
  { fg: 'text', bg: 'surface-alt', use: 'Texte sur fond gris (pied de page, tableaux)', min: 4.5 },
  { fg: 'text', bg: 'accent-soft', use: 'Texte sur la teinte de la collectivité (aide, accès aux services)', min: 4.5 },
  { fg: 'text-muted', bg: 'surface', use: 'Texte secondaire', min: 4.5 },
  { fg: 'text-muted', bg: 'surface-alt', use: 'Texte secondaire sur fond gris', min: 4.5 },
  { fg: 'accent', bg: 'surface', use: 'Liens', min: 4.5 },
  { fg: 'accent', bg: 'surface-alt', use: 'Liens sur fond gris', min: 4.5 },
  { fg: 'accent-dark', bg: 'accent-soft', use: 'Liens sur la teinte de la collectivité', min: 4.5 },
  { fg: 'on-accent', bg: 'accent', use: 'Texte des boutons', min: 4.5 },
  { fg: 'on-accent', bg: 'accent-dark', use: 'Boutons survolés', min: 4.5 },
  { fg: 'error', bg: 'surface', use: 'Messages d’erreur', min: 4.5 },
  { fg: 'error', bg: 'error-surface', use: 'Badge et résumé d’erreurs', min: 4.5 },
  { fg: 'success', bg: 'success-surface', use: 'Badge et message de réussite', min: 4.5 },
  { fg: 'warning', bg: 'warning-surface', use: 'Badge et message d’attention', min: 4.5 },
  { fg: 'neutral', bg: 'neutral-surface', use: 'Badge neutre, étiquettes', min: 4.5 },
  { fg: 'border', bg: 'surface', use: 'Bordure des champs de saisie', min: 3 },
  { fg: 'focus', bg: 'surface', use: 'Contour du focus clavier', min: 3 },
];

export interface MeasuredPair extends ColourPair {
  fgHex: string;
  bgHex: string;
  /** Rounded down to 2 decimals, so a ratio just under the minimum never shows as reaching it. */
  ratio: number;
  ok: boolean;
}

/** The palette with the tenant's accent (and its shades) in place of the default one. */
export function paletteFor(accentHex?: string): Record<string, string> {
  const palette = readPalette();
  if (!accentHex) return palette;
  return { ...palette, accent: colord(accentHex).toHex(), 'accent-dark': darkShade(accentHex), 'accent-soft': softTint(accentHex) };
}

export function measurePairs(palette: Record<string, string>): MeasuredPair[] {
  return COLOUR_PAIRS.map((pair) => {
    const fgHex = palette[pair.fg] ?? '#000000';
    const bgHex = palette[pair.bg] ?? '#ffffff';
    const ratio = Math.floor(colord(fgHex).contrast(bgHex) * 100) / 100;
    return { ...pair, fgHex, bgHex, ratio, ok: ratio >= pair.min };
  });
}
