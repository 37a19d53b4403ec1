import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';
import { ACCENT_SURFACES, checkAccentContrast, isHexColor, MIN_CONTRAST, suggestAccessibleShade, themeCss } from './theme';

extend([a11yPlugin]);

test('a dark accent passes on every surface of the charter', () => {
  const check = checkAccentContrast('#0b5394');
  assert.equal(check.ok, true);
  assert.ok(check.worstRatio >= MIN_CONTRAST);
  assert.equal(check.suggestion, undefined);
});

test('a light accent is refused with its worst ratio, the surface, and a darker shade that passes', () => {
  const check = checkAccentContrast('#ffcc00');
  assert.equal(check.ok, false);
  assert.ok(check.worstRatio < 2, `ratio ${check.worstRatio}`);
  // The light grey surface is darker than white, so it is the worst pair for a light colour.
  assert.equal(check.worstSurface, 'fond gris clair');
  assert.ok(check.suggestion && isHexColor(check.suggestion));
  for (const surface of ACCENT_SURFACES) assert.ok(colord(check.suggestion).contrast(surface.hex) >= MIN_CONTRAST);
  // Same hue family: a darker yellow-brown, not black.
  assert.notEqual(check.suggestion, '#000000');
  assert.ok(Math.abs(colord(check.suggestion).hue() - colord('#ffcc00').hue()) < 15);
});

test('the worst ratio is rounded down, so a colour just under 4.5:1 never shows as 4.5', () => {
  // #777777 on white is 4.48:1.
  const check = checkAccentContrast('#777777');
  assert.equal(check.ok, false);
  assert.ok(check.worstRatio < 4.5);
  assert.equal(suggestAccessibleShade('#0b5394'), '#0b5394');
});

test('hex colours: only #rrggbb', () => {
  assert.equal(isHexColor('#0B5394'), true);
  assert.equal(isHexColor('#fff'), false);
  assert.equal(isHexColor('0b5394'), false);
  assert.equal(isHexColor('#0b5394;}body{x'), false);
});

test('the theme stylesheet carries the accent and a darker hover shade', () => {
  const css = themeCss('#0b5394');
  assert.match(css, /--accent:#0b5394/);
  const dark = /--accent-dark:(#[0-9a-f]{6})/.exec(css)?.[1];
  assert.ok(dark && colord(dark).luminance() < colord('#0b5394').luminance());
});
