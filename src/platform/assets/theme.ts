import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';

extend([a11yPlugin]);

/** Every surface the accent colour is drawn on or against, in the charter. */
export const ACCENT_SURFACES = [
  { name: 'fond blanc', hex: '#ffffff' },
  { name: 'fond gris clair', hex: '#f4f6f8' },
] as const;

export const MIN_CONTRAST = 4.5;

export interface ContrastCheck {
  ok: boolean;
  /** The lowest ratio among the pairs, rounded to 2 decimals. */
  worstRatio: number;
  worstSurface: string;
  /** A darker shade of the same hue that passes, when the colour does not. */
  suggestion?: string;
}

export function isHexColor(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value);
}

/**
 * The accent is used for links and button text on light surfaces, and as a background under
 * white text: every one of those pairs must reach 4.5:1 (WCAG 2.1, criterion 1.4.3).
 */
export function checkAccentContrast(hex: string): ContrastCheck {
  const color = colord(hex);
  let worst: { ratio: number; surface: string } = { ratio: Infinity, surface: '' };
  for (const surface of ACCENT_SURFACES) {
    const ratio = color.contrast(surface.hex);
    if (ratio < worst.ratio) worst = { ratio, surface: surface.name };
  }
  const result: ContrastCheck = {
    ok: worst.ratio >= MIN_CONTRAST,
    worstRatio: Math.floor(worst.ratio * 100) / 100,
    worstSurface: worst.surface,
  };
  if (!result.ok) result.suggestion = suggestAccessibleShade(hex);
  return result;
}

export function suggestAccessibleShade(hex: string): string {
  let color = colord(hex);
  for (let step = 0; step < 100; step++) {
    if (ACCENT_SURFACES.every((s) => color.contrast(s.hex) >= MIN_CONTRAST)) return color.toHex();
    color = color.darken(0.01);
  }
  return '#000000';
}

/** A light tint of the accent (8 % over white): the background of the help block, notices and entry points. */
export function softTint(accentHex: string): string {
  const { r, g, b } = colord(accentHex).toRgb();
  const mix = (c: number) => Math.round(255 - (255 - c) * 0.08);
  return colord({ r: mix(r), g: mix(g), b: mix(b) }).toHex();
}

/**
 * A darker shade of the accent for hover states and for links drawn on the soft tint: darkened
 * until it reaches 4.5:1 on the tint (and so on white), whatever accent the tenant chose.
 */
export function darkShade(accentHex: string): string {
  const soft = softTint(accentHex);
  let dark = colord(accentHex).darken(0.1);
  for (let step = 0; step < 100 && dark.contrast(soft) < MIN_CONTRAST; step++) dark = dark.darken(0.01);
  return dark.toHex();
}

/** The tenant's theme: its accent, a darker shade and a soft tint. */
export function themeCss(accentHex: string): string {
  const accent = colord(accentHex);
  return `:root{--accent:${accent.toHex()};--accent-dark:${darkShade(accentHex)};--accent-soft:${softTint(accentHex)};--on-accent:#ffffff}`;
}
