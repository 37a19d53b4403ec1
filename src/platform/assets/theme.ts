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

/** The tenant's theme: its accent and a darker shade for hover states. */
export function themeCss(accentHex: string): string {
  const accent = colord(accentHex);
  const dark = accent.darken(0.1).toHex();
  return `:root{--accent:${accent.toHex()};--accent-dark:${dark};--on-accent:#ffffff}`;
}
